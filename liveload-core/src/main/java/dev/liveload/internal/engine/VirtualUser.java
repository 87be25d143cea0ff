package dev.liveload.internal.engine;

import dev.liveload.IterationFailedException;
import dev.liveload.Scenario;
import dev.liveload.User;
import dev.liveload.browser.BrowserSession;
import dev.liveload.http.HttpSession;
import dev.liveload.internal.browser.UserBrowserSession;
import dev.liveload.internal.http.UserHttpSession;
import dev.liveload.internal.metrics.MetricDef;
import dev.liveload.internal.metrics.SeriesCache;
import dev.liveload.internal.ws.UserWebSockets;
import dev.liveload.ws.WsOptions;
import dev.liveload.ws.WsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

/**
 * One virtual user: runs on its own virtual thread, loops iterations of its scenario until its population stops
 * it, and records everything it does under its scenario and current step.
 */
public final class VirtualUser implements User, UserContext, Runnable {
  static final String ITERATION = "iteration.duration";
  static final String STEP = "step.duration";

  private static final Object END = new Object();

  private final int id;
  private final LoadRunner runner;
  private final Engine engine;
  private final SplittableRandom random;
  private final SplittableRandom mixRandom;
  private final double thinkFactor;
  private final Map<String, Object> vars = new HashMap<>();
  private final List<UserResource> resources = new ArrayList<>(2);
  private final Set<Throwable> recordedHere = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Throttle permits taken in the current iteration, released at its end. */
  private final List<dev.liveload.Throttle.Permit> permits = new ArrayList<>(1);
  /** Per scenario of the population (one, or the members of a mix): instance, readiness, series cache. */
  private final Scenario[] scenarios;
  private final boolean[] ready;
  private final SeriesCache[] series;
  private ScenarioSlot slot;
  private UserHttpSession http;
  private final UserData data;
  private UserWebSockets webSockets;
  private UserBrowserSession browser;
  private LoadRunner.Job firstJob;
  private final ArrayBlockingQueue<Object> mailbox = new ArrayBlockingQueue<>(1);
  private long lastIterationStart;
  /** Open models: how late this iteration started, charged to its first request (µs). */
  private long startLagMicros;
  private String step;
  /** Where the user was (scenario, step) over its recent past, for samples handed back later. */
  private final UserTimeline timeline = new UserTimeline();
  /** Total time this user's thread waited on the generator's own hand-overs (browser batches), ns. */
  private long handOverNanos;
  /** The part of it that was set-up (opening a browser context), not a hand-over. */
  private long setUpNanos;
  /** Failed iterations in a row (the closed model backs off after them), and when the last iteration ended. */
  private int failedInARow;
  private long lastIterationEnd;
  private long iteration;
  /** Kind of the first failure recorded in the current iteration, or null. */
  private String iterationError;

  /** The current iteration's timeout and the current request's response timeout, watched by the watchdog. */
  final Deadline iterationDeadline = new Deadline();
  final Deadline ioDeadline = new Deadline();
  /** Why the engine interrupted this thread: {@code iteration_timeout}, {@code interrupted}, or null. */
  private volatile String interruptCause;
  /** Finish the current iteration, then leave (population shrinking or ending). */
  volatile boolean retiring;
  /** Set when the run is cut off: leave now. */
  volatile boolean stopNow;
  volatile Thread thread;

  VirtualUser(int id, LoadRunner runner, Engine engine, LoadRunner.Job firstJob) {
    this.id = id;
    this.runner = runner;
    this.engine = engine;
    this.firstJob = firstJob;
    long seed = mix(engine.options.seed(), id);
    this.random = new SplittableRandom(seed);
    this.mixRandom = new SplittableRandom(mix(seed, 0x6D6978L));
    double d = runner.population.drunkenness();
    this.thinkFactor = d == 0 ? 1 : 1 - d + 2 * d * mixRandom.nextDouble();
    int n = runner.slots.size();
    this.scenarios = new Scenario[n];
    this.ready = new boolean[n];
    this.series = new SeriesCache[n];
    this.data = new UserData(this, engine.feeders.view(runner.population), mix(seed, 0x66656564L));
  }

