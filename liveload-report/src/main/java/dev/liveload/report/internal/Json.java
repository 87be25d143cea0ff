package dev.liveload.report.internal;

/**
 * A compact JSON writer for the data embedded in a report page. Its output is safe inside a
 * {@code <script type="application/json">} element: {@code <}, {@code >} and {@code &} in strings are written as
 * {@code \u003c}-style escapes, so text such as {@code </script>} in a URL cannot end the element. Numbers are
 * written with at most three decimals (the charts need no more), non-finite numbers as {@code null}.
 */
public final class Json {
  private final StringBuilder out;
  private boolean needComma;

  /** @param out where to write */
  public Json(StringBuilder out) {
    this.out = out;
  }

  public Json beginObject() {
    comma();
    out.append('{');
    needComma = false;
    return this;
  }

  public Json endObject() {
    out.append('}');
    needComma = true;
    return this;
  }

  public Json beginArray() {
    comma();
    out.append('[');
    needComma = false;
    return this;
  }

  public Json endArray() {
    out.append(']');
    needComma = true;
    return this;
  }

  /** Writes an object key; the value written next belongs to it. */
  public Json key(String name) {
    comma();
    string(name);
    out.append(':');
    needComma = false;
    return this;
  }

  public Json value(String text) {
    comma();
    if (text == null) {
      out.append("null");
    } else {
      string(text);
    }
    needComma = true;
    return this;
  }

  public Json value(double number) {
    comma();
    number(out, number);
    needComma = true;
    return this;
  }

  public Json value(long number) {
    comma();
    out.append(number);
    needComma = true;
    return this;
  }

  /** Writes an array of numbers; NaN entries become {@code null} (a gap in a chart). */
  public Json array(double[] numbers) {
    beginArray();
    for (int i = 0; i < numbers.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      number(out, numbers[i]);
    }
    return endArray();
  }

  private void comma() {
    if (needComma) {
      out.append(',');
    }
  }

  private void string(String s) {
    out.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        case '<', '>', '&', '\u2028', '\u2029' -> unicode(c);
        default -> {
          if (c < 0x20) {
            unicode(c);
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  private void unicode(char c) {
    out.append("\\u");
    String hex = Integer.toHexString(c);
    out.append("0".repeat(4 - hex.length())).append(hex);
  }

  /** Appends a number rounded to three decimals without trailing zeros, or {@code null} when not finite. */
  static void number(StringBuilder out, double v) {
    if (!Double.isFinite(v)) {
      out.append("null");
      return;
    }
    if (Math.abs(v) >= 1e12) {
      out.append((long) v);
      return;
    }
    long thousandths = Math.round(v * 1000);
    if (thousandths < 0) {
      out.append('-');
      thousandths = -thousandths;
    }
    out.append(thousandths / 1000);
    int frac = (int) (thousandths % 1000);
    if (frac != 0) {
      out.append('.');
      if (frac < 100) {
        out.append('0');
      }
      if (frac < 10) {
        out.append('0');
      }
      while (frac % 10 == 0) {
        frac /= 10;
      }
      out.append(frac);
    }
  }
}
