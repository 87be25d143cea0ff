package dev.liveload.internal.threshold;

import dev.liveload.internal.metrics.Hdr;
import dev.liveload.result.Breakdown;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.HdrHistogram.AbstractHistogram;

/** A finished result as a {@link MetricView} (histograms decoded on first use). */
public final class ResultView implements MetricView {
  private final RunResult result;
  private final List<Row> rows = new ArrayList<>();

  public ResultView(RunResult result) {
    this.result = result;
    for (ScenarioResult s : result.scenarios()) {
      for (Breakdown b : s.breakdown()) {
        rows.add(new Row(s.name(), b.metric(), b.tags(), b.histogram().count(), b.histogram().scale(),
            new Decoded(b.histogram().hdr())));
      }
    }
  }

  private static final class Decoded implements java.util.function.Supplier<AbstractHistogram> {
    private final String hdr;
    private AbstractHistogram decoded;

    Decoded(String hdr) {
      this.hdr = hdr;
    }

    @Override
    public AbstractHistogram get() {
      if (decoded == null) {
        decoded = Hdr.decode(hdr);
      }
      return decoded;
    }
  }

  @Override
  public List<Row> rows() {
    return rows;
  }

  @Override
  public Set<String> scenarios() {
    var names = new LinkedHashSet<String>();
    result.scenarios().forEach(s -> names.add(s.name()));
    return names;
  }

  @Override
  public long counter(String scenario, String name) {
    return result.scenarios().stream().filter(s -> s.name().equals(scenario)).mapToLong(s -> s.count(name)).sum();
  }

  @Override
  public double seconds(String scenario) {
    if (scenario == null) {
      return result.total().durationMillis() / 1000.0;
    }
    return result.scenarios().stream().filter(s -> s.name().equals(scenario))
        .mapToLong(ScenarioResult::durationMillis).findFirst().orElse(0) / 1000.0;
  }
}