  private static long mix(long seed, long id) {
    long z = seed + id * 0x9E3779B97F4A7C15L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  // ---- the user's life ---------------------------------------------------------------------------------------

  @Override
  public void run() {
    thread = Thread.currentThread();
    try {
      LoadRunner.Job job;
      while (!engine.aborting() && (job = runner.awaitIteration(this)) != null) {
        enter(job.slot());
        if (!ready[local(slot)] && !before(job)) {
          continue;
        }
        runIteration(job.intendedNanos());
      }
    } catch (RuntimeException | Error e) {
      engine.abort("scenario " + (slot == null ? runner.population.name() : slot.name())
          + " could not run a user: " + e);
    } finally {
      if (!stopNow && !engine.aborting()) {
        after();
      }
      releasePermits();
      closeResources();
      if (slot != null) {
        slot.users(-1);
      }
      runner.exited(this);
    }
  }

  private int local(ScenarioSlot s) {
    return s.index - runner.slots.get(0).index;
  }

  /** Moves this user into the scenario of its next iteration. */
  private void enter(ScenarioSlot next) {
    if (next != slot) {
      if (slot != null) {
        slot.users(-1);
      }
      next.users(1);
      slot = next;
    }
  }

  private Scenario currentScenario() {
    int i = local(slot);
    if (scenarios[i] == null) {
      scenarios[i] = slot.newScenario();
    }
    return scenarios[i];
  }

  /**
   * Runs {@link Scenario#beforeUser} for the current scenario. In a closed model a failure is retried each second
   * until the run ends; in an open model the arrival it was for is counted as a failed iteration.
   *
   * @return true when the user is ready to run the iteration
   */
  private boolean before(LoadRunner.Job job) {
    boolean open = runner instanceof OpenRunner;
    while (!retiring && !stopNow && !runner.ended) {
      try {
        enterStep("(before user)");
        currentScenario().beforeUser(this);
        settleAll();
        ready[local(slot)] = true;
        return true;
      } catch (Throwable t) {
        String kind = recordThrowable(t, "(before user)");
        clearInterrupt();
        if (open) {
          long micros = Math.max(0, (System.nanoTime() - job.intendedNanos()) / 1000);
          record(ITERATION, null, null, null, 0, kind, micros);
          return false;
        }
        if (runner.ended || !pause(1_000_000_000L)) {
          return false;
        }
      } finally {
        enterStep(null);
        endIterationAll();
      }
    }
    return false;
  }

  private void after() {
    for (int i = 0; i < scenarios.length; i++) {
      if (!ready[i]) {
        continue;
      }
      enter(runner.slots.get(i));
      try {
        enterStep("(after user)");
        scenarios[i].afterUser(this);
        settleAll();
      } catch (Throwable t) {
        recordThrowable(t, "(after user)");
      } finally {
        enterStep(null);
        endIterationAll();
      }
    }
  }

  /**
   * Waits outside an iteration (pacing, back-off after failures, retrying {@code beforeUser}) until {@code nanos}
   * passed or the population's model ended ({@link LoadRunner#end} wakes the users); false when the user was stopped
   * meanwhile.
   */
  boolean pause(long nanos) {
    long until = System.nanoTime() + nanos;
    while (!runner.ended) {
      long left = until - System.nanoTime();
      if (left <= 0) {
        return true;
      }
      java.util.concurrent.locks.LockSupport.parkNanos(this, left);
      if (Thread.interrupted() || stopNow) {
        clearInterrupt();
        return false;
      }
    }
    return true;
  }

  /** Open models: the job the user was started with, once. */
  LoadRunner.Job takeFirstJob() {
    LoadRunner.Job j = firstJob;
    firstJob = null;
    return j;
  }

  /** Open models: hands this idle user its next job (null: leave). */
  void give(LoadRunner.Job job) {
    mailbox.offer(job == null ? END : job);
  }

  /** Open models: waits for the next job; null when the user should leave. */
  LoadRunner.Job awaitJob() {
    try {
      Object o = mailbox.take();
      return o == END ? null : (LoadRunner.Job) o;
    } catch (InterruptedException e) {
      return null;
    }
  }

  long lastIterationStart() {
    return lastIterationStart;
  }

  java.util.random.RandomGenerator mixRandom() {
    return mixRandom;
  }

  private void runIteration(long intendedNanos) {
    iterationError = null;
    recordedHere.clear();
    long start = System.nanoTime();
    lastIterationStart = start;
    timeline.mark(start, slot, null);
    long handOverAtStart = handOverNanos;
    long setUpAtStart = setUpNanos;
    long lag = start - intendedNanos;
    startLagMicros = lag > 0 ? lag / 1000 : 0;
    long from = Math.min(start, intendedNanos);
    iterationDeadline.begin(start + runner.iterationTimeoutNanos);
    Throwable failure = null;
    try {
      currentScenario().run(this);
      settleAll();
      checkUnsent();
    } catch (Throwable t) {
      failure = t;
      try {
        for (int i = 0; i < resources.size(); i++) {
          resources.get(i).abandon();
        }
      } catch (Throwable ignored) {
        // the first failure is the one that counts
      }
    }
    String cause = endIterationState();
    endIterationAll();
    startLagMicros = 0;
    releasePermits();
    long end = System.nanoTime();
    // the generator's own hand-overs (a browser batch waiting for the browser thread) are not the target's time
    long generator = handOverNanos - handOverAtStart;
    long micros = Math.max(0, end - from - generator) / 1000;
    if (browser != null) {
      engine.health().browserIteration((end - start) / 1000, (generator - (setUpNanos - setUpAtStart)) / 1000);
    }
    String error;
    if (cause != null) {
      error = cause;
      if (cause.equals("iteration_timeout") && iterationError == null) {
        slot.errors.record(cause, "iteration exceeded its timeout of "
            + Duration.ofNanos(runner.iterationTimeoutNanos), null, null, null);
      }
    } else if (failure != null) {
      error = failure instanceof IterationFailedException f ? f.kind() : "exception";
      if (!(failure instanceof RecordedFailure) && !recordedHere.contains(failure)) {
        slot.errors.record(error, describe(failure), null, null, null);
      }
    } else {
      error = iterationError;
    }
    record(ITERATION, null, null, null, 0, error, micros);
    iteration++;
    lastIterationEnd = end;
    failedInARow = error == null || error.equals("interrupted") ? 0 : failedInARow + 1;
  }

  /** @return failed iterations in a row, up to the last one (0 after a passed one) */
  int failedInARow() {
    return failedInARow;
  }

  /** @return when the last iteration ended ({@link System#nanoTime()}), 0 before the first */
  long lastIterationEnd() {
    return lastIterationEnd;
  }

  /** @return whether this user drives a browser (its iterations back off after failures by default) */
  boolean usesBrowser() {
    return browser != null;
  }

  /** Ends the iteration's deadline; returns the interrupt cause if the engine interrupted it. */
  private String endIterationState() {
    iterationDeadline.end();
    String cause = interruptCause;
    clearInterrupt();
    return cause;
  }

  private void clearInterrupt() {
    if (!stopNow) {
      interruptCause = null;
      Thread.interrupted();
    }
  }

  /** Called by the engine to stop the run: interrupts whatever the user is doing, and it leaves. */
  void stop() {
    stopNow = true;
    interruptCause = "interrupted";
    Thread t = thread;
    if (t != null) {
      t.interrupt();
    }
  }

  /** Called by the watchdog: interrupts the iteration or the request that is past its deadline at {@code now}. */
  void checkDeadlines(long now) {
    Thread t = thread;
    iterationDeadline.fireIfDue(now, t, () -> {
      if (interruptCause == null) {
        interruptCause = "iteration_timeout";
      }
    });
    ioDeadline.fireIfDue(now, t, () -> {});
  }

  @Override
  public void beginIo(long deadlineNanos) {
    ioDeadline.begin(deadlineNanos);
  }

  @Override
  public boolean endIo() {
    if (!ioDeadline.end()) {
      return false;
    }
    // The response timeout interrupted this thread; clear that, but keep an interrupt the engine made.
    Thread.interrupted();
    if (interruptCause != null) {
      Thread.currentThread().interrupt();
    }
    return true;
  }

  private void releasePermits() {
    if (!permits.isEmpty()) {
      permits.forEach(dev.liveload.Throttle.Permit::close);
      permits.clear();
    }
  }

  private void settleAll() {
    for (int i = 0; i < resources.size(); i++) {
      resources.get(i).settle();
    }
  }

  private void endIterationAll() {
    for (int i = 0; i < resources.size(); i++) {
      resources.get(i).endIteration();
    }
  }

  private void checkUnsent() {
    if (http != null) {
      http.checkUnsent();
    }
  }

  private void closeResources() {
    for (UserResource r : resources) {
      try {
        r.close();
      } catch (RuntimeException e) {
        // closing is best effort
      }
    }
    resources.clear();
  }

  /** Adds something this user owns until it stops. */
  public void attach(UserResource resource) {
    resources.add(resource);
  }

  // ---- User --------------------------------------------------------------------------------------------------

  @Override
  public int id() {
    return id;
  }

  @Override
  public String scenario() {
    return slot == null ? runner.population.name() : slot.name();
  }

  @Override
  public long iteration() {
    return iteration;
  }

  @Override
  public HttpSession http() {
    if (http == null) {
      var session = new UserHttpSession(this, engine.http);
      attach(new UserResource() {
        @Override
        public void settle() {
          session.settle();
        }

        @Override
        public void endIteration() {
          session.forgetUnsent(); // building it threw, or the iteration failed: not a missing .send()
        }

        @Override
        public void close() {
          session.close();
        }
      });
      http = session;
    }
    return http;
  }

  @Override
  public BrowserSession browser() {
    if (browser == null) {
      browser = engine.browsers.session(this, this);
      attach(browser);
    }
    return browser;
  }

  @Override
  public void think(Duration duration) {
    if (duration == null || duration.isNegative()) {
      throw new IllegalArgumentException("think time must be >= 0, was " + duration);
    }
    settleAll();
    sleepNanos(thinkFactor == 1 ? duration.toNanos() : (long) (duration.toNanos() * thinkFactor));
  }

  @Override
  public void think(Duration base, double jitter) {
    if (jitter < 0 || jitter > 1 || Double.isNaN(jitter)) {
      throw new IllegalArgumentException("think jitter must be in [0, 1], was " + jitter);
    }
    long b = base.toNanos();
    long spread = (long) (b * jitter);
    think(Duration.ofNanos(spread == 0 ? b : b - spread + random.nextLong(2 * spread + 1)));
  }

  @Override
  public void thinkBetween(Duration min, Duration max) {
    if (min.isNegative() || max.compareTo(min) < 0) {
      throw new IllegalArgumentException("thinkBetween needs 0 <= min <= max, was " + min + ", " + max);
    }
    long lo = min.toNanos();
    long hi = max.toNanos();
    think(Duration.ofNanos(lo == hi ? lo : lo + random.nextLong(hi - lo + 1)));
  }

  private void sleepNanos(long nanos) {
    if (nanos <= 0) {
      return;
    }
    try {
      Thread.sleep(Duration.ofNanos(nanos));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      String cause = interruptCause;
      throw new IterationInterrupted(cause == null ? "interrupted" : cause);
    }
  }

  @Override
  public void step(String name, StepBody body) {
    step(name, () -> {
      body.run();
      return null;
    });
  }

  @Override
  public <T> T step(String name, Callable<T> body) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("step name must not be blank");
    }
    settleAll();
    String parent = step;
    String path = parent == null ? name : parent + " / " + name;
    long start = System.nanoTime();
    enterStep(path, start);
    long handOverAtStart = handOverNanos;
    try {
      T value = body.call();
      settleAll();
      record(STEP, path, null, null, 0, null, stepMicros(start, handOverAtStart));
      return value;
    } catch (Throwable t) {
      try {
        settleAll();
      } catch (Throwable ignored) {
        // the first failure is the one that counts
      }
      String kind = interruptCause != null ? interruptCause
          : t instanceof IterationFailedException f ? f.kind() : "exception";
      record(STEP, path, null, null, 0, kind, stepMicros(start, handOverAtStart));
      if (interruptCause == null && !(t instanceof RecordedFailure) && !recordedHere.contains(t)) {
        recordError(kind, describe(t), path, null, null);
        recordedHere.add(t);
      }
      throw VirtualUser.<RuntimeException>sneaky(t);
    } finally {
      enterStep(parent);
    }
  }

  /**
   * A step's time: on the user's thread, less the generator's own hand-overs in it, so that a browser batch counts
   * for its time in the page (see {@link #handOver}).
   */
  private long stepMicros(long start, long handOverAtStart) {
    return Math.max(0, System.nanoTime() - start - (handOverNanos - handOverAtStart)) / 1000;
  }

  private void enterStep(String path) {
    enterStep(path, System.nanoTime());
  }

  private void enterStep(String path, long nanos) {
    step = path;
    if (slot != null) {
      timeline.mark(nanos, slot, path);
    }
  }

  @SuppressWarnings("unchecked")
  private static <E extends Throwable> E sneaky(Throwable t) throws E {
    throw (E) t;
  }

  @Override
  public void set(String name, Object value) {
    if (value == null) {
      vars.remove(name);
    } else {
      vars.put(name, value);
    }
  }

  @Override
  public String get(String name) {
    Object v = vars.get(name);
    return v == null ? null : v.toString();
  }

  @Override
  public <T> T get(String name, Class<T> type) {
    return type.cast(vars.get(name));
  }

  @Override
  public Map<String, Object> vars() {
    return Map.copyOf(vars);
  }

  @Override
  public RandomGenerator random() {
    return random;
  }

  @Override
  public String feed(String column) {
    return data.feed(column);
  }

  @Override
  public Map<String, String> feed() {
    return data.feed();
  }

  @Override
  public Map<String, String> feedRow(String feeder) {
    return data.feedRow(feeder);
  }

  @Override
  public Map<String, String> feedNext(String feeder) {
    return data.feedNext(feeder);
  }

  @Override
  public WsSession ws(String url) {
    return ws(url, WsOptions.defaults());
  }

  @Override
  public WsSession ws(String url, WsOptions options) {
    if (webSockets == null) {
      var w = new UserWebSockets(this, engine.options.baseUrl(), engine.http);
      attach(w);
      webSockets = w;
    }
    return webSockets.open(url, options);
  }

  @Override
  public dev.liveload.Throttle.Permit throttle(String name) {
    Throttles t = engine.throttles;
    if (name == null || !t.has(name)) {
      throw usageError("no throttle named '" + name + "'; configured: " + t.names()
          + " (add it with RunOptions.builder().throttle(Throttle.rate(...)))");
    }
    settleAll();
    try {
      dev.liveload.Throttle.Permit permit = t.acquire(name);
      permits.add(permit);
      return permit;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      String cause = interruptCause;
      throw new IterationInterrupted(cause == null ? "interrupted" : cause);
    }
  }

  @Override
  public void fail(String message) {
    throw fail("check", message, null, null, null);
  }

  // ---- UserContext -------------------------------------------------------------------------------------------

  @Override
  public String step() {
    return step;
  }

  @Override
  public void record(String metric, String step, String method, String url, int status, String error, long value) {
    if (startLagMicros > 0 && MetricDef.of(metric).chargesStartLag()) {
      value += startLagMicros; // an open-model iteration that started late: its first request waited that long too
      startLagMicros = 0;
    }
    var first = engine.registry.firstAction();
    if (first.open()) {
      MetricDef def = MetricDef.of(metric);
      if (def.chargesStartLag()) {
        first.began(System.nanoTime() - value * (1_000_000L / Math.max(1, def.scale())));
      }
    }
    record(slot, metric, step, method, url, status, error, value);
  }

  @Override
  public void actionBegan(long nanos) {
    engine.registry.firstAction().began(nanos);
  }

  @Override
  public void recordAt(long nanos, String metric, String method, String url, int status, String error, long value) {
    int i = timeline.indexAt(nanos);
    if (i < 0) {
      record(slot, metric, step, method, url, status, error, value);
    } else {
      record(timeline.slot(i), metric, timeline.step(i), method, url, status, error, value);
    }
  }

  private void record(ScenarioSlot in, String metric, String step, String method, String url, int status,
      String error, long value) {
    int i = local(in);
    SeriesCache cache = series[i];
    if (cache == null) {
      cache = series[i] = new SeriesCache(engine.registry, in.index);
    }
    cache.get(metric, step, method, url, status, error).record(value);
  }

  @Override
  public void handOver(long nanos) {
    if (nanos > 0) {
      handOverNanos += nanos;
      engine.health().handOver(nanos / 1000);
    }
  }

  @Override
  public void setUp(long nanos) {
    if (nanos > 0) {
      handOverNanos += nanos;
      setUpNanos += nanos;
    }
  }

  @Override
  public void recordError(String kind, String message, String step, String method, String url) {
    slot.errors.record(kind, message, step, method, url);
    if (iterationError == null) {
      iterationError = kind;
    }
  }

  @Override
  public IterationFailedException fail(String kind, String message, String method, String url, Throwable cause) {
    String m = engine.redactor.redact(message); // the exception reaches scenario code, which may log it
    recordError(kind, m, step, method, url);
    return new RecordedFailure(kind, m, cause);
  }

  @Override
  public String redact(String text) {
    return engine.redactor.redact(text);
  }

  @Override
  public String interruptKind() {
    return interruptCause;
  }

  @Override
  public IterationFailedException usageError(String message) {
    slot.errors.record("usage", message, step, null, null);
    engine.abort("scenario " + slot.name() + ": " + message);
    return new RecordedFailure("usage", engine.redactor.redact(message), null);
  }

  @Override
  public void abortRun(String reason) {
    engine.abort(reason);
  }

  @Override
  public String render(String text) {
    return data.render(text, false);
  }

  @Override
  public String renderJson(String text) {
    return data.render(text, true);
  }

  /** The live variables map, for template expansion. */
  Map<String, Object> variables() {
    return vars;
  }

  /** A feeder ran out under {@code STOP}: unwinds the current work, counted as interrupted (not failed). */
  IterationInterrupted interruptedByData() {
    if (interruptCause == null) {
      interruptCause = "interrupted";
    }
    return new IterationInterrupted(interruptCause);
  }

  LoadRunner runner() {
    return runner;
  }

  @Override
  public java.util.concurrent.atomic.LongAdder counter(String name) {
    return engine.counters.counter(slot.index, name);
  }

  /** Records a failure outside an iteration (unless already recorded); returns its kind. */
  private String recordThrowable(Throwable t, String where) {
    String kind = interruptCause != null ? interruptCause
        : t instanceof IterationFailedException f ? f.kind() : "exception";
    if (!(t instanceof RecordedFailure) && interruptCause == null) {
      recordError(kind, describe(t), where, null, null);
    }
    return kind;
  }

  /** The exception and where in scenario code it was thrown. */
  static String describe(Throwable t) {
    var sb = new StringBuilder(t.toString());
    for (StackTraceElement e : t.getStackTrace()) {
      String c = e.getClassName();
      if (!c.startsWith("java.") && !c.startsWith("jdk.") && !c.startsWith("sun.")
          && !c.startsWith("dev.liveload.internal.") && !c.startsWith("org.apache.hc.")) {
        sb.append(" at ").append(e);
        break;
      }
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return "user " + id + " (" + scenario() + ")";
  }
}
