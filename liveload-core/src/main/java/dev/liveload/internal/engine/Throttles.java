package dev.liveload.internal.engine;

import dev.liveload.Throttle;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/** The run's named throttles: spacing gates for rates and gaps, counting gates for parallelism. */
final class Throttles {
  private static final Throttle.Permit NOTHING_TO_RELEASE = () -> {};

  private final Map<String, Gate> gates = new HashMap<>();
  private final long startNanos;

  Throttles(List<Throttle> throttles, long startNanos) {
    this.startNanos = startNanos;
    for (Throttle t : throttles) {
      gates.put(t.name(), t.kind() == Throttle.Kind.PARALLELISM ? new Parallel(t) : new Spacing(t));
    }
  }

  boolean has(String name) {
    return gates.containsKey(name);
  }

  java.util.Set<String> names() {
    return gates.keySet();
  }

  /** Waits until the throttle admits the caller; interruptible. */
  Throttle.Permit acquire(String name) throws InterruptedException {
    return gates.get(name).acquire();
  }

  private Duration elapsed() {
    return Duration.ofNanos(Math.max(0, System.nanoTime() - startNanos));
  }

  private interface Gate {
    Throttle.Permit acquire() throws InterruptedException;
  }

  /** Rates and gaps: each admission reserves the next free slot, spaced by the current limit; FIFO by reservation. */
  private final class Spacing implements Gate {
    private final Throttle throttle;
    private final AtomicLong next = new AtomicLong(Long.MIN_VALUE);

    Spacing(Throttle throttle) {
      this.throttle = throttle;
    }

    private long spacingNanos() {
      double limit = throttle.limitAt(elapsed());
      return throttle.kind() == Throttle.Kind.GAP ? (long) (limit * 1_000_000)
          : (long) (throttle.per().toNanos() / limit);
    }

    @Override
    public Throttle.Permit acquire() throws InterruptedException {
      long now = System.nanoTime();
      long slot;
      while (true) {
        long n = next.get();
        slot = n == Long.MIN_VALUE || n - now < 0 ? now : n;
        if (next.compareAndSet(n, slot + spacingNanos())) {
          break;
        }
      }
      long wait = slot - System.nanoTime();
      if (wait > 0) {
        Thread.sleep(Duration.ofNanos(wait));
      }
      return NOTHING_TO_RELEASE;
    }
  }

  /** Parallelism: at most the current limit inside; a ramping limit is re-read at least every 100 ms. */
  private final class Parallel implements Gate {
    private final Throttle throttle;
    private final ReentrantLock lock = new ReentrantLock(true);
    private final Condition freed = lock.newCondition();
    private int inside;

    Parallel(Throttle throttle) {
      this.throttle = throttle;
    }

    @Override
    public Throttle.Permit acquire() throws InterruptedException {
      lock.lockInterruptibly();
      try {
        while (inside >= (int) Math.floor(throttle.limitAt(elapsed()))) {
          freed.await(100, TimeUnit.MILLISECONDS);
        }
        inside++;
      } finally {
        lock.unlock();
      }
      return new Throttle.Permit() {
        private boolean released;

        @Override
        public void close() {
          if (released) {
            return;
          }
          released = true;
          lock.lock();
          try {
            inside--;
            freed.signal();
          } finally {
            lock.unlock();
          }
        }
      };
    }
  }
}
