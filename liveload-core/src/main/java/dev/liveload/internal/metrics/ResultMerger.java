package dev.liveload.internal.metrics;

import dev.liveload.result.Breakdown;
import dev.liveload.result.ErrorGroup;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.HealthPoint;
import dev.liveload.result.Histogram;
import dev.liveload.result.Measurement;
import dev.liveload.result.Point;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.TimeSeries;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BinaryOperator;
import java.util.stream.Collectors;

/** Lossless combination of results (per node to whole run; run A + run B). */
public final class ResultMerger {
  /** Most error groups kept per scenario. */
  public static final int MAX_ERROR_GROUPS = 100;

  private ResultMerger() {}

  public static RunResult merge(List<RunResult> results) {
    if (results.isEmpty()) {
      throw new IllegalArgumentException("merge needs at least one result");
    }
    if (results.size() == 1) {
      return results.get(0);
    }
    var byName = new LinkedHashMap<String, List<ScenarioResult>>();
    for (var r : results) {
      for (var s : r.scenarios()) {
        byName.computeIfAbsent(s.name(), k -> new ArrayList<>()).add(s);
      }
    }
    List<ScenarioResult> scenarios = byName.values().stream().map(ResultMerger::mergeScenarios).toList();
    ScenarioResult total = mergeScenarios(results.stream().map(RunResult::total).toList());
    return new RunResult(RunResult.SCHEMA, mergeRunInfo(results), total, scenarios, List.of(),
        mergeHealth(results.stream().map(RunResult::generator).toList(), results.stream()
            .map(r -> r.run().environment() == null ? null : r.run().environment().host()).toList(), null),
        results.stream().flatMap(r -> r.nodes().stream()).toList(), mergeMeasurements(results));
  }

  /** A metric keeps the weakest declaration any part made (unsupported over estimated over instrumented). */
  private static Map<String, Measurement> mergeMeasurements(List<RunResult> results) {
    var out = new TreeMap<String, Measurement>();
    for (var r : results) {
      r.measurements().forEach((k, v) -> out.merge(k, v, (a, b) -> a.compareTo(b) >= 0 ? a : b));
    }
    return out;
  }

  private static RunInfo mergeRunInfo(List<RunResult> results) {
    var first = results.get(0).run();
    var ids = results.stream().map(r -> r.run().id()).distinct().toList();
    Instant start = results.stream().map(r -> r.run().start()).min(Comparator.naturalOrder()).orElseThrow();
    Instant end = results.stream().map(r -> r.run().end()).max(Comparator.naturalOrder()).orElseThrow();
    RunStatus status = results.stream().map(r -> r.run().status()).max(Comparator.naturalOrder()).orElseThrow();
    String reason = results.stream().map(r -> r.run().reason()).filter(s -> !s.isEmpty()).distinct()
        .collect(Collectors.joining("; "));
    return new RunInfo(String.join("+", ids), first.name(), start, end, status, reason, first.options(),
        first.environment());
  }

  public static ScenarioResult mergeScenarios(List<ScenarioResult> parts) {
    if (parts.size() == 1) {
      return parts.get(0);
    }
    var first = parts.get(0);
    String load = parts.stream().map(ScenarioResult::load).distinct().collect(Collectors.joining(" + "));
    var counters = sumMaps(parts.stream().map(ScenarioResult::counters).toList(), Long::sum);
    var metrics = mergeHistograms(parts.stream().map(ScenarioResult::metrics).toList());
    var series = mergeSeries(parts.stream().map(ScenarioResult::timeSeries).toList());
    int maxUsers = Math.max(
        series.points().stream().mapToInt(Point::users).max().orElse(0),
        parts.stream().mapToInt(ScenarioResult::maxUsers).max().orElse(0));
    long duration = parts.stream().mapToLong(ScenarioResult::durationMillis).max().orElse(0);
    return new ScenarioResult(first.name(), load, maxUsers, duration, counters, metrics,
        mergeBreakdown(parts.stream().flatMap(p -> p.breakdown().stream()).toList()),
        mergeErrors(parts.stream().flatMap(p -> p.errors().stream()).toList()), series);
  }

  private static <V> Map<String, V> sumMaps(List<Map<String, V>> maps, BinaryOperator<V> add) {
    var out = new TreeMap<String, V>();
    for (var m : maps) {
      m.forEach((k, v) -> out.merge(k, v, add));
    }
    return out;
  }

  public static List<Breakdown> mergeBreakdown(List<Breakdown> rows) {
    record Key(String metric, Map<String, String> tags) {}
    var out = new LinkedHashMap<Key, List<Histogram>>();
    for (var b : rows) {
      out.computeIfAbsent(new Key(b.metric(), b.tags()), k -> new ArrayList<>()).add(b.histogram());
    }
    return out.entrySet().stream()
        .map(e -> new Breakdown(e.getKey().metric(), e.getKey().tags(), Hdr.mergeAll(e.getValue())))
        .sorted(BREAKDOWN_ORDER).toList();
  }

