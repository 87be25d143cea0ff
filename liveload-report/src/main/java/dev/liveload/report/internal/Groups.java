package dev.liveload.report.internal;

import dev.liveload.result.Breakdown;
import dev.liveload.result.Histogram;
import dev.liveload.result.ScenarioResult;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Breakdown rows of one metric grouped by what a table shows per line (a step, a request, a status code): passed
 * samples merged from their HDR data, failed samples counted by error kind.
 */
public final class Groups {
  private Groups() {}

  /**
   * One line of a grouped table.
   *
   * @param key      what the line is about (a step name, {@code GET /items/{id}}, {@code 200})
   * @param passed   figures of the passed samples
   * @param failed   number of failed samples
   * @param failures failed samples by error kind
   */
  public record Group(String key, Stats passed, long failed, Map<String, Long> failures) {
    /** @return passed plus failed samples */
    public long total() {
      return passed.count() + failed;
    }

    /** @return failed over all samples, 0 when there are none */
    public double errorRatio() {
      return total() == 0 ? 0 : failed / (double) total();
    }
  }

  /** Groups by step name ({@code (no step)} for rows outside any step). */
  public static Function<Breakdown, String> byStep() {
    return b -> orElse(b.tag("step"), "(no step)");
  }

  /** Groups by request: method and URL template, as {@code GET /items/{id}}. */
  public static Function<Breakdown, String> byRequest() {
    return b -> (b.tag("method") == null ? "" : b.tag("method") + " ") + orElse(b.tag("url"), "(no url)");
  }

  /** Groups by response status ({@code no response} when none was received). */
  public static Function<Breakdown, String> byStatus() {
    return b -> orElse(b.tag("status"), "no response");
  }

  /**
   * Groups a metric's breakdown rows.
   *
   * @param s      the scenario
   * @param metric metric name, e.g. {@code http.duration}
   * @param key    what a line is about
   * @return lines with most samples first; empty when the metric has no breakdown rows
   */
  public static List<Group> of(ScenarioResult s, String metric, Function<Breakdown, String> key) {
    Map<String, List<Histogram>> passed = new LinkedHashMap<>();
    Map<String, Map<String, Long>> failures = new LinkedHashMap<>();
    String unit = null;
    for (Breakdown b : s.breakdown()) {
      if (!b.metric().equals(metric)) {
        continue;
      }
      unit = b.histogram().unit();
      String k = key.apply(b);
      passed.computeIfAbsent(k, x -> new ArrayList<>());
      failures.computeIfAbsent(k, x -> new TreeMap<>());
      String error = b.tag("error");
      if (error == null) {
        passed.get(k).add(b.histogram());
      } else {
        failures.get(k).merge(error, b.histogram().count(), Long::sum);
      }
    }
    List<Group> groups = new ArrayList<>();
    for (var e : passed.entrySet()) {
      Map<String, Long> f = failures.get(e.getKey());
      long failed = f.values().stream().mapToLong(Long::longValue).sum();
      groups.add(new Group(e.getKey(), Stats.merge(e.getValue(), unit), failed, f));
    }
    groups.sort(Comparator.comparingLong(Group::total).reversed().thenComparing(Group::key));
    return groups;
  }

  private static String orElse(String value, String fallback) {
    return value == null ? fallback : value;
  }
}
