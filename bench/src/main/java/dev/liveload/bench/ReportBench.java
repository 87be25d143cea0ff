package dev.liveload.bench;

import dev.liveload.internal.metrics.Hdr;
import dev.liveload.report.HtmlReport;
import dev.liveload.report.Summary;
import dev.liveload.result.Breakdown;
import dev.liveload.result.Environment;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.HealthPoint;
import dev.liveload.result.Histogram;
import dev.liveload.result.Point;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.ThresholdResult;
import dev.liveload.result.TimeSeries;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The HTML report of a long run: a synthetic 1-hour result (3 scenarios plus the total, 3,600 one-second points
 * each, 4 to 6 metrics per point, every histogram a real HdrHistogram) rendered to a file. Prints the render time
 * (first, cold, and the median of the following ones) and the file size, against the targets of under 2 s and
 * under 5 MB. Not a test: it prints figures.
 */
public final class ReportBench {
  static final int SECONDS = 3600;
  static final int SAMPLES_PER_POINT = 40;
  static final long TARGET_MILLIS = 2000;
  static final long TARGET_BYTES = 5L * 1000 * 1000;

  private ReportBench() {}

  public static void main(String[] args) throws Exception {
    Path out = Path.of(args.length > 0 ? args[0] : "bench/target/report-1h.html");
    long t0 = System.nanoTime();
    RunResult result = oneHour(new SplittableRandom(42));
    int metricsPerPoint = result.scenarios().stream().mapToInt(s -> s.timeSeries().points().get(0).metrics().size())
        .max().orElse(0);
    System.out.printf(Locale.ROOT, "built a 1-hour result in %.1f s: %d scenarios + total, %,d points each, up to "
        + "%d metrics per point, %,d requests; its JSON is %.1f MB%n", (System.nanoTime() - t0) / 1e9,
        result.scenarios().size(), result.total().timeSeries().points().size(), metricsPerPoint,
        result.total().requests(), result.toJson().length() / 1e6);

    long start = System.nanoTime();
    String html = HtmlReport.render(result);
    long first = System.nanoTime() - start;
    long[] again = new long[5];
    for (int i = 0; i < again.length; i++) {
      long s = System.nanoTime();
      html = HtmlReport.render(result);
      again[i] = System.nanoTime() - s;
    }
    Arrays.sort(again);
    Files.createDirectories(out.toAbsolutePath().getParent());
    long w = System.nanoTime();
    HtmlReport.write(result, out);
    long write = System.nanoTime() - w;
    long bytes = Files.size(out);
    long s = System.nanoTime();
    String md = Summary.markdown(result);
    long mdNanos = System.nanoTime() - s;

    System.out.printf(Locale.ROOT, "HTML report render: first %.0f ms (cold JVM), then median %.0f ms, min %.0f ms, "
        + "max %.0f ms over %d more renders; render + write to disk %.0f ms%n", first / 1e6,
        again[again.length / 2] / 1e6, again[0] / 1e6, again[again.length - 1] / 1e6, again.length, write / 1e6);
    System.out.printf(Locale.ROOT, "HTML report size: %,d bytes (%.2f MB), of which %,d characters are the page's "
        + "chart data; written to %s%n", bytes, bytes / 1e6, dataLength(html), out.toAbsolutePath());
    System.out.printf(Locale.ROOT, "Markdown summary: %.0f ms, %,d characters%n", mdNanos / 1e6, md.length());
    System.out.printf(Locale.ROOT, "targets: render under %d ms (first render %s), file under %d MB (%s)%n",
        TARGET_MILLIS, first / 1_000_000 < TARGET_MILLIS ? "met" : "MISSED", TARGET_BYTES / 1_000_000,
        bytes < TARGET_BYTES ? "met" : "MISSED");
  }

  private static int dataLength(String html) {
    int a = html.indexOf("id=\"ll-data\">");
    int b = html.indexOf("</script>", a);
    return a < 0 || b < 0 ? 0 : b - a;
  }

