package dev.liveload.report;

import dev.liveload.report.internal.Assets;
import dev.liveload.report.internal.Fmt;
import dev.liveload.report.internal.Html;

/**
 * What every LiveLoad HTML page shares, for pages built beside the run report (such as liveload-history's trend
 * report): the uPlot chart library and the report's stylesheet, both to be inlined so that a page works offline,
 * the Content-Security-Policy that keeps such a page from reaching the network, escaping for text taken from
 * results, and the way reports write numbers.
 *
 * <pre>{@code
 * String page = "<!DOCTYPE html><html><head>" + ReportAssets.CONTENT_SECURITY_POLICY
 *     + "<style>" + ReportAssets.uplotCss() + ReportAssets.reportCss() + "</style></head><body>"
 *     + "<h1>" + ReportAssets.escape(result.run().name()) + "</h1>..."
 *     + "<script>" + ReportAssets.uplotJs() + "</script></body></html>";
 * }</pre>
 *
 * <p>Stability: experimental. Thread-safe.
 *
 * @since 0.1
 */
public final class ReportAssets {
  /** The meta element every report page carries: inline scripts and styles, {@code data:} images, nothing else. */
  public static final String CONTENT_SECURITY_POLICY = "<meta http-equiv=\"Content-Security-Policy\" content=\""
      + "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">";

  private ReportAssets() {}

  /** @return the version of uPlot that {@link #uplotJs()} is */
  public static String uplotVersion() {
    return Assets.UPLOT_VERSION;
  }

  /** @return uPlot's script (MIT licence), safe to put inside a {@code <script>} element; never null */
  public static String uplotJs() {
    return Assets.UPLOT_JS;
  }

  /** @return uPlot's stylesheet; never null */
  public static String uplotCss() {
    return Assets.UPLOT_CSS;
  }

  /** @return the run report's stylesheet (cards, pills, tables, sections, charts); never null */
  public static String reportCss() {
    return Assets.REPORT_CSS;
  }

  /**
   * Escapes {@code & < > " '} so that the text can go into element content or a quoted attribute.
   *
   * @param text any text; null becomes the empty string
   * @return the escaped text, never null
   */
  public static String escape(String text) {
    return Html.escape(text);
  }

  /**
   * A measurement as reports write it: 3 significant figures, then the unit.
   *
   * @param value the value; not finite gives {@code -}
   * @param unit  its unit ({@code ms}, {@code /s}, ...), or empty
   * @return e.g. {@code 12.3 ms}
   */
  public static String value(double value, String unit) {
    return Fmt.value(value, unit);
  }
}
