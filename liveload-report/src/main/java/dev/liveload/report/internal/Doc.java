package dev.liveload.report.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain document (headings, lines, tables, bullets) written once and rendered as console text or as Markdown,
 * so the console and Markdown summaries say the same things. All text is plain; the Markdown renderer escapes it.
 */
public final class Doc {
  private sealed interface Block permits Heading, Line, Table, Bullets {}

  private record Heading(int level, String text) implements Block {}

  private record Line(String text) implements Block {}

  private record Table(List<String> headers, boolean[] right, List<List<String>> rows) implements Block {}

  private record Bullets(List<String> items) implements Block {}

  private final List<Block> blocks = new ArrayList<>();

  /** A heading; level 1 is the document's title. */
  public Doc heading(int level, String text) {
    blocks.add(new Heading(level, text));
    return this;
  }

  /** A line of text. */
  public Doc line(String text) {
    blocks.add(new Line(text));
    return this;
  }

  /** A bulleted list; nothing when empty. */
  public Doc bullets(List<String> items) {
    if (!items.isEmpty()) {
      blocks.add(new Bullets(List.copyOf(items)));
    }
    return this;
  }

  /**
   * A table; nothing when it has no rows.
   *
   * @param headers column headers; a header starting with {@code >} is right-aligned (the mark is not shown)
   * @param rows    cells, as many per row as headers
   */
  public Doc table(List<String> headers, List<List<String>> rows) {
    if (rows.isEmpty()) {
      return this;
    }
    boolean[] right = new boolean[headers.size()];
    var shown = new ArrayList<String>();
    for (int i = 0; i < headers.size(); i++) {
      right[i] = headers.get(i).startsWith(">");
      shown.add(right[i] ? headers.get(i).substring(1) : headers.get(i));
    }
    blocks.add(new Table(shown, right, List.copyOf(rows)));
    return this;
  }

  /** @return the document as console text: indented, aligned columns */
  public String toText() {
    var sb = new StringBuilder();
    for (Block b : blocks) {
      switch (b) {
        case Heading h -> sb.append(h.level() == 1 ? "" : "\n").append(h.level() <= 2 ? "" : "  ").append(h.text())
            .append('\n');
        case Line l -> sb.append("  ").append(l.text()).append('\n');
        case Bullets bl -> bl.items().forEach(i -> sb.append("    - ").append(i).append('\n'));
        case Table t -> textTable(sb.append('\n'), t);
      }
    }
    return sb.toString();
  }

  /** @return the document as GitHub-flavoured Markdown */
  public String toMarkdown() {
    var sb = new StringBuilder();
    for (Block b : blocks) {
      switch (b) {
        case Heading h -> sb.append("#".repeat(Math.min(6, h.level() + 1)))
            .append(' ').append(md(h.text())).append("\n\n");
        case Line l -> sb.append(md(l.text())).append("\n\n");
        case Bullets bl -> {
          bl.items().forEach(i -> sb.append("- ").append(md(i)).append('\n'));
          sb.append('\n');
        }
        case Table t -> {
          sb.append('|');
          t.headers().forEach(h -> sb.append(' ').append(md(h)).append(" |"));
          sb.append("\n|");
          for (boolean r : t.right()) {
            sb.append(r ? " ---: |" : " --- |");
          }
          sb.append('\n');
          for (List<String> row : t.rows()) {
            sb.append('|');
            row.forEach(c -> sb.append(' ').append(md(c)).append(" |"));
            sb.append('\n');
          }
          sb.append('\n');
        }
      }
    }
    return sb.toString();
  }

  private static void textTable(StringBuilder sb, Table t) {
    int[] width = new int[t.headers().size()];
    for (int i = 0; i < width.length; i++) {
      width[i] = t.headers().get(i).length();
      for (List<String> row : t.rows()) {
        width[i] = Math.max(width[i], Math.min(60, row.get(i).length()));
      }
    }
    textRow(sb, t.headers(), width, t.right());
    for (List<String> row : t.rows()) {
      textRow(sb, row, width, t.right());
    }
  }

  private static void textRow(StringBuilder sb, List<String> cells, int[] width, boolean[] right) {
    var line = new StringBuilder("    ");
    for (int i = 0; i < cells.size(); i++) {
      String c = cells.get(i).length() > 60 ? cells.get(i).substring(0, 59) + "…" : cells.get(i);
      String pad = " ".repeat(Math.max(0, width[i] - c.length()));
      line.append(i == 0 ? "" : "  ").append(right[i] ? pad + c : c + pad);
    }
    sb.append(line.toString().stripTrailing()).append('\n');
  }

  /** Escapes Markdown and HTML syntax so that text shows as written (and cannot inject markup). */
  static String md(String text) {
    var sb = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> sb.append("&amp;");
        case '<' -> sb.append("&lt;");
        case '>' -> sb.append("&gt;");
        case '"' -> sb.append("&quot;");
        case '|', '\\', '`', '*', '_', '[', ']', '#', '~' -> sb.append('\\').append(c);
        case '\n', '\r' -> sb.append(' ');
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
