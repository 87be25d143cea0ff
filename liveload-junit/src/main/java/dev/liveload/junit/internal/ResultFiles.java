package dev.liveload.junit.internal;

import dev.liveload.result.RunResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * Where a load test's result goes: {@code <dir>/<class>/<method>.json} and {@code .html}. Nothing is printed: a
 * failing load test's message gives both paths.
 */
public final class ResultFiles {
  private ResultFiles() {}

  /** The directory: system property {@code liveload.reportDir}, default {@code target/liveload}. */
  public static Path directory() {
    return Path.of(System.getProperty("liveload.reportDir", "target/liveload"));
  }

  /**
   * Writes the JSON result and, if a renderer is given, the HTML report.
   *
   * @return the JSON file and the HTML file (null when not written)
   */
  public static Path[] write(RunResult result, Class<?> testClass, String method,
      Function<RunResult, String> html) {
    Path dir = directory().resolve(testClass.getName().substring(testClass.getPackageName().isEmpty() ? 0
        : testClass.getPackageName().length() + 1).replace('$', '.'));
    Path json = dir.resolve(method + ".json");
    result.write(json);
    Path page = null;
    if (html != null) {
      page = dir.resolve(method + ".html");
      try {
        Files.writeString(page, html.apply(result), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("could not write " + page, e);
      }
    }
    return new Path[] {json, page};
  }
}
