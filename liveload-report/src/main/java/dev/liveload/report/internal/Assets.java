package dev.liveload.report.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The script and style text inlined into every report page, read once from the class path. */
public final class Assets {
  /** uPlot's version: the webjar on the class path (see the module pom). */
  public static final String UPLOT_VERSION = "1.6.30";
  private static final String UPLOT = "/META-INF/resources/webjars/uplot/" + UPLOT_VERSION + "/dist/";

  public static final String UPLOT_JS = safeForScript(read(UPLOT + "uPlot.iife.min.js"), "uPlot.iife.min.js");
  public static final String UPLOT_CSS = read(UPLOT + "uPlot.min.css");
  public static final String REPORT_JS = safeForScript(read("report.js"), "report.js");
  public static final String REPORT_CSS = read("report.css");

  private Assets() {}

  private static String read(String name) {
    try (InputStream in = Assets.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("report asset " + name + " is missing from the class path (is the "
            + "org.webjars.npm:uplot:" + UPLOT_VERSION + " jar there?)");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("could not read report asset " + name, e);
    }
  }

  /** Scripts are inlined: one containing {@code </script} or {@code <!--} would break the page. */
  private static String safeForScript(String js, String name) {
    String lower = js.toLowerCase(java.util.Locale.ROOT);
    if (lower.contains("</script") || lower.contains("<!--")) {
      throw new IllegalStateException(name + " cannot be inlined: it contains </script or <!--");
    }
    return js;
  }
}
