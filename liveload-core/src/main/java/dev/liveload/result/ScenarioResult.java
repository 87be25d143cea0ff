package dev.liveload.result;

import java.util.List;
import java.util.Map;

/**
 * Everything measured for one scenario (or, as {@link RunResult#total()}, for the whole run).
 *
 * <p>Counters are totals over the run: {@code requests} (every request issued, each redirect hop counted),
 * {@code requests.failed}, {@code iterations} (every iteration started and finished, failed or not),
 * {@code iterations.failed}, {@code iterations.interrupted} (cut off by the end of the run; neither passed nor
 * failed), {@code iterations.dropped} (open models: could not start in time), {@code http.retries} (requests sent a
 * second time, on a new connection, because the kept-alive one failed under them; only idempotent ones, see
 * {@link dev.liveload.http.HttpSession}). Every request is counted exactly once, as passed or failed.
 *
 * <p>Metrics hold the distribution of <em>successful</em> samples by name: {@code http.duration} (from the start
 * of the request, including connecting when a new connection was needed, to the last byte of the body),
 * {@code http.connect}, {@code iteration.duration}, {@code step.duration}, and whatever browser or WebSocket
 * users record. Failed samples are in {@link #breakdown()} rows tagged with their {@code error} kind.
 *
 * <pre>{@code
 * ScenarioResult s = result.scenario("Checkout");
 * System.out.printf("%d requests, %.2f%% failed, p95 %.1f ms%n",
 *     s.requests(), 100 * s.errorRatio(), s.metric("http.duration").p95());
 * }</pre>
 *
 * @param name           scenario name ({@code "all"} for the run total)
 * @param load           the load model, as people read it
 * @param maxUsers       most users active at once
 * @param durationMillis how long users of this scenario were running, from the end of the warm-up when the run had
 *                       one (the warm-up's samples are in {@code timeSeries} only)
 * @param counters       totals by counter name, never null
 * @param metrics        successful-sample distributions by metric name, never null
 * @param breakdown      per tag combination rows (step, method, url, status, error), never null
 * @param errors         grouped failures, most frequent first, never null, bounded
 * @param timeSeries     per-interval figures, never null
 * @since 0.1
 */
public record ScenarioResult(
    String name,
    String load,
    int maxUsers,
    long durationMillis,
    Map<String, Long> counters,
    Map<String, Histogram> metrics,
    List<Breakdown> breakdown,
    List<ErrorGroup> errors,
    TimeSeries timeSeries) {

  /** Name of the whole-run total. */
  public static final String TOTAL = "all";

  /** Creates a scenario result; collections are copied. */
  public ScenarioResult {
    counters = Maps.sortedCopy(counters);
    metrics = Maps.sortedCopy(metrics);
    breakdown = List.copyOf(breakdown);
    errors = List.copyOf(errors);
  }

  /**
   * A counter's total.
   *
   * @param counter counter name, e.g. {@code "requests.failed"}
   * @return the count, 0 when absent
   */
  public long count(String counter) {
    return counters.getOrDefault(counter, 0L);
  }

  /** @return requests issued (each redirect hop counts) */
  public long requests() {
    return count("requests");
  }

  /** @return requests that failed (connect, timeout, status, check, ...) */
  public long failedRequests() {
    return count("requests.failed");
  }

  /** @return iterations that ran to an end (passed or failed; not interrupted ones) */
  public long iterations() {
    return count("iterations");
  }

  /** @return iterations that failed */
  public long failedIterations() {
    return count("iterations.failed");
  }

  /**
   * The share of failures: failed requests over requests when the scenario made requests, else failed
   * iterations over iterations.
   *
   * @return between 0 and 1; 0 when nothing ran
   */
  public double errorRatio() {
    if (requests() > 0) {
      return failedRequests() / (double) requests();
    }
    return iterations() == 0 ? 0 : failedIterations() / (double) iterations();
  }

  /**
   * Requests per second over the scenario's running time.
   *
   * @return requests / seconds running; 0 when it did not run
   */
  public double throughput() {
    return durationMillis <= 0 ? 0 : requests() * 1000.0 / durationMillis;
  }

  /**
   * A metric's distribution over successful samples.
   *
   * @param metric metric name, e.g. {@code "http.duration"}
   * @return the histogram, or null when nothing was recorded under that name
   */
  public Histogram metric(String metric) {
    return metrics.get(metric);
  }
}
