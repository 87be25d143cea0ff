package dev.liveload.report.internal;

import dev.liveload.result.BrowserHeadline;
import dev.liveload.result.Environment;
import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.Histogram;
import dev.liveload.result.Measurement;
import dev.liveload.result.NodeResult;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.result.ThresholdResult;
import java.util.List;
import java.util.Map;

/** The run-wide sections: header, key figures, thresholds, generator health, nodes, run details. */
final class RunSections {
  private RunSections() {}

  static String header(RunResult r) {
    RunInfo run = r.run();
    var sb = new StringBuilder();
    sb.append("<header class=\"top\"><div class=\"brand\">LiveLoad report</div><div class=\"title-row\"><h1>")
        .append(Html.escape(run.name())).append("</h1>").append(Parts.pill(run.status().name(), tone(run.status())));
    if (!r.thresholds().isEmpty()) {
      sb.append(r.passed() ? Parts.pill("thresholds passed", "ok") : Parts.pill("thresholds failed", "bad"));
    }
    if (r.generator().saturated()) {
      sb.append(Parts.pill("generator saturated", "warn"));
    }
    sb.append("</div><div class=\"sub\">").append(Html.escape(Fmt.instant(run.start()))).append(" → ")
        .append(Html.escape(Fmt.instant(run.end()))).append(" · ").append(Html.escape(Fmt.duration(
            run.durationMillis()))).append(" · run <code>").append(Html.escape(run.id())).append("</code></div>");
    if (run.reason() != null && !run.reason().isEmpty()) {
      sb.append("<div class=\"alert ").append(run.status() == RunStatus.COMPLETED ? "warn" : "bad")
          .append("\"><strong>").append(Html.escape(run.status().name().toLowerCase(java.util.Locale.ROOT)))
          .append(":</strong> ").append(Html.escape(run.reason())).append("</div>");
    }
    return sb.append("</header>").toString();
  }

  static String keyFigures(RunResult r) {
    ScenarioResult t = r.total();
    var sb = new StringBuilder("<section id=\"summary\"><div class=\"cards big\">");
    String over = "mean over " + Fmt.duration(t.durationMillis());
    // a run with browser users leads with what they did; HTTP figures follow when the run made HTTP requests
    BrowserHeadline browser = BrowserHeadline.of(t);
    if (browser != null) {
      sb.append(BrowserFigures.cards(browser, r.measurement("webvital.inp") == Measurement.ESTIMATED));
    }
    if (t.requests() > 0 || browser == null) {
      sb.append(Parts.card("Requests", Fmt.count(t.requests()), Fmt.count(t.iterations()) + " iterations", ""));
      sb.append(Parts.card("Throughput", Fmt.num(t.throughput()) + " req/s", over, ""));
    }
    sb.append(Parts.card("Error rate", Fmt.percent(t.errorRatio()), Fmt.count(t.requests() > 0 ? t.failedRequests()
        : t.failedIterations()) + (t.requests() > 0 ? " failed requests" : " failed of " + Fmt.count(t.iterations())
        + " iterations"), Parts.errorTone(t.errorRatio())));
    String primary = ScenarioPanel.primaryMetric(t);
    if (primary != null && (browser == null || t.requests() > 0)) {
      Histogram h = t.metric(primary);
      sb.append(Parts.card("p95 " + primary, Fmt.value(h.p95(), h.unit()), "whole run · p99 " + Fmt.value(h.p99(),
          h.unit()), ""));
    }
    sb.append(Parts.card("Max users", Fmt.count(t.maxUsers()), "active at once", ""));
    sb.append(Parts.card("Duration", Fmt.duration(r.run().durationMillis()), "first user to last", ""));
    if (!r.thresholds().isEmpty()) {
      long passed = r.thresholds().stream().filter(ThresholdResult::passed).count();
      sb.append(Parts.card("Thresholds", passed + " / " + r.thresholds().size(), r.passed() ? "all passed"
          : (r.thresholds().size() - passed) + " failed", r.passed() ? "ok" : "bad"));
    }
    return sb.append("</div></section>").toString();
  }

