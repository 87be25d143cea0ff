package dev.liveload.junit.internal;

import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ThresholdResult;
import java.util.List;
import java.util.Locale;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * How a load test fails: the load's verdict (failed thresholds, a run that did not complete) and the test body's
 * own failure, both shown, and always where the result and the report are.
 */
public final class Failures {
  private Failures() {}

  /**
   * @param o    the load test's outcome
   * @param body what the test method threw, or null
   * @return what the test must throw, or null when it passed
   */
  public static Throwable of(Outcome o, Throwable body) {
    String verdict = verdict(o);
    if (verdict == null) {
      if (body == null || body instanceof TestAbortedException) {
        return body;
      }
      return withFiles(body, o);
    }
    var sb = new StringBuilder(verdict);
    if (body != null) {
      sb.append("\nand the test body failed too (attached below as suppressed): ").append(indent(describe(body)));
    }
    sb.append(run(o.result())).append(files(o));
    var failure = new AssertionFailedError(sb.toString());
    if (body != null) {
      failure.addSuppressed(body);
    }
    return failure;
  }

  /** The failed thresholds and an incomplete run, or null when the load itself passed. */
  private static String verdict(Outcome o) {
    RunResult r = o.result();
    List<ThresholdResult> failed = o.verdicts().stream().filter(t -> !t.passed()).toList();
    boolean incomplete = r.run().status() != RunStatus.COMPLETED;
    if (failed.isEmpty() && !incomplete && o.hooks().isEmpty()) {
      return null;
    }
    var sb = new StringBuilder();
    if (!failed.isEmpty()) {
      sb.append(failed.size()).append(" of ").append(o.verdicts().size()).append(" LiveLoad thresholds failed in ")
          .append(o.test()).append(':');
      for (ThresholdResult t : failed) {
        sb.append("\n  ✗ ").append(t.expression()).append(" — observed ").append(t.observedText())
            .append(" (").append(t.detail()).append(')');
      }
    }
    if (incomplete) {
      sb.append(sb.isEmpty() ? "" : "\n").append("the load test ").append(o.test()).append(" did not complete: ")
          .append(r.run().status().name().toLowerCase(Locale.ROOT));
      if (!r.run().reason().isEmpty()) {
        sb.append(" (").append(r.run().reason()).append(')');
      }
    }
    if (!o.hooks().isEmpty()) {
      sb.append(sb.isEmpty() ? "" : "\n").append(o.test()).append(" failed after its run:");
      o.hooks().forEach(h -> sb.append("\n  ✗ ").append(h));
    }
    return sb.toString();
  }

  private static String run(RunResult r) {
    return String.format(Locale.ROOT, "%n  run: %d requests, %d failed, %d iterations, up to %d users, %.1f s",
        r.total().requests(), r.total().failedRequests(), r.total().iterations(), r.total().maxUsers(),
        r.run().durationMillis() / 1000.0);
  }

  private static String files(Outcome o) {
    String s = "\n  result: " + o.json().toAbsolutePath();
    return o.html() == null ? s : s + "\n  report: " + o.html().toAbsolutePath();
  }

  /**
   * The body's failure with the load test's files added to its message. An assertion error becomes an
   * {@link AssertionFailedError} with the same expected and actual values, stack trace, and the original as its
   * cause; any other exception is rethrown as it is, the files attached as a suppressed note.
   */
  private static Throwable withFiles(Throwable body, Outcome o) {
    int n = o.verdicts().size();
    String where = "\n  the load of " + o.test() + " passed" + (n == 0 ? "" : n == 1 ? " its threshold"
        : " its " + n + " thresholds") + run(o.result()) + files(o);
    if (body instanceof AssertionError) {
      String message = (body.getMessage() == null ? body.getClass().getName() : body.getMessage()) + where;
      AssertionFailedError e = body instanceof AssertionFailedError a && a.isExpectedDefined() && a.isActualDefined()
          ? new AssertionFailedError(message, a.getExpected().getEphemeralValue(), a.getActual().getEphemeralValue(),
              body)
          : new AssertionFailedError(message, body);
      e.setStackTrace(body.getStackTrace());
      return e;
    }
    body.addSuppressed(new LoadTestFiles(where.substring(3)));
    return body;
  }

  private static String describe(Throwable t) {
    return (t instanceof AssertionError && t.getMessage() != null ? t.getMessage() : t.toString()).strip();
  }

  private static String indent(String text) {
    return text.replace("\n", "\n    ");
  }

  /** Where a load test's files are, attached to a failure that is not an assertion. */
  static final class LoadTestFiles extends RuntimeException {
    private static final long serialVersionUID = 1L;

    LoadTestFiles(String message) {
      super(message, null, false, false);
    }
  }
}
