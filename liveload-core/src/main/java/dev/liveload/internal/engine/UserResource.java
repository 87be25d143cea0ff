package dev.liveload.internal.engine;

/**
 * Something a user owns across iterations (an HTTP session, a WebSocket, a browser context): settled at every
 * step, think and iteration boundary, and closed when the user stops.
 */
public interface UserResource {
  /** Counts whatever is pending (a response not yet classified). */
  default void settle() {}

  /**
   * The iteration failed: counts what is pending, but starts nothing new (a browser drops the actions it queued).
   */
  default void abandon() {
    settle();
  }

  /** Drops per-iteration state; called when an iteration (or {@code beforeUser}/{@code afterUser}) ended. */
  default void endIteration() {}

  /** Releases it; called once, on the user's thread, when the user stops. */
  void close();
}
