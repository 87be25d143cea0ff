package dev.liveload.internal.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When the run's first action began: the earliest start (its end minus its duration) of a request, WebSocket
 * exchange or browser action recorded while this is open. A distributed run compares it across workers (how far
 * apart their users really began), besides how precisely each woke up. Closed after the first second, so that
 * recording costs one volatile read from then on.
 */
public final class FirstAction {
  private final AtomicLong startNanos = new AtomicLong(Long.MAX_VALUE);
  private volatile boolean open = true;

  /** Records an action that took {@code durationNanos} and ended now. */
  void ended(long durationNanos) {
    if (!open) {
      return;
    }
    long start = System.nanoTime() - Math.max(0, durationNanos);
    long seen;
    while (start < (seen = startNanos.get())) {
      if (startNanos.compareAndSet(seen, start)) {
        return;
      }
    }
  }

  /** Stops watching (the first actions are in). */
  public void close() {
    open = false;
  }

  /** @return the earliest action start seen ({@link System#nanoTime()}), or {@link Long#MIN_VALUE} when none */
  public long startNanos() {
    long s = startNanos.get();
    return s == Long.MAX_VALUE ? Long.MIN_VALUE : s;
  }
}
