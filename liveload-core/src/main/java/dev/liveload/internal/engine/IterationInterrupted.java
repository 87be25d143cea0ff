package dev.liveload.internal.engine;

/** Unwinds scenario code when the engine interrupted the user's thread (iteration timeout, end of the run). */
public final class IterationInterrupted extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public IterationInterrupted(String kind) {
    super(kind, null, false, false);
  }
}
