package dev.liveload.internal.metrics;

import dev.liveload.result.Breakdown;
import dev.liveload.result.Point;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.TimeSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntSupplier;
import org.HdrHistogram.Histogram;

/**
 * Turns the registry's recorders into time series and totals. Called once a second by the ticker thread (and
 * once more at the end); each call moves every series' new samples into its cumulative histogram and into the
 * current time-series interval, which closes at wall-clock multiples of the interval length.
 */
public final class Sampler {
  private final MetricRegistry registry;
  private final Counters counters;
  private final int scenarios;
  private final long intervalMillis;
  private final IntSupplier[] users;
  private final HealthMonitor health;
  private volatile IntervalData.Listener listener;
  private final Histogram scratch = Hdr.newHistogram();
  private final Interval[] current;
  private final List<List<Point>> points = new ArrayList<>();
  private long pointStart;
  private long pointEnd;
  /** Everything since the last {@link #takeWindow}, all scenarios together, for progress lines. */
  private final Interval window = new Interval();
  private long windowStart;
  /** Whether samples taken now are in the warm-up (left out of totals, kept in the time series). */
  private boolean warm;
  /** Per scenario: counter changes during the warm-up, taken off the totals. */
  private final List<Map<String, Long>> warmCounters = new ArrayList<>();
  /** Every scenario together: counts of what the warm-up recorded (requests, iterations, ...). */
  private final Map<String, Long> warmCounts = new HashMap<>();

  /** Samples of one scenario within the current interval. */
  private static final class Interval {
    final Map<String, Long> counters = new HashMap<>();
    final Map<String, Histogram> metrics = new HashMap<>();

    void clear() {
      counters.clear();
      metrics.values().forEach(Histogram::reset);
    }
  }

  public Sampler(MetricRegistry registry, Counters counters, IntSupplier[] users, long intervalMillis,
      long startEpochMillis, HealthMonitor health) {
    this.registry = registry;
    this.counters = counters;
    this.scenarios = users.length;
    this.users = users;
    this.intervalMillis = intervalMillis;
    this.health = health;
    this.current = new Interval[scenarios];
    for (int i = 0; i < scenarios; i++) {
      current[i] = new Interval();
      points.add(new ArrayList<>());
      warmCounters.add(new HashMap<>());
    }
    this.pointStart = startEpochMillis;
    this.windowStart = startEpochMillis;
    this.pointEnd = (Math.floorDiv(startEpochMillis, intervalMillis) + 1) * intervalMillis;
  }

  /**
   * Loads and compiles what the first sample needs (HDR encoding, summaries) before load starts, so that the first
   * sample of a run is not late while classes load.
   */
  public static void warmUp() {
    var h = Hdr.newHistogram();
    h.recordValue(1000);
    Hdr.decode(Hdr.summarize(h, "ms", Hdr.MICROS_PER_MILLI).hdr());
  }

  /** The length of one time-series interval for a run of the given planned length: 1 s up to an hour. */
  public static long intervalFor(long plannedMillis) {
    long seconds = (plannedMillis + 3_600_000 - 1) / 3_600_000;
    return Math.max(1, seconds) * 1000;
  }

  /**
   * Samples now. A point is closed when {@code nowEpochMillis} reaches the interval's end, or when
   * {@code last} (the run is over).
   *
   * @param nowEpochMillis the wall-clock time of this sample
   * @param last           whether this is the final sample
   */
  public synchronized void sample(long nowEpochMillis, boolean last) {
    sample(nowEpochMillis, last, false);
  }

  /**
   * Starts the run in warm-up: until {@link #endWarmUp}, samples go into the time series (and progress windows)
   * but not into the totals, breakdowns or counters of the result. Call before the first sample.
   */
  public synchronized void startWarmUp() {
    warm = true;
  }

  /**
   * Ends the warm-up now: samples what was recorded until now as warm-up and closes the time-series point here,
   * so that every point is wholly warm-up or wholly measured.
   *
   * @param nowEpochMillis the wall-clock time the warm-up ended
   * @return counts of what the warm-up recorded, all scenarios together (e.g. {@code requests},
   *     {@code requests.failed}, {@code iterations})
   */
  public synchronized Map<String, Long> endWarmUp(long nowEpochMillis) {
    if (!warm) {
      return Map.of();
    }
    sample(nowEpochMillis, false, true);
    warm = false;
    return Map.copyOf(warmCounts);
  }

