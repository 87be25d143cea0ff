package dev.liveload.internal.engine;

import dev.liveload.RunOptions;
import dev.liveload.internal.Logs;
import dev.liveload.internal.data.RunFeeders;
import dev.liveload.internal.browser.BrowserRuntime;
import dev.liveload.internal.http.HttpSettings;
import dev.liveload.internal.metrics.Counters;
import dev.liveload.internal.metrics.HealthMonitor;
import dev.liveload.internal.metrics.MetricRegistry;
import dev.liveload.internal.metrics.Redactor;
import dev.liveload.internal.metrics.ResultMerger;
import dev.liveload.internal.metrics.Sampler;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntSupplier;
import org.slf4j.Logger;

/**
 * Runs one load test: schedules populations, ticks the metrics every second, enforces iteration timeouts, stops
 * gracefully, and builds the {@link RunResult} (also when interrupted).
 */
public final class Engine {
  private static final Logger LOG = Logs.get(Engine.class);
  private static final long SCHEDULER_PERIOD_NANOS = 5_000_000L;
  /** After users are cut off, how long to wait for their threads before giving up on them. */
  private static final long JOIN_AFTER_STOP_NANOS = TimeUnit.SECONDS.toNanos(10);

  final RunOptions options;
  final MetricRegistry registry = new MetricRegistry();
  final Counters counters = new Counters();
  final HttpSettings http;
  final BrowserRuntime browsers;
  /** Takes secrets out of everything recorded: error messages, the abort reason, log lines. */
  final Redactor redactor;
  private final List<LoadRunner> runners = new ArrayList<>();
  private final List<ScenarioSlot> slots = new ArrayList<>();
  private final AtomicInteger userIds = new AtomicInteger();
  private final HealthMonitor health = new HealthMonitor();
  private final CountDownLatch finished = new CountDownLatch(1);
  private volatile String abortReason;
  private volatile String interruptReason;
  private volatile Thread runThread;
  /** When the warm-up ended ({@link System#nanoTime()}); the run's start when there is none. */
  private volatile long measuredFromNanos = Long.MIN_VALUE;
  volatile Throttles throttles;
  /** The run's feeders, opened (files indexed) before any load. */
  final RunFeeders feeders;

  private final EngineHooks hooks;

  public Engine(RunOptions options) {
    this(options, EngineHooks.NONE);
  }

  public Engine(RunOptions options, EngineHooks hooks) {
    this.options = options;
    this.hooks = hooks;
    this.redactor = Redactor.of(options.redactedParameters());
    this.http = new HttpSettings(options.http(), options.baseUrl());
    this.browsers = new BrowserRuntime(options);
    for (var population : options.populations()) {
      LoadRunner runner = LoadRunner.of(population, this, slots.size());
      runners.add(runner);
      slots.addAll(runner.slots);
    }
    this.feeders = RunFeeders.open(options);
  }

  /** @return when the measured part of the run began ({@link System#nanoTime()}), or MIN_VALUE in the warm-up */
  long measuredFromNanos() {
    return measuredFromNanos;
  }

  /** @return the generator's own health monitor */
  HealthMonitor health() {
    return health;
  }

  int nextUserId() {
    return userIds.incrementAndGet();
  }

  /** @return whether the run is being aborted: users start no new iteration */
  boolean aborting() {
    return abortReason != null;
  }

  /**
   * Stops the run early: users are cut off at once and the result has status {@code ABORTED} with the reason
   * (a scenario bug every iteration would repeat, a failed threshold, a controller's order). The first reason wins.
   *
   * @param reason why
   */
  public void abort(String reason) {
    if (abortReason == null) {
      abortReason = redactor.redact(reason);
      LOG.error("aborting the run: {}", abortReason);
    }
  }

  /**
   * Does before the start what can be done before it: launches the browser (a missing one fails here, before any
   * load) and loads what the first samples need. A distributed run's worker calls it while it prepares its plan,
   * before the cluster's start time is fixed, so that its start is not late by a browser launch.
   */
  public void prepare() {
    browsers.openIfConfigured();
    Sampler.warmUp();
  }

