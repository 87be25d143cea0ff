package dev.liveload.internal.data;

/** A feeder could not give a row: a malformed row in its file, or a file that became unreadable. */
public final class FeederException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public FeederException(String message) {
    super(message, null, false, false);
  }
}
