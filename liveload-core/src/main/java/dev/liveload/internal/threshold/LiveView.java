package dev.liveload.internal.threshold;

import dev.liveload.internal.metrics.Counters;
import dev.liveload.internal.metrics.MetricRegistry;
import dev.liveload.internal.metrics.Series;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.DoubleSupplier;

/** The run so far as a {@link MetricView}: the cumulative histograms; use only on the ticker thread. */
public final class LiveView implements MetricView {
  private final MetricRegistry registry;
  private final Counters counters;
  private final List<String> scenarioNames;
  private final DoubleSupplier elapsedSeconds;

  public LiveView(MetricRegistry registry, Counters counters, List<String> scenarioNames,
      DoubleSupplier elapsedSeconds) {
    this.registry = registry;
    this.counters = counters;
    this.scenarioNames = scenarioNames;
    this.elapsedSeconds = elapsedSeconds;
  }

  @Override
  public List<Row> rows() {
    var rows = new ArrayList<Row>();
    for (Series s : registry.all()) {
      var total = s.total();
      if (total.getTotalCount() > 0) {
        rows.add(new Row(scenarioNames.get(s.key().scenario()), s.key().metric(), s.key().tags(),
            total.getTotalCount(), s.def().scale(), () -> total));
      }
    }
    return rows;
  }

  @Override
  public Set<String> scenarios() {
    return new LinkedHashSet<>(scenarioNames);
  }

  @Override
  public long counter(String scenario, String name) {
    int i = scenarioNames.indexOf(scenario);
    return i < 0 ? 0 : counters.total(i, name);
  }

  @Override
  public double seconds(String scenario) {
    return elapsedSeconds.getAsDouble();
  }
}
