package dev.liveload.internal.threshold;

import dev.liveload.internal.metrics.Hdr;
import dev.liveload.internal.metrics.MetricDef;
import java.util.Locale;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** Evaluates a threshold expression on a {@link MetricView}. */
public final class Evaluator {
  private static final Map<String, String> ALIASES = Map.of(
      "dropped", "iterations.dropped",
      "queued", "iterations.queued",
      "interrupted", "iterations.interrupted",
      "errors", "requests.failed");

  private Evaluator() {}

  /** @return whether {@code name} is a short name of a counter ({@code dropped}, {@code errors}, ...) */
  static boolean isAlias(String name) {
    return ALIASES.containsKey(name);
  }

  /**
   * The outcome of one evaluation.
   *
   * @param observed the observed value (NaN when there was nothing to measure)
   * @param unit     its unit
   * @param passed   whether the threshold held
   * @param what     what was measured, for people
   * @param samples  how many samples (or requests, or counted events) the observed value rests on
   */
  public record Outcome(double observed, String unit, boolean passed, String what, long samples) {
    /** @return the observed value as people read it */
    public String observedText() {
      if (Double.isNaN(observed)) {
        return "no data";
      }
      return switch (unit) {
        case "ratio" -> format(observed * 100) + "%";
        case "/s" -> format(observed) + "/s";
        case "" -> format(observed);
        default -> format(observed) + unit;
      };
    }
  }

  static String format(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    return String.format(Locale.ROOT, Math.abs(v) >= 100 ? "%.1f" : Math.abs(v) >= 1 ? "%.2f" : "%.4g", v);
  }

  /** The verdict as stored in a result; {@code note} is appended to the detail (e.g. when it first failed). */
  public static dev.liveload.result.ThresholdResult verdict(Expression e, Outcome o, String note) {
    return new dev.liveload.result.ThresholdResult(e.text(), o.passed(), Double.isNaN(o.observed()) ? 0
        : o.observed(), o.unit(), o.observedText(), o.what() + ": " + o.observedText() + ", limit " + e.comparator()
        + " " + e.limitText() + note);
  }

  public static Outcome evaluate(Expression e, MetricView view) {
    Map<String, String> sel = e.selector();
    String scenario = sel.get("scenario");
    String scope = describeScope(sel);
    return switch (e.function()) {
      case "percentile", "avg", "min", "max" -> {
        MetricDef def = MetricDef.of(e.target());
        Histogram h = merged(view, e.target(), sel, true);
        String name = e.function().equals("percentile") ? "p" + Evaluator.format(e.percentile()) : e.function();
        String what = name + " of " + e.target() + " (passed samples" + scope + ", " + h.getTotalCount() + ")";
        if (h.getTotalCount() == 0) {
          yield new Outcome(Double.NaN, def.unit(), false, what + ": no samples", 0);
        }
        double s = def.scale();
        double v = switch (e.function()) {
          case "percentile" -> h.getValueAtPercentile(e.percentile()) / s;
          case "avg" -> Math.round(h.getMean() / s * 1000) / 1000.0;
          case "min" -> h.getMinValue() / s;
          default -> h.getMaxValue() / s;
        };
        yield new Outcome(v, def.unit(), e.holds(v), what, h.getTotalCount());
      }
      case "count", "rate" -> {
        String name = ALIASES.getOrDefault(e.target(), e.target());
        double count = count(view, name, sel);
        if (e.function().equals("count")) {
          yield new Outcome(count, "", e.holds(count), "count of " + name + scope, (long) count);
        }
        double seconds = view.seconds(scenario);
        double rate = seconds <= 0 ? 0 : count / seconds;
        yield new Outcome(rate, "/s", e.holds(rate), "rate of " + name + scope + " over "
            + format(seconds) + " s", (long) count);
      }
      case "rps" -> {
        double seconds = view.seconds(scenario);
        double requests = count(view, "requests", sel);
        double rate = seconds <= 0 ? 0 : requests / seconds;
        yield new Outcome(rate, "/s", e.holds(rate), "requests per second" + scope + " over " + format(seconds)
            + " s", (long) requests);
      }
      case "error_ratio" -> {
        double requests = count(view, "requests", sel);
        double failed = count(view, "requests.failed", sel);
        String over = "requests";
        if (requests == 0) {
          requests = count(view, "iterations", sel);
          failed = count(view, "iterations.failed", sel);
          over = "iterations";
        }
        if (requests == 0) {
          yield new Outcome(Double.NaN, "ratio", false, "error ratio" + scope + ": nothing ran", 0);
        }
        double ratio = failed / requests;
        yield new Outcome(ratio, "ratio", e.holds(ratio), "failed " + over + " " + (long) failed + " of "
            + (long) requests + scope, (long) requests);
      }
      default -> throw new IllegalStateException(e.function());
    };
  }

  private static String describeScope(Map<String, String> sel) {
    return sel.isEmpty() ? "" : ", " + sel;
  }

  /** Merged histogram of a metric's rows that match the selector (passed samples unless an error is selected). */
  private static Histogram merged(MetricView view, String metric, Map<String, String> sel, boolean passedOnly) {
    Histogram h = Hdr.newHistogram();
    for (MetricView.Row row : view.rows()) {
      if (row.metric().equals(metric) && matches(row, sel) && (!passedOnly || sel.containsKey("error")
          || row.tags().get("error") == null)) {
        h.add(row.histogram().get());
      }
    }
    return h;
  }

  /**
   * A count: requests and iterations (and their {@code .failed} / {@code .interrupted} parts) from the rows of
   * {@code http.duration} and {@code iteration.duration}; a metric name counts its passed samples; anything else
   * is a plain counter such as {@code iterations.dropped}.
   */
  static double count(MetricView view, String name, Map<String, String> sel) {
    String metric = switch (name) {
      case "requests", "requests.failed" -> "http.duration";
      case "iterations", "iterations.failed", "iterations.interrupted" -> "iteration.duration";
      default -> null;
    };
    if (metric != null) {
      var totals = new java.util.HashMap<String, Long>();
      for (MetricView.Row row : view.rows()) {
        if (row.metric().equals(metric) && matches(row, sel)) {
          MetricDef.of(metric).count(totals, row.tags().get("error"), row.count());
        }
      }
      return totals.getOrDefault(name, 0L);
    }
    boolean isMetric = false;
    long samples = 0;
    for (MetricView.Row row : view.rows()) {
      if (row.metric().equals(name)) {
        isMetric = true;
        if (matches(row, sel) && (sel.containsKey("error") || row.tags().get("error") == null)) {
          samples += row.count();
        }
      }
    }
    if (isMetric) {
      return samples;
    }
    long n = 0;
    for (String s : view.scenarios()) {
      if (!sel.containsKey("scenario") || sel.get("scenario").equals(s)) {
        n += view.counter(s, name);
      }
    }
    return n;
  }

  private static boolean matches(MetricView.Row row, Map<String, String> sel) {
    for (var e : sel.entrySet()) {
      String want = e.getValue();
      String have = e.getKey().equals("scenario") ? row.scenario() : row.tags().get(e.getKey());
      if (!want.equals(have)) {
        return false;
      }
    }
    return true;
  }
}
