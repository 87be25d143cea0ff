package dev.liveload.internal.engine;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/**
 * Enforces iteration timeouts and response timeouts: every 10 ms, interrupts users whose iteration or request ran
 * past its deadline (a socket read blocked on a virtual thread is closed by the interrupt). Doing this here rather
 * than with socket timeouts keeps a timer registration off every read.
 */
final class Watchdog implements Runnable {
  private static final long PERIOD_NANOS = 10_000_000L;

  private final List<LoadRunner> runners;
  private volatile boolean running = true;

  Watchdog(List<LoadRunner> runners) {
    this.runners = runners;
  }

  @Override
  public void run() {
    while (running) {
      long now = System.nanoTime();
      for (LoadRunner p : runners) {
        for (VirtualUser u : p.liveUsers()) {
          u.checkDeadlines(now);
        }
      }
      LockSupport.parkNanos(PERIOD_NANOS);
    }
  }

  void stop() {
    running = false;
  }
}
