package dev.liveload.result;

/**
 * How a metric was obtained by the connection that produced it, so that a report can say "not measured" instead of
 * showing an empty or zero figure, and mark estimates. {@link RunResult#measurements()} holds the declarations of
 * the connections a run used (for example the browser connection's).
 *
 * <pre>{@code
 * if (result.measurement("webvital.inp") == Measurement.UNSUPPORTED) {
 *   System.out.println("INP: not measured");
 * }
 * }</pre>
 *
 * @since 0.1
 */
public enum Measurement {
  /** Measured directly where it happens (in the page, on the socket). */
  INSTRUMENTED,
  /** Derived or approximated; the connection's documentation says how. */
  ESTIMATED,
  /** This connection cannot produce it: absent samples mean "not measured", not zero. */
  UNSUPPORTED
}
