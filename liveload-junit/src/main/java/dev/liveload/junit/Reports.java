package dev.liveload.junit;

import dev.liveload.report.HtmlReport;
import dev.liveload.result.RunResult;
import java.util.function.Function;

/** How the extension renders a result's HTML report. */
final class Reports {
  private Reports() {}

  /** @return the renderer of the self-contained HTML report */
  static Function<RunResult, String> html() {
    return HtmlReport::render;
  }
}