  static String thresholds(RunResult r) {
    var sb = new StringBuilder("<section id=\"thresholds\">");
    sb.append(Parts.heading("h2", "Thresholds", "evaluated on the final result"));
    if (r.thresholds().isEmpty()) {
      return sb.append(Parts.muted("No thresholds were set for this run.")).append("</section>").toString();
    }
    var t = new TableHtml("thresholds").text("verdict").text("expression").number("observed").text("detail");
    for (ThresholdResult th : r.thresholds()) {
      t.row(th.passed() ? "" : "bad").html(Parts.pill(th.passed() ? "pass" : "fail", th.passed() ? "ok" : "bad"),
          th.passed() ? "1" : "0").html("<code>" + Html.escape(th.expression()) + "</code>", th.expression())
          .cell(th.observedText(), th.observed()).cell(th.detail());
    }
    return sb.append(t.render()).append("</section>").toString();
  }

  static String generator(RunResult r) {
    GeneratorHealth g = r.generator();
    var sb = new StringBuilder("<section id=\"generator\">");
    sb.append(Parts.heading("h2", "Load generator health", "the generator measured itself; when it was the "
        + "bottleneck, latencies include its own delay"));
    if (g.saturated()) {
      sb.append("<div class=\"alert warn\"><strong>The generator was saturated.</strong> Latency figures include "
          + "the generator's own delay.<ul>");
      g.warnings().forEach(w -> sb.append("<li>").append(Html.escape(w)).append("</li>"));
      sb.append("</ul></div>");
    } else {
      sb.append("<div class=\"alert ok\">Not saturated: CPU and scheduling lag stayed within limits.");
      if (!g.warnings().isEmpty()) {
        sb.append("<ul>");
        g.warnings().forEach(w -> sb.append("<li>").append(Html.escape(w)).append("</li>"));
        sb.append("</ul>");
      }
      sb.append("</div>");
    }
    Histogram lag = g.schedulerLag();
    Histogram handOver = r.total().metric("browser.queue");
    sb.append("<div class=\"cards\">")
        .append(Parts.card("CPU", Fmt.num(g.cpuMeanPercent()) + "% mean", "max " + Fmt.num(g.cpuMaxPercent())
            + "% per interval · % of one core · " + g.cores() + " cores" + (g.merged() ? " · busiest of "
            + g.workers() + " workers, per figure; cores once per host" : ""), ""))
        .append(Parts.card("Heap", Fmt.bytes(g.heapUsedMaxBytes()), "most in use · max " + Fmt.bytes(
            g.heapMaxBytes()), ""))
        .append(Parts.card("GC", Fmt.count(g.gcMillis()) + " ms", "total pause time", ""))
        .append(Parts.card("Scheduling lag", "p99 " + Fmt.value(lag.p99(), lag.unit()), "p50 " + Fmt.value(
            lag.p50(), lag.unit()) + " · max " + Fmt.value(lag.max(), lag.unit()) + " · " + Fmt.count(lag.count())
            + " probes", lag.p99() > 20 ? "warn" : ""));
    if (handOver != null && handOver.count() > 0) {
      sb.append(Parts.card("Browser hand-over", "p95 " + Fmt.value(handOver.p95(), handOver.unit()),
          "browser.queue: a batch of actions waiting for the browser thread and back, left out of step timings · "
              + "p50 " + Fmt.value(handOver.p50(), handOver.unit()) + " · p99 " + Fmt.value(handOver.p99(),
              handOver.unit()) + " · " + Fmt.count(handOver.count()) + " batches", ""));
    }
    sb.append("</div>");
    if (!g.timeline().isEmpty()) {
      sb.append("<div class=\"grid2\"><div>").append(Parts.heading("h4", "CPU and scheduling lag",
          "per interval · CPU in % of one core (left), worst lag in ms (right)"))
          .append(Parts.chart("cpu", "", "generator CPU and scheduling lag over time")).append("</div><div>")
          .append(Parts.heading("h4", "Heap and GC", "per interval · heap in use in MB (left), GC pause in ms "
              + "(right)")).append(Parts.chart("heap", "", "generator heap and GC over time"))
          .append("</div></div>");
    }
    return sb.append("</section>").toString();
  }

