package dev.liveload.internal.engine;

import dev.liveload.Load;
import dev.liveload.Population;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Drives one population's users to its load model. Subclasses decide when users start and when iterations begin
 * ({@link ClosedRunner}: a target number of users; {@link OpenRunner}: a target arrival rate); this class keeps
 * the users, stops them (no new iterations at the end of the model, a graceful-stop period for those in flight,
 * then an interrupt), and reports how many there were.
 */
abstract class LoadRunner {
  private static final org.slf4j.Logger LOG = dev.liveload.internal.Logs.get(LoadRunner.class);
  /** One iteration to run: when it was meant to start ({@link System#nanoTime()} scale) and which scenario. */
  record Job(long intendedNanos, ScenarioSlot slot) {}

  final Population population;
  final Engine engine;
  final List<ScenarioSlot> slots = new ArrayList<>();
  final long iterationTimeoutNanos;
  final long durationNanos;
  private final long graceNanos;
  private final double[] cumulativeWeights;

  /** Live users in start order; guarded by {@code this}. */
  private final ArrayDeque<VirtualUser> live = new ArrayDeque<>();
  private final List<Thread> threads = new ArrayList<>();
  private int started;
  private int maxUsers;
  private long firstStartNanos = -1;
  private long lastExitNanos = -1;
  volatile boolean ended;
  private final java.util.concurrent.atomic.AtomicBoolean ending = new java.util.concurrent.atomic.AtomicBoolean();
  private volatile long endedAtNanos;
  private boolean hardStopped;

  LoadRunner(Population population, Engine engine, int firstSlot) {
    this.population = population;
    this.engine = engine;
    Duration timeout = population.iterationTimeout() != null ? population.iterationTimeout()
        : engine.options.iterationTimeout();
    this.iterationTimeoutNanos = timeout.toNanos();
    this.durationNanos = population.load().duration().toNanos();
    this.graceNanos = engine.options.gracefulStop().toNanos();
    var members = population.members();
    this.cumulativeWeights = new double[members.size()];
    double total = members.stream().mapToDouble(Population.Member::weight).sum();
    double sum = 0;
    for (int i = 0; i < members.size(); i++) {
      slots.add(new ScenarioSlot(firstSlot + i, members.get(i), this));
      sum += members.get(i).weight() / total;
      cumulativeWeights[i] = sum;
    }
  }

  static LoadRunner of(Population population, Engine engine, int firstSlot) {
    return switch (population.load()) {
      case dev.liveload.ClosedLoad closed -> new ClosedRunner(population, closed, engine, firstSlot);
      case dev.liveload.OpenLoad open -> new OpenRunner(population, open, engine, firstSlot);
    };
  }

  Load load() {
    return population.load();
  }

  /** Called every few milliseconds by the scheduler. */
  abstract void tick(long elapsedNanos, long now);

  /**
   * Blocks until the user's next iteration is due.
   *
   * @return the job, or null when the user should leave
   */
  abstract Job awaitIteration(VirtualUser user);

  /** Called once when the model ends or the run is stopped, to wake users waiting for work. */
  void onEnd() {}

  /** The scenario of the next iteration: by weight, with the user's own generator, in a mix. */
  ScenarioSlot pickSlot(VirtualUser user) {
    return pickSlot(user.mixRandom());
  }

  /** A scenario by weight, drawn from {@code random}. */
  ScenarioSlot pickSlot(java.util.random.RandomGenerator random) {
    if (slots.size() == 1) {
      return slots.get(0);
    }
    double u = random.nextDouble();
    for (int i = 0; i < cumulativeWeights.length - 1; i++) {
      if (u < cumulativeWeights[i]) {
        return slots.get(i);
      }
    }
    return slots.get(slots.size() - 1);
  }

  /** Starts one user; its first job, if given, is run at once. Call holding {@code this}. */
  VirtualUser startUser(Job first) {
    var user = new VirtualUser(engine.nextUserId(), this, engine, first);
    live.addLast(user);
    started++;
    maxUsers = Math.max(maxUsers, live.size());
    if (firstStartNanos < 0) {
      firstStartNanos = System.nanoTime();
    }
    threads.add(Thread.ofVirtual().name("liveload-" + population.name() + "-" + user.id()).start(user));
    return user;
  }

  int started() {
    return started;
  }

  ArrayDeque<VirtualUser> live() {
    return live;
  }

  /** The model's time is up: no new iterations; users finish their current one, then leave. */
  void end(long now) {
    if (ended || !ending.compareAndSet(false, true)) {
      return;
    }
    endedAtNanos = now;
    ended = true;
    onEnd();
  }

  /**
   * Ends the population before its model does (a feeder ran out), from a user's thread: as if its time were up.
   *
   * @param why logged once
   */
  void endEarly(String why) {
    if (!ended && !ending.get()) {
      LOG.info("population {} ends early: {}", population.name(), why);
    }
    end(System.nanoTime());
  }

  /** Cuts every remaining user off now (grace over, abort, interrupt). */
  void stopNow() {
    if (!ended) {
      end(System.nanoTime());
    }
    hardStopped = true;
    liveUsers().forEach(VirtualUser::stop);
  }

  /** Applies the graceful-stop period once the model has ended. */
  void enforceGrace(long now) {
    if (ended && !hardStopped && now - endedAtNanos >= graceNanos) {
      stopNow();
    }
  }

  void exited(VirtualUser user) {
    synchronized (this) {
      live.remove(user);
      lastExitNanos = System.nanoTime();
      exitedLocked(user);
    }
  }

  /** Hook for subclasses, called holding {@code this} when a user leaves. */
  void exitedLocked(VirtualUser user) {}

  synchronized int liveCount() {
    return live.size();
  }

  synchronized List<VirtualUser> liveUsers() {
    return List.copyOf(live);
  }

  boolean done() {
    return ended && liveCount() == 0;
  }

  synchronized int maxUsers() {
    return maxUsers;
  }

  synchronized long runningMillis(long now) {
    return runningMillis(now, Long.MIN_VALUE);
  }

  /** How long users ran from {@code fromNanos} (the end of a warm-up) on; 0 when they were gone by then. */
  synchronized long runningMillis(long now, long fromNanos) {
    if (firstStartNanos < 0) {
      return 0;
    }
    long end = live.isEmpty() && lastExitNanos > 0 ? lastExitNanos : now;
    return Math.max(0, (end - Math.max(firstStartNanos, fromNanos)) / 1_000_000);
  }

  /** Waits for every user thread to finish, until {@code deadlineNanos}; returns how many did not. */
  int join(long deadlineNanos) {
    List<Thread> all;
    synchronized (this) {
      all = List.copyOf(threads);
    }
    int stuck = 0;
    for (Thread t : all) {
      long left = deadlineNanos - System.nanoTime();
      try {
        if (left <= 0 || !t.join(Duration.ofNanos(left))) {
          stuck += t.isAlive() ? 1 : 0;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return all.size();
      }
    }
    return stuck;
  }
}
