package dev.liveload.report.internal;

import dev.liveload.result.ScenarioResult;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The report sections for metrics that only some connections record (browser, LiveView, WebSocket): a section
 * appears when the result has a metric with one of its prefixes, or declares one of them "not measured".
 *
 * @param id       anchor id
 * @param title    section title
 * @param prefixes metric name prefixes that belong to it
 * @param about    one sentence on what the section shows
 */
public record MetricFamily(String id, String title, List<String> prefixes, String about) {

  /** The families, in report order. */
  public static final List<MetricFamily> ALL = List.of(
      new MetricFamily("browser", "Browser pages and Web Vitals", List.of("browser.", "webvital."),
          "Measured inside the page by browser users."),
      new MetricFamily("liveview", "LiveView", List.of("liveview."),
          "Phoenix LiveView socket join, mount and phx-*-loading times."),
      new MetricFamily("websocket", "WebSocket", List.of("ws."),
          "WebSocket connections and frames."));

  private static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
      Map.entry("http.duration", "request, from its start to the last body byte"),
      Map.entry("http.connect", "opening a connection (TCP, and TLS for https)"),
      Map.entry("iteration.duration", "one iteration of the scenario, think time included"),
      Map.entry("step.duration", "one named step"),
      Map.entry("browser.action.duration", "one browser action, dispatched in the page until done"),
      Map.entry("browser.navigation", "a navigation until the load event"),
      Map.entry("webvital.lcp", "Largest Contentful Paint"),
      Map.entry("webvital.fcp", "First Contentful Paint"),
      Map.entry("webvital.cls", "Cumulative Layout Shift"),
      Map.entry("webvital.inp", "Interaction to Next Paint"),
      Map.entry("webvital.ttfb", "Time to First Byte"),
      Map.entry("liveview.join", "LiveView socket join"),
      Map.entry("liveview.mount", "LiveView mounted and connected"),
      Map.entry("liveview.loading", "a phx-*-loading class appeared and cleared"),
      Map.entry("ws.connect", "opening a WebSocket (handshake included)"),
      Map.entry("ws.frame.bytes", "size of a WebSocket frame"),
      Map.entry("ws.frame", "a WebSocket frame round trip"));

  /** @return whether a metric belongs to this family */
  public boolean contains(String metric) {
    return prefixes.stream().anyMatch(metric::startsWith);
  }

  /** @return whether the scenario has something for this family: a metric, or a metric declared not measured */
  public boolean presentIn(ScenarioResult s) {
    return s.metrics().keySet().stream().anyMatch(this::contains) || notMeasured(s).stream().anyMatch(this::contains);
  }

  /** @return the metric's meaning in a few words, or empty when unknown */
  public static String describe(String metric) {
    return DESCRIPTIONS.getOrDefault(metric, "");
  }

  /**
   * Metrics a scenario's connections declare they cannot produce, so that the report says "not measured"
   * instead of showing nothing or 0. The Result model does not carry such declarations yet (browser users will
   * add them); when it does, read them here and every table that lists metrics shows them.
   *
   * @return metric names, never null
   */
  public static Set<String> notMeasured(ScenarioResult s) {
    return Set.of();
  }
}
