package dev.liveload.internal.engine;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A deadline on a user's current piece of work (an iteration, a request), enforced by the {@link Watchdog}: past
 * it, the watchdog interrupts the user's thread (which closes a socket it is blocked on). The handshake makes sure
 * an interrupt meant for one piece of work never lands on the next: the user ends the work with {@link #end()},
 * which tells whether the deadline fired.
 */
final class Deadline {
  private static final int IDLE = 0;
  private static final int RUNNING = 1;
  private static final int FIRING = 2;
  private static final int FIRED = 3;

  private final AtomicInteger state = new AtomicInteger(IDLE);
  private volatile long atNanos;

  /** Starts guarding work that must end by {@code atNanos} ({@link System#nanoTime()} scale). */
  void begin(long atNanos) {
    this.atNanos = atNanos;
    state.set(RUNNING);
  }

  /** Ends the work; true when the deadline fired (the thread was or is being interrupted for it). */
  boolean end() {
    if (state.compareAndSet(RUNNING, IDLE)) {
      return false;
    }
    while (state.get() == FIRING) {
      Thread.onSpinWait();
    }
    state.set(IDLE);
    return true;
  }

  boolean running() {
    return state.get() == RUNNING;
  }

  /**
   * Called by the watchdog: when the work is still running past its deadline at {@code now}, runs
   * {@code beforeInterrupt} and interrupts {@code thread}.
   */
  void fireIfDue(long now, Thread thread, Runnable beforeInterrupt) {
    if (state.get() != RUNNING || now - atNanos <= 0 || !state.compareAndSet(RUNNING, FIRING)) {
      return;
    }
    if (now - atNanos <= 0) {
      state.set(RUNNING); // new work began between the look and the move
      return;
    }
    beforeInterrupt.run();
    if (thread != null) {
      thread.interrupt();
    }
    state.set(FIRED);
  }
}