  /** Three scenarios over an hour, with a slow-down in the middle, a few errors, steps and browser metrics. */
  static RunResult oneHour(SplittableRandom random) {
    long start = Instant.parse("2026-01-01T10:00:00Z").toEpochMilli();
    String[] names = {"checkout", "browse", "api"};
    String[] urls = {"/", "/items/{id}", "/cart", "/checkout", "/search", "/users/{id}", "/orders/{id}", "/login"};
    String[] steps = {"home", "search", "add to cart", "pay", "confirm"};
    var scenarios = new ArrayList<ScenarioResult>();
    for (int n = 0; n < names.length; n++) {
      scenarios.add(scenario(names[n], n, start, urls, steps, random));
    }
    ScenarioResult total = total(scenarios, start);
    var info = new RunInfo("bench-1h", "one hour", Instant.ofEpochMilli(start),
        Instant.ofEpochMilli(start + SECONDS * 1000L), RunStatus.COMPLETED, "", Map.of("name", "one hour"),
        new Environment("bench", "25", "bench", "Linux", "generator-1", 2, 1L << 30));
    var timeline = new ArrayList<HealthPoint>();
    for (int i = 0; i < SECONDS; i++) {
      timeline.add(new HealthPoint(start + i * 1000L, 40 + random.nextDouble() * 30, (200L + random.nextInt(100)) << 20,
          random.nextInt(5), random.nextDouble() * 3));
    }
    var lag = Hdr.newHistogram();
    timeline.forEach(p -> lag.recordValue((long) (p.lagMillis() * 1000)));
    var health = new GeneratorHealth(false, List.of(), 2, 55, 70, 1L << 30, 300L << 20, 4000,
        Hdr.summarize(lag, "ms", 1000), timeline);
    var thresholds = List.of(new ThresholdResult("p95(http.duration) < 300ms", true, 180, "ms", "180ms",
        "p95 of http.duration"), new ThresholdResult("error_ratio < 1%", true, 0.002, "ratio", "0.2%", "failed"));
    return new RunResult(RunResult.SCHEMA, info, total, scenarios, thresholds, health);
  }

  private static ScenarioResult scenario(String name, int n, long start, String[] urls, String[] steps,
      SplittableRandom random) {
    boolean browser = n == 0;
    var metricNames = new ArrayList<>(List.of("http.duration", "http.connect", "iteration.duration", "step.duration"));
    if (browser) {
      metricNames.addAll(List.of("browser.action.duration", "webvital.lcp"));
    }
    Map<String, org.HdrHistogram.Histogram> totals = new LinkedHashMap<>();
    metricNames.forEach(m -> totals.put(m, Hdr.newHistogram()));
    Map<String, org.HdrHistogram.Histogram> byUrl = new LinkedHashMap<>();
    Map<String, org.HdrHistogram.Histogram> byStep = new LinkedHashMap<>();
    var points = new ArrayList<Point>();
    long requests = 0;
    long failed = 0;
    for (int sec = 0; sec < SECONDS; sec++) {
      double slow = sec > 1500 && sec < 1800 ? 3 : 1; // a bad five minutes
      var metrics = new LinkedHashMap<String, Histogram>();
      for (String m : metricNames) {
        var h = Hdr.newHistogram();
        for (int i = 0; i < SAMPLES_PER_POINT; i++) {
          long micros = (long) ((base(m) + random.nextDouble() * random.nextDouble() * base(m) * 4) * slow);
          h.recordValue(Math.max(1, micros));
          if (m.equals("http.duration")) {
            byUrl.computeIfAbsent(urls[random.nextInt(urls.length)], k -> Hdr.newHistogram()).recordValue(micros);
          } else if (m.equals("step.duration")) {
            byStep.computeIfAbsent(steps[random.nextInt(steps.length)], k -> Hdr.newHistogram()).recordValue(micros);
          }
        }
        totals.get(m).add(h);
        metrics.put(m, Hdr.summarize(h, "ms", 1000));
      }
      long f = random.nextInt(100) == 0 ? 1 : 0;
      requests += SAMPLES_PER_POINT + f;
      failed += f;
      points.add(new Point(start + sec * 1000L, 1000, 20 + n * 5, Map.of("requests", SAMPLES_PER_POINT + f,
          "requests.failed", f, "iterations", SAMPLES_PER_POINT / 4L), metrics));
    }
    var metrics = new LinkedHashMap<String, Histogram>();
    totals.forEach((m, h) -> metrics.put(m, Hdr.summarize(h, "ms", 1000)));
    var breakdown = new ArrayList<Breakdown>();
    byUrl.forEach((url, h) -> breakdown.add(new Breakdown("http.duration", Map.of("method", "GET", "url", url,
        "status", "200"), Hdr.summarize(h, "ms", 1000))));
    byStep.forEach((step, h) -> breakdown.add(new Breakdown("step.duration", Map.of("step", step),
        Hdr.summarize(h, "ms", 1000))));
    var errors = List.of(new ErrorGroup("status", "status 500 (GET /checkout)", failed,
        Instant.ofEpochMilli(start + 1_600_000), Map.of("method", "GET", "url", "/checkout")));
    var counters = Map.of("requests", requests, "requests.failed", failed, "iterations", SECONDS * (long)
        SAMPLES_PER_POINT / 4, "iterations.failed", failed);
    return new ScenarioResult(name, (20 + n * 5) + " users for 1h", 20 + n * 5, SECONDS * 1000L, counters, metrics,
        breakdown, errors, new TimeSeries(1000, points));
  }

