package dev.liveload.internal.ws;

import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * One daemon thread for the JVM's WebSocket chores that must happen while users do something else: Phoenix
 * heartbeats and closing connections whose peer ignores a close. Tasks only enqueue frames or close sockets.
 */
final class WsTimer {
  private WsTimer() {}

  private static final class Holder {
    static final ScheduledThreadPoolExecutor TIMER = create();

    private static ScheduledThreadPoolExecutor create() {
      var t = new ScheduledThreadPoolExecutor(1, r -> {
        Thread thread = new Thread(r, "liveload-ws-timer");
        thread.setDaemon(true);
        return thread;
      });
      t.setRemoveOnCancelPolicy(true);
      return t;
    }
  }

  static ScheduledFuture<?> every(long periodNanos, Runnable task) {
    return Holder.TIMER.scheduleAtFixedRate(safe(task), periodNanos, periodNanos, TimeUnit.NANOSECONDS);
  }

  static ScheduledFuture<?> after(long delayNanos, Runnable task) {
    return Holder.TIMER.schedule(safe(task), delayNanos, TimeUnit.NANOSECONDS);
  }

  private static Runnable safe(Runnable task) {
    return () -> {
      try {
        task.run();
      } catch (RuntimeException e) {
        // a chore on one connection must not stop the others
      }
    };
  }
}
