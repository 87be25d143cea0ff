package dev.liveload.internal.data;

import dev.liveload.data.Feeder;
import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV or JSON feeder file read row by row from its start, knowing where each row begins; and single rows read
 * back at such an offset. Nothing is kept but the current row.
 */
final class RowFile implements Closeable {
  private final Feeder feeder;
  private final String fileName;
  private final InputStream in;
  private final Csv csv;
  private final JsonRows json;
  private final List<String> columns;
  /** JSON: the first object, read to learn the columns, returned by the first {@link #next()}. */
  private Row peeked;
  private long lastOffset = -1;

  private RowFile(Feeder feeder) throws IOException {
    this.feeder = feeder;
    this.fileName = String.valueOf(feeder.file().getFileName());
    InputStream raw = new BufferedInputStream(Files.newInputStream(feeder.file()), 64 * 1024);
    this.in = raw;
    try {
      if (feeder.format() == Feeder.Format.CSV) {
        long start = skipBom(raw);
        this.json = null;
        this.csv = new Csv(raw, feeder.separator(), fileName, start, 1);
        List<String> header = csv.next();
        if (header == null) {
          throw new FeederException(fileName + " is empty: it needs a header row naming the columns");
        }
        this.columns = header(header);
      } else {
        this.csv = null;
        this.json = new JsonRows(raw, fileName, 0, true);
        Map<String, String> first = json.next();
        if (first == null) {
          throw new FeederException(fileName + " holds an empty array: it needs at least one object");
        }
        if (first.isEmpty()) {
          throw new FeederException(json.where() + " has no fields");
        }
        this.columns = List.copyOf(first.keySet());
        this.peeked = new Row(first, json.where());
        this.lastOffset = json.recordOffset();
      }
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Opens a file feeder at its first data row. */
  static RowFile open(Feeder feeder) throws IOException {
    return new RowFile(feeder);
  }

  List<String> columns() {
    return columns;
  }

  /**
   * @return the next row, or null at the end of the file
   * @throws FeederException when the row is malformed
   */
  Row next() throws IOException {
    if (peeked != null) {
      Row r = peeked;
      peeked = null;
      return r;
    }
    if (csv != null) {
      List<String> fields = csv.next();
      if (fields == null) {
        return null;
      }
      lastOffset = csv.recordOffset();
      return new Row(csvRow(fields, columns, csv), csv.where());
    }
    Map<String, String> values = json.next();
    if (values == null) {
      return null;
    }
    lastOffset = json.recordOffset();
    return new Row(values, json.where());
  }

  /** @return the byte offset where the last row returned by {@link #next()} starts */
  long lastOffset() {
    return lastOffset;
  }

  /**
   * Reads the row that starts at {@code offset}.
   *
   * @param channel the file, open for reading (positional reads, so callers need no lock)
   * @param feeder  the feeder
   * @param columns the CSV header
   * @param offset  where the row starts, from an index made with {@link #next()} and {@link #lastOffset()}
   * @param where   how to name the row in messages
   * @return the row
   */
  static Row readAt(FileChannel channel, Feeder feeder, List<String> columns, long offset, String where)
      throws IOException {
    InputStream in = new PositionalInput(channel, offset);
    String fileName = String.valueOf(feeder.file().getFileName());
    if (feeder.format() == Feeder.Format.CSV) {
      var csv = new Csv(in, feeder.separator(), fileName, offset, 0);
      List<String> fields = csv.next();
      if (fields == null) {
        throw new FeederException(fileName + " changed while the run was reading it (no row at byte " + offset
            + ")");
      }
      return new Row(csvRow(fields, columns, csv), where);
    }
    try (var json = new JsonRows(in, fileName, offset, false)) {
      Map<String, String> values = json.next();
      if (values == null) {
        throw new FeederException(fileName + " changed while the run was reading it (no object at byte " + offset
            + ")");
      }
      return new Row(values, where);
    }
  }

  private static Map<String, String> csvRow(List<String> fields, List<String> columns, Csv csv) {
    if (fields.size() != columns.size()) {
      throw new FeederException(csv.where() + " has " + fields.size() + " fields, the header has "
          + columns.size());
    }
    var row = new LinkedHashMap<String, String>(columns.size() * 2);
    for (int i = 0; i < fields.size(); i++) {
      row.put(columns.get(i), fields.get(i));
    }
    return Collections.unmodifiableMap(row);
  }

  private List<String> header(List<String> fields) {
    var names = new ArrayList<String>(fields.size());
    var seen = new HashSet<String>();
    for (int i = 0; i < fields.size(); i++) {
      String name = fields.get(i).trim();
      if (name.isEmpty()) {
        throw new FeederException(fileName + " header: column " + (i + 1) + " has no name");
      }
      if (!seen.add(name)) {
        throw new FeederException(fileName + " header: column \"" + name + "\" appears twice");
      }
      names.add(name);
    }
    return List.copyOf(names);
  }

  /** Skips a UTF-8 byte order mark; returns the offset of the first byte after it. */
  private static long skipBom(InputStream in) throws IOException {
    in.mark(3);
    if (in.read() == 0xEF && in.read() == 0xBB && in.read() == 0xBF) {
      return 3;
    }
    in.reset();
    return 0;
  }

  @Override
  public void close() throws IOException {
    in.close();
  }

  /** Reads a file from an offset with positional reads (no shared position, so no lock is needed). */
  private static final class PositionalInput extends InputStream {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(8192);
    private long position;

    PositionalInput(FileChannel channel, long position) {
      this.channel = channel;
      this.position = position;
      buffer.limit(0);
    }

    @Override
    public int read() throws IOException {
      if (!buffer.hasRemaining() && !fill()) {
        return -1;
      }
      return buffer.get() & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
      if (len == 0) {
        return 0;
      }
      if (!buffer.hasRemaining() && !fill()) {
        return -1;
      }
      int n = Math.min(len, buffer.remaining());
      buffer.get(b, off, n);
      return n;
    }

    private boolean fill() throws IOException {
      buffer.clear();
      int n = channel.read(buffer, position);
      buffer.flip();
      if (n <= 0) {
        return false;
      }
      position += n;
      return true;
    }
  }
}
