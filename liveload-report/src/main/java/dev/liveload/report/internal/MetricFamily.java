package dev.liveload.report.internal;

import dev.liveload.result.Measurement;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

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
      Map.entry("step.duration", "one named step; a browser batch in it counts for its time in the page"),
      Map.entry("browser.action.duration", "one browser action, timed in the page"),
      Map.entry("browser.queue", "the generator's own hand-over of a batch of browser actions (to the browser "
          + "thread and back), not the page's time; left out of step timings"),
      Map.entry("browser.request.duration", "a request the page made, start to last byte"),
      Map.entry("browser.request.ttfb", "a request the page made, start to first byte"),
      Map.entry("browser.request.bytes", "size of a response the page received"),
      Map.entry("browser.navigation.dom_content_loaded", "navigation start to DOMContentLoaded"),
      Map.entry("browser.navigation.load", "navigation start to the load event"),
      Map.entry("browser.ws.connect", "a WebSocket the page opened, until open"),
      Map.entry("browser.ws.session", "how long a WebSocket the page opened stayed open"),
      Map.entry("browser.ws.sent.bytes", "size of a frame the page sent"),
      Map.entry("browser.ws.received.bytes", "size of a frame the page received"),
      Map.entry("webvital.lcp", "Largest Contentful Paint, one per page view"),
      Map.entry("webvital.fcp", "First Contentful Paint, one per page view"),
      Map.entry("webvital.cls", "Cumulative Layout Shift, one per page view, final when it is left"),
      Map.entry("webvital.inp", "Interaction to Next Paint: a page view's worst interaction, final when it is left"),
      Map.entry("webvital.ttfb", "Time to First Byte, one per page view that loaded"),
      Map.entry("liveview.connect", "LiveView socket open"),
      Map.entry("liveview.mount", "a view's join: phx_join sent until phx-connected"),
      Map.entry("liveview.loading", "one phx-*-loading span per event: class added (as the event was sent) to "
          + "cleared"),
      Map.entry("liveview.page_loading", "phx:page-loading-start to stop"),
      Map.entry("liveview.navigation", "a live patch or redirect"),
      Map.entry("liveview.disconnect", "socket lost: how long it had been up"),
      Map.entry("liveview.reconnect", "socket lost until connected again"),
      Map.entry("ws.connect", "opening a WebSocket (handshake included)"),
      Map.entry("ws.roundtrip", "a send until the reply the next expect took"));

  /** The generator's own figures under a family's prefix: shown in the generator section, not the family's. */
  private static final java.util.Set<String> GENERATOR = java.util.Set.of("browser.queue");

  /** @return whether a metric belongs to this family */
  public boolean contains(String metric) {
    return !GENERATOR.contains(metric) && prefixes.stream().anyMatch(metric::startsWith);
  }

  /**
   * @param s           a scenario
   * @param notMeasured the metrics declared not measured for it ({@link #declared})
   * @return whether the scenario has something for this family: a metric, or a metric declared not measured
   */
  public boolean presentIn(ScenarioResult s, Set<String> notMeasured) {
    return s.metrics().keySet().stream().anyMatch(this::contains) || notMeasured.stream().anyMatch(this::contains);
  }

  /** @return the metric's meaning in a few words, or empty when unknown */
  public static String describe(String metric) {
    return DESCRIPTIONS.getOrDefault(metric, "");
  }

  /**
   * The metrics a scenario's connections declared with one kind of measurement ({@link RunResult#measurements()}),
   * so that the report says "not measured" instead of showing nothing or 0, and marks estimates. Declarations are
   * per run; they apply to a scenario that recorded any metric of a family a declared metric belongs to (a
   * scenario of plain HTTP users does not list the browser's).
   *
   * @param declared the run's declarations
   * @param s        the scenario
   * @param kind     which declarations
   * @return metric names, sorted, never null
   */
  public static Set<String> declared(Map<String, Measurement> declared, ScenarioResult s, Measurement kind) {
    var out = new TreeSet<String>();
    boolean used = declared.keySet().stream().anyMatch(d -> ALL.stream().anyMatch(f -> f.contains(d)
        && s.metrics().keySet().stream().anyMatch(f::contains)));
    if (used) {
      declared.forEach((m, k) -> {
        if (k == kind) {
          out.add(m);
        }
      });
    }
    return out;
  }
}
