package dev.liveload.internal.engine;

import dev.liveload.IterationFailedException;

/** A failure LiveLoad has already recorded; the engine counts the iteration failed without recording again. */
public final class RecordedFailure extends IterationFailedException {
  private static final long serialVersionUID = 1L;

  public RecordedFailure(String kind, String message, Throwable cause) {
    super(kind, message, cause);
  }
}
