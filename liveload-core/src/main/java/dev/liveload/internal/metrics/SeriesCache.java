package dev.liveload.internal.metrics;

import java.util.Objects;

/**
 * A small per-user cache from tag values to {@link Series}, so that recording a sample with a tag combination the
 * user has seen before allocates nothing. Used by one thread only.
 */
public final class SeriesCache {
  private static final int SIZE = 64; // power of two

  private final MetricRegistry registry;
  private final int scenario;
  private final Entry[] entries = new Entry[SIZE];

  private static final class Entry {
    final String metric;
    final String step;
    final String method;
    final String url;
    final int status;
    final String error;
    final Series series;

    Entry(String metric, String step, String method, String url, int status, String error, Series series) {
      this.metric = metric;
      this.step = step;
      this.method = method;
      this.url = url;
      this.status = status;
      this.error = error;
      this.series = series;
    }
  }

  public SeriesCache(MetricRegistry registry, int scenario) {
    this.registry = registry;
    this.scenario = scenario;
  }

  public Series get(String metric, String step, String method, String url, int status, String error) {
    int h = metric.hashCode();
    h = 31 * h + (step == null ? 0 : step.hashCode());
    h = 31 * h + (method == null ? 0 : method.hashCode());
    h = 31 * h + (url == null ? 0 : url.hashCode());
    h = 31 * h + status;
    h = 31 * h + (error == null ? 0 : error.hashCode());
    int slot = (h ^ (h >>> 16)) & (SIZE - 1);
    Entry e = entries[slot];
    if (e != null && e.status == status && e.metric.equals(metric) && Objects.equals(e.url, url)
        && Objects.equals(e.step, step) && Objects.equals(e.method, method) && Objects.equals(e.error, error)) {
      return e.series;
    }
    Series s = registry.series(new MetricKey(scenario, metric, step, method, url, status, error));
    entries[slot] = new Entry(metric, step, method, url, status, error, s);
    return s;
  }
}
