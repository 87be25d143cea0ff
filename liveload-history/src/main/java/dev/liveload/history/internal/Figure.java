package dev.liveload.history.internal;

import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;

/**
 * One headline figure of one run, as the index keeps it.
 *
 * @param scenario  scenario name, or {@code "all"} for the run of several scenarios together
 * @param subject   what it is about: the scenario's own figures, a metric, a step
 * @param name      {@code requests}/{@code iterations}, a metric name, or a step name
 * @param statistic which figure
 * @param unit      {@code ms}, {@code /s} or {@code ratio}
 * @param value     the value
 * @param samples   how many samples (or requests, iterations) it is of
 */
public record Figure(String scenario, Subject subject, String name, Statistic statistic, String unit, double value,
    long samples) {

  /** @return the figure's identity across runs: scenario, subject, name and statistic */
  public Key key() {
    return new Key(scenario, subject, name, statistic);
  }

  /**
   * What a figure is, across runs.
   *
   * @param scenario  scenario name
   * @param subject   subject
   * @param name      name
   * @param statistic statistic
   */
  public record Key(String scenario, Subject subject, String name, Statistic statistic) {}
}
