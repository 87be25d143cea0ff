package dev.liveload.internal.metrics;

import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every series of a run, by key. Lookups are lock-free reads; a series is created once per key. URL tags are
 * capped per scenario ({@value #MAX_URLS_PER_SCENARIO}) so that a scenario hitting unbounded raw URLs cannot
 * exhaust memory: past the cap, new URLs report as {@value #OTHER_URLS}.
 */
public final class MetricRegistry {
  public static final int MAX_URLS_PER_SCENARIO = 500;
  public static final String OTHER_URLS = "(other urls)";

  private final ConcurrentHashMap<MetricKey, Series> series = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Integer, Set<String>> urlsByScenario = new ConcurrentHashMap<>();
  private final FirstAction firstAction = new FirstAction();

  /** @return when the run's first action began, as users record their actions */
  public FirstAction firstAction() {
    return firstAction;
  }

  public Series series(MetricKey key) {
    Series s = series.get(key);
    if (s != null) {
      return s;
    }
    if (key.url() != null) {
      Set<String> urls = urlsByScenario.computeIfAbsent(key.scenario(), k -> ConcurrentHashMap.newKeySet());
      if (!urls.contains(key.url())) {
        if (urls.size() >= MAX_URLS_PER_SCENARIO) {
          key = new MetricKey(key.scenario(), key.metric(), key.step(), key.method(), OTHER_URLS, key.status(),
              key.error());
        } else {
          urls.add(key.url());
        }
      }
    }
    return series.computeIfAbsent(key, Series::new);
  }

  public Collection<Series> all() {
    return series.values();
  }
}
