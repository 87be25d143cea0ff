package dev.liveload.history;

import dev.liveload.result.Breakdown;
import dev.liveload.result.Environment;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.ThresholdResult;
import dev.liveload.result.TimeSeries;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.Deflater;

/**
 * Results built by hand from real HdrHistograms: scenario {@code Checkout} with steps {@code browse} (base 40 ms)
 * and {@code pay} (base 100 ms), {@code http.duration} of both, 60 s long. Samples are spread evenly over
 * [0.5, 2] × the base, so a run's p50/p95/p99 move exactly with its factor.
 */
final class SyntheticRuns {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
  static final int SAMPLES = 1000;

  private SyntheticRuns() {}

  /** Factors of one run: pay's latency, browse's latency, and the request rate. */
  record Factors(double pay, double browse, double rate) {}

  /** Run number {@code n} (1-based) of test {@code name}, started n hours after T0. */
  static RunResult run(String name, String id, int n, Factors f) {
    Histogram pay = spread(SAMPLES, 100 * f.pay());
    Histogram browse = spread(SAMPLES, 40 * f.browse());
    long failedPay = 5;
    var breakdown = new ArrayList<Breakdown>();
    breakdown.add(new Breakdown("step.duration", Map.of("step", "pay"), pay));
    breakdown.add(new Breakdown("step.duration", Map.of("step", "pay", "error", "status"), spread((int) failedPay,
        50)));
    breakdown.add(new Breakdown("step.duration", Map.of("step", "browse"), browse));
    Histogram http = pay.merge(browse);
    var metrics = new LinkedHashMap<String, Histogram>();
    metrics.put("http.duration", http);
    metrics.put("step.duration", http);
    long durationMillis = Math.round(60_000 / f.rate());
    long requests = 2L * SAMPLES + failedPay;
    var s = new ScenarioResult("Checkout", "10 users for 60s", 10, durationMillis, Map.of("requests", requests,
        "requests.failed", failedPay, "iterations", (long) SAMPLES, "iterations.failed", failedPay), metrics,
        breakdown, List.of(), new TimeSeries(1000, List.of()));
    Instant start = T0.plus(Duration.ofHours(n));
    var run = new RunInfo(id, name, start, start.plusMillis(durationMillis), RunStatus.COMPLETED, "", Map.of(),
        new Environment("0.1.0-test", "25", "Test", "Linux", "generator-1", 2, 1L << 30));
    var health = new GeneratorHealth(false, List.of(), 2, 30, 40, 1L << 30, 80L << 20, 0, Histogram.empty("ms", 1000),
        List.of(), false);
    var thresholds = List.of(new ThresholdResult("p95(step:pay) < 1s", true, pay.p95(), "ms", pay.p95() + "ms",
        "p95 of step.duration"));
    return new RunResult(RunResult.SCHEMA, run, s, List.of(s), thresholds, health);
  }

  /** {@code n} values in ms spread evenly over [0.5, 2] × {@code base}, recorded in µs as the engine does. */
  static Histogram spread(int n, double base) {
    var h = new org.HdrHistogram.Histogram(3);
    h.setAutoResize(true);
    for (int i = 0; i < n; i++) {
      double v = base * (0.5 + 1.5 * i / Math.max(1, n - 1));
      h.recordValue(Math.round(v * 1000));
    }
    double mean = h.getMean() / 1000;
    return new Histogram("ms", 1000, h.getTotalCount(), h.getMinValue() / 1000.0, mean, h.getStdDeviation() / 1000,
        at(h, 50), at(h, 75), at(h, 90), at(h, 95), at(h, 99), at(h, 99.9), h.getMaxValue() / 1000.0, encode(h));
  }

  private static double at(org.HdrHistogram.Histogram h, double p) {
    return h.getValueAtPercentile(p) / 1000.0;
  }

  private static String encode(org.HdrHistogram.Histogram h) {
    ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
    int length = h.encodeIntoCompressedByteBuffer(buffer, Deflater.BEST_SPEED);
    byte[] bytes = new byte[length];
    buffer.flip();
    buffer.get(bytes);
    return Base64.getEncoder().encodeToString(bytes);
  }
}