  private void sample(long nowEpochMillis, boolean last, boolean closeHere) {
    List<IntervalData.SeriesInterval> out = listener == null ? null : new ArrayList<>();
    for (Series s : registry.all()) {
      s.sampleInto(scratch);
      if (scratch.getTotalCount() == 0) {
        continue;
      }
      apply(s, scratch);
      if (out != null) {
        out.add(new IntervalData.SeriesInterval(s.key, Hdr.encode(scratch)));
      }
    }
    List<Map<String, Long>> deltas = new ArrayList<>(scenarios);
    for (int i = 0; i < scenarios; i++) {
      deltas.add(new HashMap<>());
    }
    counters.sampleDeltas(deltas);
    applyCounters(deltas);
    if (health != null) {
      health.sample();
    }
    int[] usersNow = new int[scenarios];
    for (int i = 0; i < scenarios; i++) {
      usersNow[i] = users[i].getAsInt();
    }
    closePoint(nowEpochMillis, last || closeHere, usersNow);
    if (listener != null) {
      listener.onInterval(new IntervalData(nowEpochMillis, last, out, deltas, usersNow, null));
    }
  }

  /**
   * Replays an interval sampled by another generator, as if it had been sampled here: totals, time series,
   * counters (a controller keeps a sampler per worker this way, and one for the whole cluster).
   *
   * @param data the interval
   */
  public synchronized void ingest(IntervalData data) {
    for (IntervalData.SeriesInterval si : data.series()) {
      apply(registry.series(si.key()), Hdr.decode(si.hdr()));
    }
    for (int i = 0; i < Math.min(scenarios, data.counters().size()); i++) {
      int scenario = i;
      data.counters().get(i).forEach((name, delta) -> counters.counter(scenario, name).add(delta));
    }
    applyCounters(data.counters());
    int[] usersNow = new int[scenarios];
    System.arraycopy(data.users(), 0, usersNow, 0, Math.min(scenarios, data.users().length));
    closePoint(data.time(), data.last(), usersNow);
  }

  /** Adds one series' interval samples to its total, the current point and the progress window. */
  private void apply(Series s, org.HdrHistogram.AbstractHistogram interval) {
    long count = interval.getTotalCount();
    if (warm) {
      s.def.count(warmCounts, s.key.error(), count);
    } else {
      s.total.add(interval);
    }
    Interval in = current[s.key.scenario()];
    s.def.count(in.counters, s.key.error(), count);
    s.def.count(window.counters, s.key.error(), count);
    if (s.key.error() == null) {
      in.metrics.computeIfAbsent(s.key.metric(), k -> Hdr.newHistogram()).add(interval);
      window.metrics.computeIfAbsent(s.key.metric(), k -> Hdr.newHistogram()).add(interval);
    }
  }

  private void applyCounters(List<Map<String, Long>> deltas) {
    for (int i = 0; i < Math.min(scenarios, deltas.size()); i++) {
      Interval in = current[i];
      Map<String, Long> warmed = warmCounters.get(i);
      deltas.get(i).forEach((k, v) -> {
        in.counters.merge(k, v, Long::sum);
        window.counters.merge(k, v, Long::sum);
        if (warm) {
          warmed.merge(k, v, Long::sum);
        }
      });
    }
  }

  /**
   * Closes the time-series point when its interval is over (or this is the last sample). The point ends when the
   * sample was taken, not at the planned boundary: a sample taken late (a busy machine) holds everything recorded
   * until it was taken, so its point covers that long and its rates stay true.
   */
  private void closePoint(long nowEpochMillis, boolean last, int[] usersNow) {
    if (nowEpochMillis >= pointEnd || last) {
      long end = nowEpochMillis;
      for (int i = 0; i < scenarios; i++) {
        points.get(i).add(toPoint(current[i], pointStart, Math.max(0, end - pointStart), usersNow[i]));
        current[i].clear();
      }
      if (health != null) {
        health.point(pointStart);
      }
      pointStart = end;
      pointEnd = (Math.floorDiv(end, intervalMillis) + 1) * intervalMillis;
    }
  }

  /** Streams every sampled interval to {@code listener} (set before the run starts). */
  public void listener(IntervalData.Listener listener) {
    this.listener = listener;
  }