  /** Histograms by name, each name's merged once. */
  private static Map<String, Histogram> mergeHistograms(List<Map<String, Histogram>> maps) {
    var byName = new TreeMap<String, List<Histogram>>();
    for (var m : maps) {
      m.forEach((k, v) -> byName.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
    }
    var out = new TreeMap<String, Histogram>();
    byName.forEach((k, v) -> out.put(k, Hdr.mergeAll(v)));
    return out;
  }

  /** Metric, then tags in their string form: stable and readable. */
  public static final Comparator<Breakdown> BREAKDOWN_ORDER =
      Comparator.comparing(Breakdown::metric).thenComparing(b -> b.tags().toString());

  public static List<ErrorGroup> mergeErrors(List<ErrorGroup> groups) {
    record Key(String kind, String message, Map<String, String> tags) {}
    var out = new LinkedHashMap<Key, ErrorGroup>();
    for (var g : groups) {
      out.merge(new Key(g.kind(), g.message(), g.tags()), g, (a, b) -> new ErrorGroup(a.kind(), a.message(),
          a.count() + b.count(), a.first().isBefore(b.first()) ? a.first() : b.first(), a.tags()));
    }
    return bound(new ArrayList<>(out.values()));
  }

  /** Most frequent first; past the limit, the rest fold into one group per kind. */
  public static List<ErrorGroup> bound(List<ErrorGroup> groups) {
    groups.sort(Comparator.comparingLong(ErrorGroup::count).reversed()
        .thenComparing(ErrorGroup::first).thenComparing(ErrorGroup::kind).thenComparing(ErrorGroup::message));
    if (groups.size() <= MAX_ERROR_GROUPS) {
      return groups;
    }
    var kept = new ArrayList<>(groups.subList(0, MAX_ERROR_GROUPS - 1));
    var folded = new LinkedHashMap<String, ErrorGroup>();
    for (var g : groups.subList(MAX_ERROR_GROUPS - 1, groups.size())) {
      folded.merge(g.kind(), new ErrorGroup(g.kind(), "(other " + g.kind() + " errors)", g.count(), g.first(),
          Map.of()), (a, b) -> new ErrorGroup(a.kind(), a.message(), a.count() + b.count(),
          a.first().isBefore(b.first()) ? a.first() : b.first(), Map.of()));
    }
    kept.addAll(folded.values());
    return kept;
  }

  public static TimeSeries mergeSeries(List<TimeSeries> series) {
    long interval = series.stream().mapToLong(TimeSeries::intervalMillis).max().orElse(1000);
    var buckets = new TreeMap<Long, List<Point>>();
    for (var s : series) {
      for (var p : s.points()) {
        buckets.computeIfAbsent(Math.floorDiv(p.time(), interval), k -> new ArrayList<>()).add(p);
      }
    }
    // Points merge independently, and each decodes every part's HDR data: spread them over the cores.
    List<Point> points = new ArrayList<>(buckets.values()).parallelStream().map(ResultMerger::mergePoints).toList();
    return new TimeSeries(interval, points);
  }

  public static Point mergePoints(List<Point> points) {
    if (points.size() == 1) {
      return points.get(0);
    }
    long start = points.stream().mapToLong(Point::time).min().orElseThrow();
    long end = points.stream().mapToLong(p -> p.time() + p.millis()).max().orElseThrow();
    int users = points.stream().mapToInt(Point::users).sum();
    return new Point(start, end - start, users,
        sumMaps(points.stream().map(Point::counters).toList(), Long::sum),
        mergeHistograms(points.stream().map(Point::metrics).toList()));
  }

  /**
   * Several generators' health as one record, each figure the busiest generator's (see
   * {@link GeneratorHealth#workers()}): the highest mean CPU, the highest per-interval CPU, the largest heaps, the
   * most GC, the scheduling lag of the one with the highest p99; cores once per host.
   *
   * @param parts  each generator's health
   * @param hosts  each generator's host, same order (null entries: a host of its own)
   * @param labels each generator's name, prefixed to its warnings (null: none)
   */
  public static GeneratorHealth mergeHealth(List<GeneratorHealth> parts, List<String> hosts, List<String> labels) {
    var warnings = new LinkedHashSet<String>();
    var coresByHost = new LinkedHashMap<String, Integer>();
    int workers = 0;
    for (int i = 0; i < parts.size(); i++) {
      GeneratorHealth p = parts.get(i);
      String label = labels == null || labels.get(i) == null ? "" : labels.get(i) + ": ";
      p.warnings().forEach(w -> warnings.add(label + w));
      String host = hosts == null || hosts.get(i) == null ? "#" + i : hosts.get(i);
      coresByHost.merge(host, p.cores(), Math::max);
      workers += p.workers() == null ? 1 : p.workers();
    }
    GeneratorHealth laggiest = parts.stream()
        .max(Comparator.comparingDouble((GeneratorHealth g) -> g.schedulerLag().p99())
            .thenComparingDouble(g -> g.schedulerLag().max())).orElseThrow();
    long interval = 1000;
    Map<Long, HealthPoint> timeline = new TreeMap<>();
    for (var p : parts) {
      for (var h : p.timeline()) {
        timeline.merge(Math.floorDiv(h.time(), interval), h, (a, b) -> new HealthPoint(Math.min(a.time(), b.time()),
            Math.max(a.cpuPercent(), b.cpuPercent()), Math.max(a.heapUsedBytes(), b.heapUsedBytes()),
            Math.max(a.gcMillis(), b.gcMillis()), Math.max(a.lagMillis(), b.lagMillis())));
      }
    }
    return new GeneratorHealth(
        parts.stream().anyMatch(GeneratorHealth::saturated),
        List.copyOf(warnings),
        coresByHost.values().stream().mapToInt(Integer::intValue).sum(),
        parts.stream().mapToDouble(GeneratorHealth::cpuMeanPercent).max().orElse(0),
        parts.stream().mapToDouble(GeneratorHealth::cpuMaxPercent).max().orElse(0),
        parts.stream().mapToLong(GeneratorHealth::heapMaxBytes).max().orElse(0),
        parts.stream().mapToLong(GeneratorHealth::heapUsedMaxBytes).max().orElse(0),
        parts.stream().mapToLong(GeneratorHealth::gcMillis).max().orElse(0),
        laggiest.schedulerLag(),
        new ArrayList<>(timeline.values()),
        parts.stream().anyMatch(GeneratorHealth::cold),
        workers);
  }
}