  private static ScenarioResult total(List<ScenarioResult> scenarios, long start) {
    var points = new ArrayList<Point>();
    for (int sec = 0; sec < SECONDS; sec++) {
      var parts = new LinkedHashMap<String, List<Histogram>>();
      for (ScenarioResult s : scenarios) {
        s.timeSeries().points().get(sec).metrics().forEach((m, h) -> parts.computeIfAbsent(m, k -> new ArrayList<>())
            .add(h));
      }
      var metrics = new LinkedHashMap<String, Histogram>();
      parts.forEach((m, hs) -> metrics.put(m, Hdr.mergeAll(hs)));
      long req = 0;
      long fail = 0;
      int users = 0;
      for (ScenarioResult s : scenarios) {
        Point p = s.timeSeries().points().get(sec);
        req += p.count("requests");
        fail += p.count("requests.failed");
        users += p.users();
      }
      points.add(new Point(start + sec * 1000L, 1000, users, Map.of("requests", req, "requests.failed", fail),
          metrics));
    }
    var metrics = new LinkedHashMap<String, List<Histogram>>();
    var counters = new LinkedHashMap<String, Long>();
    var breakdown = new ArrayList<Breakdown>();
    var errors = new ArrayList<ErrorGroup>();
    for (ScenarioResult s : scenarios) {
      s.metrics().forEach((m, h) -> metrics.computeIfAbsent(m, k -> new ArrayList<>()).add(h));
      s.counters().forEach((c, v) -> counters.merge(c, v, Long::sum));
      breakdown.addAll(s.breakdown());
      errors.addAll(s.errors());
    }
    var merged = new LinkedHashMap<String, Histogram>();
    metrics.forEach((m, hs) -> merged.put(m, Hdr.mergeAll(hs)));
    int users = scenarios.stream().mapToInt(ScenarioResult::maxUsers).sum();
    return new ScenarioResult(ScenarioResult.TOTAL, "all", users, SECONDS * 1000L, counters, merged, breakdown,
        errors, new TimeSeries(1000, points));
  }

  private static double base(String metric) {
    return switch (metric) {
      case "http.connect" -> 500;
      case "iteration.duration" -> 400_000;
      case "step.duration" -> 60_000;
      case "browser.action.duration" -> 80_000;
      case "webvital.lcp" -> 900_000;
      default -> 20_000;
    };
  }
}
