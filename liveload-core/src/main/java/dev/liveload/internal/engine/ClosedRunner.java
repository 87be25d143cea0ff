package dev.liveload.internal.engine;

import dev.liveload.ClosedLoad;
import dev.liveload.Population;
import java.util.Iterator;

/**
 * A closed model: keeps the number of users at the model's target. Users loop iterations back to back (or at
 * the population's pacing, failed iterations included); after a failed iteration a user backs off (the
 * population's failure back-off) before its next; when the target falls, the newest users finish their iteration
 * and leave.
 */
final class ClosedRunner extends LoadRunner {
  private final ClosedLoad load;
  private final long pacingNanos;
  private int retiring;

  ClosedRunner(Population population, ClosedLoad load, Engine engine, int firstSlot) {
    super(population, engine, firstSlot);
    this.load = load;
    this.pacingNanos = population.pacing() == null ? 0 : population.pacing().toNanos();
  }

  @Override
  void tick(long elapsed, long now) {
    if (!ended) {
      boolean iterationsDone = load.iterationsPerUser() > 0 && started() >= load.startUsers() && liveCount() == 0;
      if (elapsed >= durationNanos || iterationsDone) {
        end(now);
      } else {
        int target = load.iterationsPerUser() > 0 ? load.startUsers()
            : (int) Math.floor(load.usersAtNanos(elapsed) + 1e-9);
        adjust(target);
      }
    }
    enforceGrace(now);
  }

  private synchronized void adjust(int target) {
    int running = live().size() - retiring;
    if (load.iterationsPerUser() > 0) {
      target = Math.min(target, running + (load.startUsers() - started()));
    }
    while (running < target) {
      startUser(null);
      running++;
    }
    if (running > target) {
      Iterator<VirtualUser> newest = live().descendingIterator();
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

  /** The model ended: users waiting out their pacing or back-off leave now instead of at the wait's end. */
  @Override
  void onEnd() {
    for (VirtualUser u : liveUsers()) {
      Thread t = u.thread;
      if (t != null) {
        java.util.concurrent.locks.LockSupport.unpark(t);
      }
    }
  }

  @Override
  void exitedLocked(VirtualUser user) {
    if (user.retiring) {
      retiring--;
    }
  }

  @Override
  Job awaitIteration(VirtualUser user) {
    int limit = load.iterationsPerUser();
    if (user.retiring || user.stopNow || ended || (limit > 0 && user.iteration() >= limit)) {
      return null;
    }
    if (user.lastIterationStart() != 0) {
      long now = System.nanoTime();
      long wait = pacingNanos > 0 ? user.lastIterationStart() + pacingNanos - now : 0;
      if (user.failedInARow() > 0) {
        long backoff = population.failureBackoffFor(user.usesBrowser()).after(user.failedInARow()).toNanos();
        wait = Math.max(wait, user.lastIterationEnd() + backoff - now);
      }
      if (wait > 0 && !user.pause(wait)) {
        return null;
      }
      if (user.retiring || user.stopNow || ended) {
        return null;
      }
    }
    return new Job(System.nanoTime(), pickSlot(user));
  }
}
