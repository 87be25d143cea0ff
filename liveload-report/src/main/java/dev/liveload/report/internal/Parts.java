package dev.liveload.report.internal;

/** Small pieces of report markup shared by the sections; every argument is plain text and is escaped here. */
public final class Parts {
  private Parts() {}

  /**
   * A key-figure card.
   *
   * @param label  what the figure is
   * @param value  the figure with its unit
   * @param window over what it was measured (e.g. "mean over 2.0 s"), may be empty
   * @param tone   {@code ok}, {@code warn}, {@code bad} or empty
   */
  public static String card(String label, String value, String window, String tone) {
    return "<div class=\"card" + (tone.isEmpty() ? "" : " " + Html.escape(tone)) + "\"><div class=\"card-label\">"
        + Html.escape(label) + "</div><div class=\"card-value\">" + Html.escape(value) + "</div>"
        + (window.isEmpty() ? "" : "<div class=\"card-window\">" + Html.escape(window) + "</div>") + "</div>";
  }

  /** How an error ratio is coloured: none ok, under 1% a warning, from 1% bad. */
  public static String errorTone(double ratio) {
    return ratio == 0 ? "ok" : ratio < 0.01 ? "warn" : "bad";
  }

  /** A coloured label: {@code ok}, {@code warn}, {@code bad} or {@code info}. */
  public static String pill(String text, String tone) {
    return "<span class=\"pill " + Html.escape(tone) + "\">" + Html.escape(text) + "</span>";
  }

  /** A section heading with a note on the window and units of what follows. */
  public static String heading(String level, String title, String note) {
    return "<" + level + ">" + Html.escape(title) + (note.isEmpty() ? "" : " <span class=\"note\">"
        + Html.escape(note) + "</span>") + "</" + level + ">";
  }

  /** A paragraph of muted text. */
  public static String muted(String text) {
    return "<p class=\"muted\">" + Html.escape(text) + "</p>";
  }

  /** A badge flagging a long tail (p99 / p50 above 5), or empty. */
  public static String tailBadge(Stats s) {
    if (!s.longTail()) {
      return "";
    }
    return " <span class=\"pill warn\" title=\"p99 / p50 = " + Html.escape(Fmt.num(s.tailRatio()))
        + ": more than 5, a long tail\">tail \u00d7" + Html.escape(Fmt.num(s.tailRatio())) + "</span>";
  }

  /** A placeholder for a chart the page script draws. */
  public static String chart(String kind, String extraAttributes, String ariaLabel) {
    return "<div class=\"chart\" data-chart=\"" + Html.escape(kind) + "\"" + extraAttributes + " role=\"img\" aria-label=\""
        + Html.escape(ariaLabel) + "\"></div>";
  }
}
