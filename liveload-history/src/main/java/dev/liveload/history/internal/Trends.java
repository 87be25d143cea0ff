package dev.liveload.history.internal;

import dev.liveload.history.Regression;
import dev.liveload.history.RegressionRule;
import dev.liveload.history.RunEntry;
import dev.liveload.history.Trend;
import dev.liveload.history.TrendSeries;
import dev.liveload.result.RunStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** Builds trends and regression checks from index rows: no result file is read. */
public final class Trends {
  /** Series order: the scenario's own figures, then steps, then metrics; within each by name, then statistic. */
  private static final Comparator<Figure.Key> ORDER = Comparator.comparing(Figure.Key::scenario,
          Comparator.comparing((String s) -> s.equals("all") ? 1 : 0).thenComparing(Comparator.naturalOrder()))
      .thenComparing(k -> switch (k.subject()) {
        case RUN -> 0;
        case STEP -> 1;
        default -> 2;
      })
      .thenComparing(Figure.Key::name).thenComparing(Figure.Key::statistic);

  private Trends() {}

  /**
   * The trend of one run name.
   *
   * @param name    the run name
   * @param runs    its runs, newest first: the ones to show and, before them, up to a window more for the flags
   * @param show    how many of the newest to show (0 for all)
   * @param figures every run's figures by run id
   * @param rule    the rule that flags values
   * @return the trend
   */
  public static Trend of(String name, List<RunEntry> runs, int show, Map<String, List<Figure>> figures,
      RegressionRule rule) {
    List<RunEntry> oldestFirst = new ArrayList<>(runs).reversed();
    int from = show <= 0 ? 0 : Math.max(0, oldestFirst.size() - show);
    var values = new HashMap<String, Map<Figure.Key, Figure>>();
    for (RunEntry r : oldestFirst) {
      var byKey = new HashMap<Figure.Key, Figure>();
      figures.getOrDefault(r.id(), List.of()).forEach(f -> byKey.put(f.key(), f));
      values.put(r.id(), byKey);
    }
    var keys = new TreeSet<Figure.Key>(ORDER);
    var units = new HashMap<Figure.Key, String>();
    for (RunEntry r : oldestFirst.subList(from, oldestFirst.size())) {
      values.get(r.id()).forEach((k, f) -> {
        keys.add(k);
        units.putIfAbsent(k, f.unit());
      });
    }
    var series = new ArrayList<TrendSeries>();
    for (Figure.Key k : keys) {
      var v = new ArrayList<Double>();
      var flags = new ArrayList<Boolean>();
      for (int i = from; i < oldestFirst.size(); i++) {
        Figure f = values.get(oldestFirst.get(i).id()).get(k);
        v.add(f == null ? Double.NaN : f.value());
        flags.add(f != null && Detector.judge(f, history(oldestFirst, i, k, values, rule), rule) != null);
      }
      series.add(new TrendSeries(k.scenario(), k.subject(), k.name(), k.statistic(), units.get(k), v, flags));
    }
    return new Trend(name, oldestFirst.subList(from, oldestFirst.size()), series);
  }

  /** The figure's values in the last {@code window} completed runs before run {@code i}. */
  private static List<Double> history(List<RunEntry> oldestFirst, int i, Figure.Key k,
      Map<String, Map<Figure.Key, Figure>> values, RegressionRule rule) {
    var h = new ArrayList<Double>();
    for (int j = i - 1; j >= 0 && h.size() < rule.window(); j--) {
      RunEntry r = oldestFirst.get(j);
      if (r.status() != RunStatus.COMPLETED || !r.start().isBefore(oldestFirst.get(i).start())) {
        continue;
      }
      Figure f = values.get(r.id()).get(k);
      if (f != null) {
        h.add(f.value());
      }
    }
    return h;
  }

  /**
   * Judges a run's figures against the same figures of earlier runs.
   *
   * @param current  the run's figures
   * @param baseline earlier runs' figures by run id
   * @param rule     the rule
   * @return the regressions, in series order, and how many figures had enough history to be judged
   */
  public static Judged regressions(List<Figure> current, Map<String, List<Figure>> baseline, RegressionRule rule) {
    var byKey = new HashMap<Figure.Key, List<Double>>();
    baseline.values().forEach(fs -> fs.forEach(f -> byKey.computeIfAbsent(f.key(), k -> new ArrayList<>())
        .add(f.value())));
    var sorted = new LinkedHashMap<Figure.Key, Figure>();
    current.stream().sorted(Comparator.comparing(Figure::key, ORDER)).forEach(f -> sorted.put(f.key(), f));
    var out = new ArrayList<Regression>();
    int judged = 0;
    for (Figure f : sorted.values()) {
      List<Double> h = byKey.getOrDefault(f.key(), List.of());
      if (h.stream().filter(Double::isFinite).count() >= rule.minRuns()) {
        judged++;
      }
      Regression r = Detector.judge(f, h, rule);
      if (r != null) {
        out.add(r);
      }
    }
    return new Judged(out, judged);
  }

  /**
   * @param regressions the figures flagged
   * @param judged      how many figures had enough history to be judged
   */
  public record Judged(List<Regression> regressions, int judged) {}
}
