package dev.liveload.internal.engine;

import dev.liveload.OpenLoad;
import dev.liveload.Population;
import java.util.ArrayDeque;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;

/**
 * An open model: a dispatcher thread releases arrivals at the model's intended times and hands each to an idle
 * user, starting a new one while fewer than the cap exist. With every user busy, the arrival is dropped
 * ({@code iterations.dropped}) or, if the model queues, waits for the next free user ({@code iterations.queued}).
 * Users that wait for work are idle in a stack, so that few users stay hot.
 */
final class OpenRunner extends LoadRunner {
  private final OpenLoad load;
  private final ArrayDeque<VirtualUser> idle = new ArrayDeque<>();
  private final ArrayDeque<Job> queue = new ArrayDeque<>();
  private final LongAdder[] dropped;
  private final LongAdder[] queued;
  private final java.util.SplittableRandom dropRandom;
  private volatile long startNanos;
  private Thread dispatcher;

  OpenRunner(Population population, OpenLoad load, Engine engine, int firstSlot) {
    super(population, engine, firstSlot);
    this.load = load;
    this.dropRandom = new java.util.SplittableRandom(engine.options.seed() ^ 0x5DEECE66DL);
    this.dropped = new LongAdder[slots.size()];
    this.queued = new LongAdder[slots.size()];
    for (int i = 0; i < slots.size(); i++) {
      dropped[i] = engine.counters.counter(slots.get(i).index, "iterations.dropped");
      queued[i] = engine.counters.counter(slots.get(i).index, "iterations.queued");
    }
  }

  @Override
  void tick(long elapsed, long now) {
    if (dispatcher == null) {
      startNanos = now - elapsed;
      dispatcher = Thread.ofPlatform().daemon().name("liveload-arrivals-" + population.name()).start(this::dispatch);
    }
    if (!ended && elapsed >= durationNanos) {
      end(now);
    }
    enforceGrace(now);
  }

  /** Releases arrival k at start + the model's time of arrival k, until the model ends. */
  private void dispatch() {
    for (long k = 0; !ended; k++) {
      long at = load.arrivalNanos(k);
      if (at < 0) {
        return;
      }
      long due = startNanos + at;
      long wait;
      while ((wait = due - System.nanoTime()) > 0 && !ended) {
        LockSupport.parkNanos(wait);
      }
      if (ended) {
        return;
      }
      arrive(due);
    }
  }

  private void arrive(long due) {
    VirtualUser user = null;
    synchronized (this) {
      if (ended) {
        return;
      }
      // The user that will run it picks the scenario; count a drop against the scenario it would have run.
      VirtualUser free = idle.pollFirst();
      if (free != null) {
        user = free;
        user.give(new Job(due, null));
      } else if (live().size() < load.maxUsers()) {
        startUser(new Job(due, null));
      } else {
        ScenarioSlot slot = pickSlot(dropRandom);
        if (load.queuesWhenBusy()) {
          queue.addLast(new Job(due, slot));
        } else {
          dropped[slot.index - slots.get(0).index].increment();
        }
      }
    }
  }

  @Override
  Job awaitIteration(VirtualUser user) {
    Job job = user.takeFirstJob();
    if (job == null) {
      synchronized (this) {
        if (user.stopNow || ended) {
          return null;
        }
        Job waiting = queue.pollFirst();
        if (waiting != null) {
          queued[waiting.slot().index - slots.get(0).index].increment();
          return new Job(waiting.intendedNanos(), pickSlot(user));
        }
        idle.addFirst(user);
      }
      job = user.awaitJob();
      if (job == null) {
        return null;
      }
    }
    return new Job(job.intendedNanos(), pickSlot(user));
  }

  @Override
  void onEnd() {
    synchronized (this) {
      // Arrivals still waiting for a user when the model ends never ran: they count as dropped.
      for (Job j : queue) {
        dropped[j.slot().index - slots.get(0).index].increment();
      }
      queue.clear();
      for (VirtualUser u : idle) {
        u.give(null);
      }
      idle.clear();
    }
  }

  @Override
  void exitedLocked(VirtualUser user) {
    idle.remove(user);
  }
}
