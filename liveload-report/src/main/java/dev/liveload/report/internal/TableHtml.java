package dev.liveload.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A sortable HTML table: every header sorts its column (the page script sorts by each cell's {@code data-v}
 * number when it has one, else by text). All text is escaped; only {@link #html} cells take markup, and those
 * are built by report code from escaped parts.
 */
public final class TableHtml {
  private final List<String> headers = new ArrayList<>();
  private final List<Boolean> numeric = new ArrayList<>();
  private final List<String> titles = new ArrayList<>();
  private final StringBuilder body = new StringBuilder();
  private final String cssClass;
  private int rows;

  /** @param cssClass extra class of the table element (may be empty) */
  public TableHtml(String cssClass) {
    this.cssClass = cssClass;
  }

  /** Adds a text column. */
  public TableHtml text(String header) {
    return column(header, false, "");
  }

  /** Adds a number column (right-aligned, sorted by value). */
  public TableHtml number(String header) {
    return column(header, true, "");
  }

  /** Adds a number column with an explanation shown on hover. */
  public TableHtml number(String header, String title) {
    return column(header, true, title);
  }

  private TableHtml column(String header, boolean isNumber, String title) {
    headers.add(header);
    numeric.add(isNumber);
    titles.add(title);
    return this;
  }

  /** Starts a row. */
  public TableHtml row() {
    return row("");
  }

  /** Starts a row with a class ({@code bad}, {@code warn}, ...). */
  public TableHtml row(String cssClass) {
    if (rows > 0) {
      body.append("</tr>");
    }
    body.append(cssClass.isEmpty() ? "<tr>" : "<tr class=\"" + Html.escape(cssClass) + "\">");
    rows++;
    return this;
  }

  /** A text cell. */
  public TableHtml cell(String text) {
    body.append("<td>").append(Html.escape(text)).append("</td>");
    return this;
  }

  /** A number cell shown as {@code shown} and sorted by {@code value}. */
  public TableHtml cell(String shown, double value) {
    body.append("<td class=\"n\" data-v=\"");
    Json.number(body, value);
    body.append("\">").append(Html.escape(shown)).append("</td>");
    return this;
  }

  /** A count cell. */
  public TableHtml count(long n) {
    return cell(Fmt.count(n), n);
  }

  /** A measurement cell (3 significant figures). */
  public TableHtml measure(double v) {
    return cell(Fmt.num(v), v);
  }

  /** A cell holding markup built by report code from escaped parts, sorted by {@code sortKey}. */
  public TableHtml html(String markup, String sortKey) {
    body.append("<td data-s=\"").append(Html.escape(sortKey)).append("\">").append(markup).append("</td>");
    return this;
  }

  /** A number cell holding markup, sorted by {@code value}. */
  public TableHtml htmlNumber(String markup, double value) {
    body.append("<td class=\"n\" data-v=\"");
    Json.number(body, value);
    body.append("\">").append(markup).append("</td>");
    return this;
  }

  /** @return how many rows were added */
  public int size() {
    return rows;
  }

  /** @return the table element */
  public String render() {
    var sb = new StringBuilder(body.length() + 512);
    sb.append("<div class=\"table-wrap\"><table class=\"sortable ").append(Html.escape(cssClass)).append("\"><thead><tr>");
    for (int i = 0; i < headers.size(); i++) {
      sb.append("<th").append(numeric.get(i) ? " class=\"n\"" : "");
      if (!titles.get(i).isEmpty()) {
        sb.append(" title=\"").append(Html.escape(titles.get(i))).append('"');
      }
      sb.append(" tabindex=\"0\">").append(Html.escape(headers.get(i))).append("</th>");
    }
    sb.append("</tr></thead><tbody>").append(body);
    if (rows > 0) {
      sb.append("</tr>");
    }
    return sb.append("</tbody></table></div>").toString();
  }
}
