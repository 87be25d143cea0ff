package dev.liveload.junit;

import dev.liveload.result.RunResult;
import java.util.function.Function;

/** How the extension renders a result's HTML report (the liveload-report module). */
final class Reports {
  private Reports() {}

  /** @return the renderer, or null while no HTML renderer is available */
  static Function<RunResult, String> html() {
    return null;
  }
}
