package dev.liveload.internal.metrics;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When the run's first action began: the earliest start of a request, WebSocket exchange or browser action
 * recorded while this is open: a request's end minus its duration (metrics that {@link MetricDef#chargesStartLag}),
 * a browser batch's dispatch to its page. A distributed run compares it across workers (how far
 * apart their users really began), besides how precisely each woke up. Closed after the first second, so that
 * recording costs one volatile read from then on.
 */
public final class FirstAction {
  private final AtomicLong startNanos = new AtomicLong(Long.MAX_VALUE);
  private volatile boolean open = true;

  /** @return whether actions are still being watched */
  public boolean open() {
    return open;
  }

  /** Records an action that began at {@code startNanos} ({@link System#nanoTime()}). */
  public void began(long start) {
    if (!open) {
      return;
    }
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
