package dev.liveload.result;

/**
 * How a run ended.
 *
 * @since 0.1
 */
public enum RunStatus {
  /** Every population ran to the end of its load model. */
  COMPLETED,
  /** Stopped early from outside (interrupt, Ctrl-C, a test timeout); the result holds what was measured. */
  INTERRUPTED,
  /** Stopped early by LiveLoad itself (a failing threshold with abort, a scenario bug); see the reason. */
  ABORTED
}
