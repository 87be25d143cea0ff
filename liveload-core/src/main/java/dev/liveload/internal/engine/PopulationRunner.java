package dev.liveload.internal.engine;

import dev.liveload.ClosedLoad;
import dev.liveload.Population;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Drives one population's users to its load model: starts users as the target rises, retires the newest ones as
 * it falls, and stops them when the model ends (no new iterations; in-flight ones get the graceful-stop period,
 * then are interrupted).
 */
final class PopulationRunner {
  final int index;
  final Population population;
  final ClosedLoad load;
  final long iterationTimeoutNanos;
  private final Engine engine;
  private final long durationNanos;
  private final long graceNanos;

  /** Live users in start order; guarded by {@code this}. */
  private final ArrayDeque<VirtualUser> live = new ArrayDeque<>();
  private final List<Thread> threads = new ArrayList<>();
  private int started;
  private int retiring;
  private int maxUsers;
  private long firstStartNanos = -1;
  private long lastExitNanos = -1;
  volatile boolean ended;
  private long endedAtNanos;
  private boolean hardStopped;

  PopulationRunner(int index, Population population, Engine engine) {
    this.index = index;
    this.population = population;
    this.load = (ClosedLoad) population.load();
    this.engine = engine;
    this.durationNanos = load.duration().toNanos();
    this.graceNanos = engine.options.gracefulStop().toNanos();
    var timeout = population.iterationTimeout() != null ? population.iterationTimeout()
        : engine.options.iterationTimeout();
    this.iterationTimeoutNanos = timeout.toNanos();
  }

  String name() {
    return population.name();
  }

  int iterationsPerUser() {
    return load.iterationsPerUser();
  }

  /** Adjusts users to the model at {@code elapsed} nanoseconds into the run; called by the scheduler. */
  void tick(long elapsed, long now) {
    if (!ended) {
      boolean iterationsDone = load.iterationsPerUser() > 0 && started >= load.startUsers() && liveCount() == 0;
      if (elapsed >= durationNanos || iterationsDone) {
        end(now);
      } else {
        int target = load.iterationsPerUser() > 0 ? load.startUsers()
            : (int) Math.floor(load.usersAtNanos(elapsed) + 1e-9);
        adjust(target);
      }
    }
    if (ended && !hardStopped && now - endedAtNanos >= graceNanos) {
      stopNow();
    }
  }

  private void adjust(int target) {
    synchronized (this) {
      int running = live.size() - retiring;
      if (load.iterationsPerUser() > 0) {
        target = Math.min(target, running + (load.startUsers() - started));
      }
      while (running < target) {
        start();
        running++;
      }
      if (running > target) {
        Iterator<VirtualUser> newest = live.descendingIterator();
        while (running > target && newest.hasNext()) {
          VirtualUser u = newest.next();
          if (!u.retiring) {
            u.retiring = true;
            retiring++;
            running--;
          }
        }
      }
    }
  }

  private void start() {
    var user = new VirtualUser(engine.nextUserId(), this, engine);
    live.addLast(user);
    started++;
    maxUsers = Math.max(maxUsers, live.size());
    if (firstStartNanos < 0) {
      firstStartNanos = System.nanoTime();
    }
    threads.add(Thread.ofVirtual().name("liveload-" + population.name() + "-" + user.id()).start(user));
  }

  /** The model's time is up: users finish their current iteration, then leave. */
  void end(long now) {
    if (ended) {
      return;
    }
    endedAtNanos = now;
    ended = true;
  }

  /** Cuts every remaining user off now (grace over, abort, interrupt). */
  void stopNow() {
    if (!ended) {
      end(System.nanoTime());
    }
    hardStopped = true;
    List<VirtualUser> users;
    synchronized (this) {
      users = List.copyOf(live);
    }
    users.forEach(VirtualUser::stop);
  }

  void exited(VirtualUser user) {
    synchronized (this) {
      live.remove(user);
      if (user.retiring) {
        retiring--;
      }
      lastExitNanos = System.nanoTime();
    }
  }

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
    if (firstStartNanos < 0) {
      return 0;
    }
    long end = live.isEmpty() && lastExitNanos > 0 ? lastExitNanos : now;
    return Math.max(0, (end - firstStartNanos) / 1_000_000);
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
        if (left <= 0 || !t.join(java.time.Duration.ofNanos(left))) {
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
