package dev.liveload.internal.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads CSV records (RFC 4180: quoted fields, {@code ""} for a quote, line breaks inside quotes, CRLF or LF) from
 * UTF-8 bytes, one record at a time, knowing the byte offset and line where each record starts. Works on bytes:
 * the separator, quote and line breaks are ASCII, and UTF-8 never uses ASCII bytes inside a multi-byte character,
 * so fields are split exactly and decoded afterwards. Blank lines are skipped. A record is at most
 * {@value #MAX_RECORD} bytes, so that an unclosed quote cannot pull a whole file into memory.
 */
final class Csv {
  static final int MAX_RECORD = 1 << 20;

  private final InputStream in;
  private final byte separator;
  private final String source;
  private final byte[] buf = new byte[16 * 1024];
  private int pos;
  private int limit;
  private long offset;
  private long line;
  private long recordOffset = -1;
  private long recordLine;
  private byte[] field = new byte[256];
  private int fieldLength;
  private int recordBytes;

  /**
   * @param in        the bytes, positioned at a record start
   * @param separator the field separator
   * @param source    the file name, for messages
   * @param offset    the byte offset of {@code in}'s first byte in the file
   * @param line      the line number of {@code in}'s first byte (1-based), or 0 when unknown
   */
  Csv(InputStream in, char separator, String source, long offset, long line) {
    this.in = in;
    this.separator = (byte) separator;
    this.source = source;
    this.offset = offset;
    this.line = line;
  }

  /** @return the byte offset where the last record returned by {@link #next()} starts */
  long recordOffset() {
    return recordOffset;
  }

  /** @return the line where the last record starts, 0 when unknown */
  long recordLine() {
    return recordLine;
  }

  /** @return where the last record starts, for messages: {@code users.csv line 12} */
  String where() {
    return line > 0 ? source + " line " + recordLine : source + " at byte " + recordOffset;
  }

  /**
   * @return the next record's fields, or null at the end of the input
   * @throws FeederException when the record is malformed (the input is then past it)
   * @throws IOException     when reading fails
   */
  List<String> next() throws IOException {
    int b;
    // skip blank lines
    while (true) {
      b = peek();
      if (b == '\n') {
        take();
        newLine();
      } else if (b == '\r') {
        take();
        if (peek() == '\n') {
          take();
        }
        newLine();
      } else {
        break;
      }
    }
    if (b < 0) {
      return null;
    }
    recordOffset = offset + pos;
    recordLine = line;
    recordBytes = 0;
    var fields = new ArrayList<String>(8);
    while (true) {
      fieldLength = 0;
      int end;
      if (peek() == '"') {
        take();
        end = quoted();
      } else {
        end = unquoted();
      }
      fields.add(new String(field, 0, fieldLength, StandardCharsets.UTF_8));
      if (end == separator) {
        continue;
      }
      return fields; // line end or end of input
    }
  }

  /** Reads a quoted field's rest; returns what ended it (separator, '\n', or -1). */
  private int quoted() throws IOException {
    long startLine = recordLine;
    while (true) {
      int b = take();
      if (b < 0) {
        throw new FeederException(where() + ": a quoted field starting on line " + startLine + " is not closed");
      }
      if (b == '"') {
        int next = peek();
        if (next == '"') {
          take();
          append('"');
          continue;
        }
        return afterField(true);
      }
      if (b == '\n') {
        newLine();
      }
      append(b);
    }
  }

  private int unquoted() throws IOException {
    while (true) {
      int b = peek();
      if (b < 0 || b == separator || b == '\n' || b == '\r') {
        return afterField(false);
      }
      append(take());
    }
  }

  /** Consumes what ends a field: a separator, a line break, or the end of the input. */
  private int afterField(boolean quoted) throws IOException {
    int b = take();
    if (b < 0) {
      return -1;
    }
    if (b == separator) {
      return separator;
    }
    if (b == '\r') {
      if (peek() == '\n') {
        take();
      }
      newLine();
      return '\n';
    }
    if (b == '\n') {
      newLine();
      return '\n';
    }
    if (quoted) {
      throw new FeederException(where() + ": unexpected '" + (char) b + "' after a closing quote (a quote inside "
          + "a quoted field is written \"\")");
    }
    throw new IllegalStateException("unreachable");
  }

  private void newLine() {
    if (line > 0) {
      line++;
    }
  }

  private void append(int b) {
    if (++recordBytes > MAX_RECORD) {
      throw new FeederException(where() + ": a row longer than " + MAX_RECORD + " bytes (an unclosed quote?)");
    }
    if (fieldLength == field.length) {
      field = Arrays.copyOf(field, field.length * 2);
    }
    field[fieldLength++] = (byte) b;
  }

  private int peek() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos] & 0xff;
  }

  private int take() throws IOException {
    if (pos == limit && !fill()) {
      return -1;
    }
    return buf[pos++] & 0xff;
  }

  private boolean fill() throws IOException {
    offset += limit;
    pos = 0;
    limit = 0;
    int n = in.read(buf);
    if (n <= 0) {
      return false;
    }
    limit = n;
    return true;
  }
}