  private static Point toPoint(Interval in, long start, long millis, int users) {
    var metrics = new TreeMap<String, dev.liveload.result.Histogram>();
    in.metrics.forEach((name, h) -> {
      if (h.getTotalCount() > 0) {
        MetricDef def = MetricDef.of(name);
        metrics.put(name, Hdr.summarize(h, def.unit(), def.scale()));
      }
    });
    return new Point(start, millis, users, in.counters, metrics);
  }

  /** As {@link #takeWindow(long, List, List)} without further metrics. */
  public Window takeWindow(long nowEpochMillis, List<String> latencyMetrics) {
    return takeWindow(nowEpochMillis, latencyMetrics, List.of());
  }

  /**
   * What was recorded since the last call, all scenarios together: counters, the p95 of the first of
   * {@code latencyMetrics} that has samples, and the p95 of each of {@code alsoMetrics} that has.
   *
   * @param nowEpochMillis now
   * @param latencyMetrics metric names in order of preference
   * @param alsoMetrics    further metrics whose p95 to take
   * @return the window
   */
  public synchronized Window takeWindow(long nowEpochMillis, List<String> latencyMetrics, List<String> alsoMetrics) {
    double p95 = Double.NaN;
    String of = null;
    for (String m : latencyMetrics) {
      Histogram h = window.metrics.get(m);
      if (h != null && h.getTotalCount() > 0) {
        p95 = h.getValueAtPercentile(95) / (double) MetricDef.of(m).scale();
        of = m;
        break;
      }
    }
    var more = new HashMap<String, Double>();
    for (String m : alsoMetrics) {
      Histogram h = window.metrics.get(m);
      if (h != null && h.getTotalCount() > 0) {
        more.put(m, h.getValueAtPercentile(95) / (double) MetricDef.of(m).scale());
      }
    }
    var w = new Window(Math.max(1, nowEpochMillis - windowStart), Map.copyOf(window.counters), p95, of,
        Map.copyOf(more));
    window.clear();
    windowStart = nowEpochMillis;
    return w;
  }

  /**
   * Figures of a progress window.
   *
   * @param millis   its length
   * @param counters counts within it
   * @param p95      p95 of the chosen latency metric, in its unit, or NaN
   * @param p95Of    the chosen latency metric, or null when none had samples
   * @param p95s     p95 of further metrics that had samples, by name
   */
  public record Window(long millis, Map<String, Long> counters, double p95, String p95Of, Map<String, Double> p95s) {
    public long count(String name) {
      return counters.getOrDefault(name, 0L);
    }

    /** @return the p95 of a further metric, or NaN when it had no samples */
    public double p95(String metric) {
      return p95s.getOrDefault(metric, Double.NaN);
    }
  }

  /**
   * Builds a scenario's result from the cumulative histograms; call after the final {@link #sample}.
   */
  public synchronized ScenarioResult result(int scenario, String name, String load, int maxUsers,
      long durationMillis, List<dev.liveload.result.ErrorGroup> errors) {
    var counters = new TreeMap<String, Long>(this.counters.totals(scenario));
    warmCounters.get(scenario).forEach((k, v) -> counters.merge(k, -v, Long::sum));
    for (String c : List.of("requests", "requests.failed", "iterations", "iterations.failed",
        "iterations.interrupted")) {
      counters.putIfAbsent(c, 0L);
    }
    var byMetric = new HashMap<String, Histogram>();
    var breakdown = new ArrayList<Breakdown>();
    for (Series s : registry.all()) {
      if (s.key.scenario() != scenario || s.total.getTotalCount() == 0) {
        continue;
      }
      s.def.count(counters, s.key.error(), s.total.getTotalCount());
      if (s.key.error() == null) {
        byMetric.computeIfAbsent(s.key.metric(), k -> Hdr.newHistogram()).add(s.total);
      }
      breakdown.add(new Breakdown(s.key.metric(), s.key.tags(), Hdr.summarize(s.total, s.def.unit(),
          s.def.scale())));
    }
    breakdown.sort(ResultMerger.BREAKDOWN_ORDER);
    var metrics = new TreeMap<String, dev.liveload.result.Histogram>();
    byMetric.forEach((metric, h) -> {
      MetricDef def = MetricDef.of(metric);
      metrics.put(metric, Hdr.summarize(h, def.unit(), def.scale()));
    });
    return new ScenarioResult(name, load, maxUsers, durationMillis, counters, metrics, breakdown,
        errors, new TimeSeries(intervalMillis, points.get(scenario)));
  }
}
