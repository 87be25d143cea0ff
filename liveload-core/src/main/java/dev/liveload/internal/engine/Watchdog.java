package dev.liveload.internal.engine;

import java.util.List;
import java.util.concurrent.locks.LockSupport;

/** Enforces iteration timeouts: every 10 ms, interrupts users whose iteration ran past its deadline. */
final class Watchdog implements Runnable {
  private static final long PERIOD_NANOS = 10_000_000L;

  private final List<PopulationRunner> populations;
  private volatile boolean running = true;

  Watchdog(List<PopulationRunner> populations) {
    this.populations = populations;
  }

  @Override
  public void run() {
    while (running) {
      long now = System.nanoTime();
      for (PopulationRunner p : populations) {
        for (VirtualUser u : p.liveUsers()) {
          if (u.state.get() == VirtualUser.RUNNING && now - u.deadlineNanos > 0) {
            u.timeout(now);
          }
        }
      }
      LockSupport.parkNanos(PERIOD_NANOS);
    }
  }

  void stop() {
    running = false;
  }
}
