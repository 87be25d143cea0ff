package dev.liveload.internal.metrics;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters that are not the count of some histogram (open-model {@code iterations.dropped} and
 * {@code iterations.queued}): per scenario and name, incremented without locks, sampled by the ticker as deltas.
 */
public final class Counters {
  private record Key(int scenario, String name) {}

  private final ConcurrentHashMap<Key, LongAdder> counters = new ConcurrentHashMap<>();
  private final Map<Key, Long> sampled = new HashMap<>();

  /** The adder for a scenario's counter; keep it and call {@code increment()}. */
  public LongAdder counter(int scenario, String name) {
    return counters.computeIfAbsent(new Key(scenario, name), k -> new LongAdder());
  }

  /** Adds each counter's change since the last call to {@code out} (by scenario); ticker thread only. */
  void sampleDeltas(java.util.List<Map<String, Long>> out) {
    counters.forEach((key, adder) -> {
      long now = adder.sum();
      long before = sampled.getOrDefault(key, 0L);
      if (now != before) {
        sampled.put(key, now);
        out.get(key.scenario()).merge(key.name(), now - before, Long::sum);
      }
    });
  }

  /** A counter's total so far. */
  public long total(int scenario, String name) {
    LongAdder a = counters.get(new Key(scenario, name));
    return a == null ? 0 : a.sum();
  }

  /** Every counter's total for a scenario. */
  public Map<String, Long> totals(int scenario) {
    var out = new HashMap<String, Long>();
    counters.forEach((key, adder) -> {
      if (key.scenario() == scenario) {
        out.put(key.name(), adder.sum());
      }
    });
    return out;
  }
}
