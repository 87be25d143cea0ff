package dev.liveload.internal.data;

import dev.liveload.Population;
import dev.liveload.RunOptions;
import dev.liveload.data.Feeder;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feeders of one run, opened before the load starts: the run's own (shared by every population) and each
 * population's, and for each population the set its users see.
 */
public final class RunFeeders implements AutoCloseable {
  private final List<FeederSource> all = new ArrayList<>();
  private final Map<Population, View> views = new IdentityHashMap<>();

  private RunFeeders() {}

  /**
   * Opens every feeder of a run.
   *
   * @param options the run's options
   * @return the feeders
   * @throws dev.liveload.InvalidOptionException when a feeder cannot be opened (the ones already open are closed)
   */
  public static RunFeeders open(RunOptions options) {
    var feeders = new RunFeeders();
    try {
      Map<String, FeederSource> shared = feeders.openAll(options.feeders(), options.seed());
      for (Population p : options.populations()) {
        var visible = new LinkedHashMap<>(shared);
        visible.putAll(feeders.openAll(p.feeders(), options.seed()));
        feeders.views.put(p, new View(visible));
      }
      return feeders;
    } catch (RuntimeException e) {
      feeders.close();
      throw e;
    }
  }

  private Map<String, FeederSource> openAll(Map<String, Feeder> configured, long seed) {
    var out = new LinkedHashMap<String, FeederSource>();
    configured.forEach((name, feeder) -> {
      FeederSource s = FeederSource.open(name, feeder, seed);
      all.add(s);
      out.put(name, s);
    });
    return out;
  }

  /** @return the feeders a population's users see, never null */
  public View view(Population population) {
    View v = views.get(population);
    return v != null ? v : new View(Map.of());
  }

  @Override
  public void close() {
    all.forEach(FeederSource::close);
  }

  /** The feeders one population's users see, and which feeder each column name belongs to. */
  public static final class View {
    final Map<String, FeederSource> byName;
    /** Column → the one feeder that has it; a column in several feeders maps to null. */
    final Map<String, FeederSource> byColumn = new LinkedHashMap<>();

    View(Map<String, FeederSource> byName) {
      this.byName = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(byName));
      for (FeederSource s : byName.values()) {
        for (String c : s.columns()) {
          byColumn.put(c, byColumn.containsKey(c) ? null : s);
        }
      }
    }

    /** @return whether the population has no feeder */
    public boolean isEmpty() {
      return byName.isEmpty();
    }
  }
}