  /**
   * As {@link #prepare}, and for a start planned ahead (a distributed run's worker) also makes the pages of the
   * browser users that start in the first second (at most {@value #MAX_WARM_PAGES}), so that their first actions
   * are not late by a context's creation.
   */
  public void prepareForPlannedStart() {
    prepare();
    int first = 0;
    for (LoadRunner r : runners) {
      if (r.load() instanceof dev.liveload.ClosedLoad closed) {
        first += (int) Math.ceil(closed.usersAtNanos(1_000_000_000L) - 1e-9);
      }
    }
    try {
      browsers.warmPages(Math.min(MAX_WARM_PAGES, first));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Most pages {@link #prepareForPlannedStart} makes ahead. */
  static final int MAX_WARM_PAGES = 16;

  /** Releases what {@link #prepare} (and the constructor) opened, for a run that will not start. */
  public void discard() {
    browsers.close();
    feeders.close();
  }

  /**
   * @return when the run's first action (request, WebSocket exchange, browser action) began, {@link System#nanoTime()},
   *     or {@link Long#MIN_VALUE} when none ran
   */
  public long firstActionNanos() {
    return registry.firstAction().startNanos();
  }

  public RunResult run() {
    prepare(); // a missing browser fails here, before any load (at once when already prepared)
    runThread = Thread.currentThread();
    if (hooks.beforeStart() != null) {
      hooks.beforeStart().run();
    }
    Instant start = Instant.now();
    long startNanos = System.nanoTime();
    throttles = new Throttles(options.throttles(), startNanos);
    long planned = runners.stream().mapToLong(r -> r.load().duration().toMillis()).max().orElse(0);
    IntSupplier[] users = slots.stream().map(s -> (IntSupplier) s::users).toArray(IntSupplier[]::new);
    var sampler = new Sampler(registry, counters, users, Sampler.intervalFor(planned), start.toEpochMilli(), health);
    if (hooks.intervals() != null) {
      sampler.listener(data -> hooks.intervals().onInterval(
          data.withErrors(slots.stream().map(s -> s.errors.snapshot()).toList())));
    }
    var monitor = new RunMonitor(this, options, sampler, runners, slots.stream().map(ScenarioSlot::name).toList(),
        startNanos);
    health.start();
    Sampler.warmUp();
    long warmUpMillis = options.warmUp().toMillis();
    if (warmUpMillis > 0) {
      sampler.startWarmUp();
    } else {
      measuredFromNanos = startNanos;
      health.measureFrom(startNanos, false);
    }
    var ticker = new Ticker(sampler, monitor, warmUpMillis > 0 ? start.toEpochMilli() + warmUpMillis : -1,
        () -> endWarmUp(sampler));
    Thread tickerThread = Thread.ofPlatform().daemon().name("liveload-ticker").start(ticker);
    var watchdog = new Watchdog(runners);
    Thread watchdogThread = Thread.ofPlatform().daemon().name("liveload-watchdog").start(watchdog);
    Thread hook = Thread.ofPlatform().unstarted(this::onShutdown);
    boolean hookInstalled = installHook(hook);
    boolean interrupted = false;
    int stuck = 0;
    try {
      interrupted = schedule(startNanos);
      long deadline = System.nanoTime() + JOIN_AFTER_STOP_NANOS
          + (interrupted || abortReason != null ? 0 : options.gracefulStop().toNanos());
      for (LoadRunner r : runners) {
        stuck += r.join(deadline);
      }
      if (stuck > 0) {
        runners.forEach(LoadRunner::stopNow);
        LOG.warn("{} users did not stop within the graceful stop period plus 10 s; their last iteration is "
            + "left out", stuck);
      }
    } finally {
      ticker.stop();
      tickerThread.interrupt();
      try {
        tickerThread.join(2000);
      } catch (InterruptedException e) {
        interrupted = true;
      }
      watchdog.stop();
      watchdogThread.interrupt();
      health.stop();
      browsers.close();
    }
    Instant end = Instant.now();
    sampler.sample(end.toEpochMilli(), true);
    RunResult measured = buildResult(sampler, start, end, interrupted, stuck);
    RunResult result = new RunResult(measured.schema(), measured.run(), measured.total(), measured.scenarios(),
        monitor.verdicts(measured), measured.generator(), measured.nodes(), measured.measurements());
    monitor.printSummary(result);
    if (options.resultFile() != null) {
      try {
        result.write(options.resultFile());
      } catch (RuntimeException e) {
        LOG.error("could not write the result to {}: {}", options.resultFile(), e.getMessage());
      }
    }
    feeders.close();
    finished.countDown();
    if (hookInstalled) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is already shutting down
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  /**
   * The warm-up is over (ticker thread): what it recorded leaves the totals and error groups, the generator's
   * cold-start watch begins, and the log says what was left out.
   */
  private void endWarmUp(Sampler sampler) {
    Map<String, Long> warm = sampler.endWarmUp(System.currentTimeMillis());
    long now = System.nanoTime();
    slots.forEach(s -> s.errors.clear());
    measuredFromNanos = now;
    health.measureFrom(now, true);
    LOG.info("warm-up over after {}: left out of the result {} requests ({} failed) and {} iterations ({} failed)",
        options.warmUp(), warm.getOrDefault("requests", 0L), warm.getOrDefault("requests.failed", 0L),
        warm.getOrDefault("iterations", 0L), warm.getOrDefault("iterations.failed", 0L));
  }

  /** The scheduler loop on the calling thread; returns true when it was interrupted. */
  private boolean schedule(long startNanos) {
    boolean aborted = false;
    while (true) {
      long now = System.nanoTime();
      long elapsed = now - startNanos;
      if (abortReason != null && !aborted) {
        aborted = true;
        runners.forEach(LoadRunner::stopNow);
      }
      boolean allDone = true;
      for (LoadRunner r : runners) {
        r.tick(elapsed, now);
        allDone &= r.done();
      }
      if (allDone) {
        return false;
      }
      LockSupport.parkNanos(SCHEDULER_PERIOD_NANOS);
      if (Thread.interrupted()) {
        if (interruptReason == null) {
          interruptReason = "interrupted";
        }
        runners.forEach(LoadRunner::stopNow);
        return true;
      }
    }
  }

  private boolean installHook(Thread hook) {
    try {
      Runtime.getRuntime().addShutdownHook(hook);
      return true;
    } catch (IllegalStateException | SecurityException e) {
      return false;
    }
  }

  /** Ctrl-C or SIGTERM: stop the users, let the run build (and write) its result, bounded. */
  private void onShutdown() {
    interruptReason = "JVM shutdown (Ctrl-C or SIGTERM)";
    Thread t = runThread;
    if (t != null) {
      t.interrupt();
    }
    try {
      finished.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private RunResult buildResult(Sampler sampler, Instant start, Instant end, boolean interrupted, int stuck) {
    long now = System.nanoTime();
    var scenarios = new ArrayList<ScenarioResult>();
    for (ScenarioSlot slot : slots) {
      LoadRunner r = slot.runner;
      String load = r.load().describe();
      if (r.slots.size() > 1) {
        double total = r.population.members().stream().mapToDouble(m -> m.weight()).sum();
        var share = java.math.BigDecimal.valueOf(100 * slot.member.weight() / total)
            .round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
        load += " — mix, " + share + "% of iterations";
      }
      long measured = measuredFromNanos == Long.MIN_VALUE ? 0 : r.runningMillis(now, measuredFromNanos);
      scenarios.add(sampler.result(slot.index, slot.name(), load, slot.maxUsers(), measured,
          slot.errors.snapshot()));
    }
    ScenarioResult merged = ResultMerger.mergeScenarios(scenarios);
    ScenarioResult total = new ScenarioResult(ScenarioResult.TOTAL, merged.load(), merged.maxUsers(),
        merged.durationMillis(), merged.counters(), merged.metrics(), merged.breakdown(), merged.errors(),
        merged.timeSeries());
    RunStatus status = interrupted ? RunStatus.INTERRUPTED
        : abortReason != null ? RunStatus.ABORTED : RunStatus.COMPLETED;
    String reason = interrupted ? interruptReason : abortReason != null ? abortReason : "";
    if (stuck > 0) {
      reason = (reason.isEmpty() ? "" : reason + "; ") + stuck + " users did not stop in time";
    }
    var info = new RunInfo(hooks.runId() != null ? hooks.runId() : UUID.randomUUID().toString(), options.name(),
        start, end, status, reason,
        options.describe(), Environments.current());
    return new RunResult(RunResult.SCHEMA, info, total, scenarios, List.of(), health.result(), List.of(),
        browsers.measurements());
  }

  /** Samples the metrics at every wall-clock second, then lets the monitor look at them. */
  private static final class Ticker implements Runnable {
    private final Sampler sampler;
    private final RunMonitor monitor;
    private volatile boolean running = true;
    /** When the warm-up ends, epoch ms; -1 when there is none or it has ended. */
    private long warmUpEndMillis;
    private final Runnable endWarmUp;

    Ticker(Sampler sampler, RunMonitor monitor, long warmUpEndMillis, Runnable endWarmUp) {
      this.sampler = sampler;
      this.monitor = monitor;
      this.warmUpEndMillis = warmUpEndMillis;
      this.endWarmUp = endWarmUp;
    }

    @Override
    public void run() {
      while (running) {
        long now = System.currentTimeMillis();
        long next = (now / 1000 + 1) * 1000;
        boolean warmUpEnds = warmUpEndMillis >= 0 && warmUpEndMillis <= next;
        if (warmUpEnds) {
          next = warmUpEndMillis; // a sample exactly there: no time-series point straddles the end
        }
        try {
          Thread.sleep(Math.max(0, next - now));
        } catch (InterruptedException e) {
          return;
        }
        if (!running) {
          return;
        }
        if (warmUpEnds) {
          warmUpEndMillis = -1;
          try {
            endWarmUp.run();
          } catch (RuntimeException e) {
            LOG.error("ending the warm-up failed", e);
          }
          continue;
        }
        try {
          long sampledAt = System.currentTimeMillis();
          sampler.sample(sampledAt, false);
          monitor.afterSample(sampledAt);
        } catch (RuntimeException e) {
          LOG.error("metrics sampling failed", e);
        }
      }
    }

    void stop() {
      running = false;
    }
  }
}