  static String nodes(List<NodeResult> nodes) {
    if (nodes.isEmpty()) {
      return "";
    }
    var t = new TableHtml("nodes").text("node").text("host").number("cores").number("max users").text("status")
        .number("start skew ms", "how late it woke up against the planned start")
        .number("first action ms", "when its first action began, against the planned start").number("requests")
        .number("failed").number("p95 http.duration ms").number("CPU mean %").text("generator");
    for (NodeResult n : nodes) {
      Histogram h = n.metrics().get("http.duration");
      t.row("completed".equals(n.status()) ? "" : "bad").cell(n.id()).cell(n.host()).count(n.cores())
          .count(n.maxUsers()).html(Parts.pill(n.status(), "completed".equals(n.status()) ? "ok" : "bad")
              + (n.reason().isEmpty() ? "" : " <span class=\"muted\">" + Html.escape(n.reason()) + "</span>"),
              n.status()).measure(n.startSkewMillis()).measure(n.firstActionSkewMillis() == null ? Double.NaN
              : n.firstActionSkewMillis()).count(n.counters().getOrDefault("requests", 0L))
          .count(n.counters().getOrDefault("requests.failed", 0L)).measure(h == null ? Double.NaN : h.p95())
          .measure(n.generator() == null ? Double.NaN : n.generator().cpuMeanPercent())
          .html(n.generator() != null && n.generator().saturated() ? Parts.pill("saturated", "warn") : "ok", "");
    }
    return "<section id=\"nodes\">" + Parts.heading("h2", "Generators", "one row per node of the distributed run "
        + "· whole run") + t.render() + "</section>";
  }

  static String details(RunResult r) {
    RunInfo run = r.run();
    var sb = new StringBuilder("<section id=\"details\">").append(Parts.heading("h2", "Run details", ""));
    sb.append("<div class=\"grid2\"><div><h4>Environment</h4><dl class=\"kv\">");
    kv(sb, "run id", run.id());
    kv(sb, "status", run.status().name() + (run.reason().isEmpty() ? "" : " — " + run.reason()));
    kv(sb, "start", Fmt.instant(run.start()) + " (" + run.start() + ")");
    kv(sb, "end", Fmt.instant(run.end()) + " (" + run.end() + ")");
    Environment e = run.environment();
    if (e != null) {
      kv(sb, "LiveLoad", e.liveloadVersion());
      kv(sb, "Java", e.javaVersion() + " (" + e.javaVendor() + ")");
      kv(sb, "OS", e.os());
      kv(sb, "host", e.host());
      kv(sb, "cores", Integer.toString(e.cores()));
      kv(sb, "max heap", Fmt.bytes(e.maxHeapBytes()));
    }
    kv(sb, "result schema", r.schema());
    sb.append("</dl></div><div><h4>Options</h4>");
    options(sb, run.options());
    return sb.append("</div></div></section>").toString();
  }

  private static void options(StringBuilder sb, Object value) {
    if (value instanceof Map<?, ?> map) {
      sb.append("<dl class=\"kv\">");
      map.forEach((k, v) -> {
        sb.append("<dt>").append(Html.escape(String.valueOf(k))).append("</dt><dd>");
        options(sb, v);
        sb.append("</dd>");
      });
      sb.append("</dl>");
    } else if (value instanceof List<?> list) {
      sb.append("<ol class=\"opts\">");
      list.forEach(v -> {
        sb.append("<li>");
        options(sb, v);
        sb.append("</li>");
      });
      sb.append("</ol>");
    } else {
      sb.append(Html.escape(String.valueOf(value)));
    }
  }

  private static void kv(StringBuilder sb, String k, String v) {
    sb.append("<dt>").append(Html.escape(k)).append("</dt><dd>").append(Html.escape(v)).append("</dd>");
  }

  private static String tone(RunStatus s) {
    return switch (s) {
      case COMPLETED -> "ok";
      case INTERRUPTED -> "warn";
      case ABORTED -> "bad";
    };
  }
}
