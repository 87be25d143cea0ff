package dev.liveload.report.internal;

import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.HealthPoint;
import dev.liveload.result.Histogram;
import dev.liveload.result.Point;
import dev.liveload.result.ScenarioResult;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The data the page's charts draw, as JSON: per panel the time series (columns of per-interval figures, x in
 * seconds since the run started) and the distribution of each metric; the generator's timeline. Only what the
 * charts need goes in: summary figures per interval, never the per-interval HDR data. Edge intervals shorter than
 * half an interval are drawn merged with their neighbour ({@link ChartPoints}).
 */
public final class ChartData {
  /** Highest percentile the percentile curve is drawn to, as "nines": 5 = 99.999%. */
  static final double MAX_NINES = 5;

  private ChartData() {}

  /**
   * Writes the chart data.
   *
   * @param panels    the scenario results shown, in panel order
   * @param generator the generator's health
   * @param startMillis the run's start, epoch ms (x = 0)
   * @return the JSON text, safe to embed in a script element
   */
  public static String json(List<ScenarioResult> panels, GeneratorHealth generator, long startMillis) {
    var out = new StringBuilder(64 * 1024);
    var json = new Json(out);
    json.beginObject().key("panels").beginArray();
    for (ScenarioResult s : panels) {
      panel(json, s, startMillis);
    }
    json.endArray();
    json.key("gen");
    generator(json, generator, startMillis);
    json.endObject();
    return out.toString();
  }

  private static void panel(Json json, ScenarioResult s, long start) {
    List<Point> points = ChartPoints.of(s.timeSeries()).points();
    int n = points.size();
    double[] t = new double[n];
    double[] users = new double[n];
    double[] rps = new double[n];
    double[] fps = new double[n];
    double[] ips = new double[n];
    var metricNames = new TreeSet<String>();
    for (int i = 0; i < n; i++) {
      Point p = points.get(i);
      t[i] = (p.time() - start) / 1000.0;
      users[i] = p.users();
      rps[i] = p.rate("requests");
      fps[i] = p.rate("requests.failed");
      ips[i] = p.rate("iterations");
      metricNames.addAll(p.metrics().keySet());
    }
    json.beginObject().key("interval").value(s.timeSeries().intervalMillis());
    json.key("t").array(t).key("users").array(users).key("rps").array(rps).key("fps").array(fps)
        .key("ips").array(ips);
    json.key("lat").beginObject();
    for (String metric : metricNames) {
      double[][] pct = new double[3][n];
      String unit = "";
      for (int i = 0; i < n; i++) {
        Histogram h = points.get(i).metric(metric);
        boolean has = h != null && h.count() > 0;
        if (has) {
          unit = h.unit();
        }
        pct[0][i] = has ? h.p50() : Double.NaN;
        pct[1][i] = has ? h.p95() : Double.NaN;
        pct[2][i] = has ? h.p99() : Double.NaN;
      }
      json.key(metric).beginObject().key("u").value(unit).key("p50").array(pct[0]).key("p95").array(pct[1])
          .key("p99").array(pct[2]).endObject();
    }
    json.endObject();
    json.key("dist").beginObject();
    for (Map.Entry<String, Histogram> e : s.metrics().entrySet()) {
      Histogram h = e.getValue();
      if (h.count() == 0) {
        continue;
      }
      double[][] buckets = Distributions.buckets(h);
      double[][] curve = Distributions.percentileCurve(h);
      double[] nines = new double[curve[0].length];
      for (int i = 0; i < nines.length; i++) {
        nines[i] = nines(curve[0][i], h.count());
      }
      for (int i = 1; i < nines.length; i++) {
        nines[i] = Math.max(nines[i], nines[i - 1]);
      }
      json.key(e.getKey()).beginObject().key("u").value(h.unit())
          .key("hb").array(buckets[0]).key("hc").array(buckets[1])
          .key("cx").array(nines).key("cv").array(curve[1]).endObject();
    }
    json.endObject().endObject();
  }

  /**
   * A percentile on a "nines" scale, -log10(1 - p/100): 90% is 1, 99% is 2. The maximum (100%) sits where the
   * top single sample does, 1 - 1/count, capped at {@link #MAX_NINES}.
   */
  static double nines(double percentile, long count) {
    double below = percentile >= 100 ? 1.0 / Math.max(count, 1) : 1 - percentile / 100;
    return Math.min(MAX_NINES, -Math.log10(Math.max(below, 1e-9)));
  }

  private static void generator(Json json, GeneratorHealth g, long start) {
    List<HealthPoint> tl = g.timeline();
    int n = tl.size();
    double[] t = new double[n];
    double[] cpu = new double[n];
    double[] heap = new double[n];
    double[] gc = new double[n];
    double[] lag = new double[n];
    for (int i = 0; i < n; i++) {
      HealthPoint p = tl.get(i);
      t[i] = (p.time() - start) / 1000.0;
      cpu[i] = p.cpuPercent();
      heap[i] = p.heapUsedBytes() / (1024.0 * 1024.0);
      gc[i] = p.gcMillis();
      lag[i] = p.lagMillis();
    }
    json.beginObject().key("t").array(t).key("cpu").array(cpu).key("heap").array(heap).key("gc").array(gc)
        .key("lag").array(lag).endObject();
  }
}
