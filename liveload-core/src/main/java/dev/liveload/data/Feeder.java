package dev.liveload.data;

import dev.liveload.InvalidOptionException;
import dev.liveload.internal.data.FeederFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Test data for virtual users: rows from a CSV file (its header row names the columns), a JSON file (an array of
 * objects) or a list in memory, handed out by a strategy. Configure feeders by name on the run or on a
 * population; a user reads the current row with {@link dev.liveload.User#feed(String)} or through
 * {@code {{column}}} placeholders in URLs, headers and bodies. Immutable: each setter returns a copy.
 *
 * <pre>{@code
 * RunOptions.builder()
 *     .feeder("accounts", Feeder.csv(Path.of("accounts.csv")).uniquePerUser())   // email,password
 *     .feeder("products", Feeder.json(Path.of("products.json")).random())
 *     .scenario(Shop.class, Load.constant(50, ofMinutes(5)))
 *
 * // in the scenario
 * user.http().post("/login").form(Map.of("email", "{{email}}", "password", "{{password}}"))
 *     .check(status(200)).extract(jsonPath("$.token"), "token");
 * user.http().get("/products/" + user.feed("sku")).header("Authorization", "Bearer {{token}}").send();
 * }</pre>
 *
 * <p><b>When rows are drawn.</b> A user draws a row from a feeder the first time it reads one of its columns in an
 * iteration (or in {@code beforeUser}/{@code afterUser}); the row stays its current row until that iteration
 * ends. With {@link #uniquePerUser()} the row is the user's for its whole life instead.
 *
 * <p><b>Strategies</b> ({@link #queue()} is the default):
 * <ul>
 *   <li>{@link #queue()}: rows in file order, each used once in the whole run;</li>
 *   <li>{@link #circular()}: rows in file order, starting over at the end;</li>
 *   <li>{@link #random()}: a random row each time (with replacement), from the user's generator seeded by the
 *       run's seed, so the same seed draws the same rows;</li>
 *   <li>{@link #shuffle()}: every row once, in an order shuffled with the run's seed;</li>
 *   <li>{@link #uniquePerUser()}: each user holds one row, in file order, that no other running user holds; it is
 *       handed back when the user stops (so a ramp-down then ramp-up reuses it).</li>
 * </ul>
 * When {@code queue}, {@code shuffle} or {@code uniquePerUser} run out, {@link #whenExhausted(WhenExhausted)}
 * decides: {@link WhenExhausted#FAIL} (default) fails the iteration that asked with kind {@code feeder} and a
 * message naming the feeder, {@link WhenExhausted#STOP} ends it without an error (counted as interrupted). Either
 * way the population then starts no new iterations: its in-flight iterations finish and its users leave.
 *
 * <p><b>Files are streamed</b>, not loaded: {@code queue}, {@code circular} and {@code uniquePerUser} read rows as
 * they are drawn (after one pass over the file before the load starts, which checks every row); {@code random}
 * and {@code shuffle} read the file once before the load starts to index where each row begins (8 bytes per row)
 * and then read rows at those offsets. CSV: UTF-8 (a byte order mark is skipped),
 * RFC 4180 quoting ({@code "a, ""b"""}, line breaks inside quotes), every row with as many fields as the header.
 * JSON: strings as they are, numbers and booleans as text, nested values as JSON text; the columns are the fields
 * of the first object (rows may omit some). {@link dev.liveload.RunOptions.Builder#build()} checks that files exist
 * and have a header and a first row; {@code LiveLoad.run} reads every file through before any load, so a
 * malformed row anywhere in it (a CSV row with too few fields, bad JSON) fails the run with the file and line
 * ({@link dev.liveload.InvalidOptionException}) instead of the iteration that would draw it. A file changed during
 * the run can still fail an iteration that draws a bad row (kind {@code feeder}).
 *
 * @since 0.1
 */
public final class Feeder {

  /** How rows are handed out. */
  public enum Strategy {
    /** File order, each row once in the run. */
    QUEUE,
    /** File order, starting over at the end. */
    CIRCULAR,
    /** A random row each time, with replacement; never runs out. */
    RANDOM,
    /** Every row once, in a seeded random order. */
    SHUFFLE,
    /** One row per user for its whole life, no two running users sharing one. */
    UNIQUE_PER_USER
  }

  /** What happens when a {@code queue}, {@code shuffle} or {@code uniquePerUser} feeder has no row left. */
  public enum WhenExhausted {
    /** The iteration that asked fails with kind {@code feeder}; the population starts no new iterations. */
    FAIL,
    /** The iteration that asked ends without an error (counted interrupted); the population ends. */
    STOP
  }

  /** Where the rows come from. */
  public enum Format {
    /** A CSV file with a header row. */
    CSV,
    /** A JSON file holding an array of objects. */
    JSON,
    /** Rows given in memory. */
    MEMORY
  }

  private final Format format;
  private final Path file;
  private final char separator;
  private final List<Map<String, String>> rows;
  private final Strategy strategy;
  private final WhenExhausted whenExhausted;
  private final int shareFrom;
  private final int shareTo;
  private final int shareCycle;

  private Feeder(Format format, Path file, char separator, List<Map<String, String>> rows, Strategy strategy,
      WhenExhausted whenExhausted) {
    this(format, file, separator, rows, strategy, whenExhausted, 0, 1, 1);
  }

  private Feeder(Format format, Path file, char separator, List<Map<String, String>> rows, Strategy strategy,
      WhenExhausted whenExhausted, int shareFrom, int shareTo, int shareCycle) {
    this.format = format;
    this.file = file;
    this.separator = separator;
    this.rows = rows;
    this.strategy = strategy;
    this.whenExhausted = whenExhausted;
    this.shareFrom = shareFrom;
    this.shareTo = shareTo;
    this.shareCycle = shareCycle;
  }

  /**
   * Rows from a CSV file (comma-separated, UTF-8) whose first row names the columns.
   *
   * @param file the file; checked when the run's options are built
   * @return a queue feeder
   */
  public static Feeder csv(Path file) {
    return new Feeder(Format.CSV, Objects.requireNonNull(file, "file"), ',', null, Strategy.QUEUE,
        WhenExhausted.FAIL);
  }

  /**
   * Rows from a JSON file holding an array of objects.
   *
   * @param file the file; checked when the run's options are built
   * @return a queue feeder
   */
  public static Feeder json(Path file) {
    return new Feeder(Format.JSON, Objects.requireNonNull(file, "file"), ',', null, Strategy.QUEUE,
        WhenExhausted.FAIL);
  }

  /**
   * Rows given in memory; values are turned into text with {@code toString()}, null values leave the column out.
   *
   * @param rows at least one row, each with at least one column
   * @return a queue feeder
   * @throws InvalidOptionException when there are no rows or a row is empty
   */
  public static Feeder of(List<? extends Map<String, ?>> rows) {
    if (rows == null || rows.isEmpty()) {
      throw new InvalidOptionException("feeder.rows", rows == null ? null : "[]", "needs at least one row");
    }
    var copy = new ArrayList<Map<String, String>>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Map<String, ?> row = rows.get(i);
      if (row == null || row.isEmpty()) {
        throw new InvalidOptionException("feeder.rows[" + i + "]", row, "must have at least one column");
      }
      var r = new LinkedHashMap<String, String>();
      row.forEach((k, v) -> {
        if (k == null || k.isBlank()) {
          throw new InvalidOptionException("feeder.rows", k, "column names must not be blank");
        }
        if (v != null) {
          r.put(k, v.toString());
        }
      });
      copy.add(Collections.unmodifiableMap(r));
    }
    return new Feeder(Format.MEMORY, null, ',', List.copyOf(copy), Strategy.QUEUE, WhenExhausted.FAIL);
  }

  /**
   * @param separator the CSV field separator (default {@code ,}); not a quote, CR or LF
   * @return a copy with the separator
   * @throws InvalidOptionException for a JSON or in-memory feeder, or a bad separator
   */
  public Feeder separator(char separator) {
    if (format != Format.CSV) {
      throw new InvalidOptionException("feeder.separator", separator, "only applies to CSV feeders");
    }
    if (separator == '"' || separator == '\r' || separator == '\n' || separator > 127) {
      throw new InvalidOptionException("feeder.separator", separator, "must be an ASCII character other than a "
          + "quote or a line break");
    }
    return new Feeder(format, file, separator, rows, strategy, whenExhausted, shareFrom, shareTo, shareCycle);
  }

  /**
   * Keeps one share of the rows: those whose position (0-based, in file or list order) modulo {@code cycle} is in
   * [{@code from}, {@code to}). A distributed run gives each generator a share in proportion to its capacity (with
   * three equal workers: [0, 1), [1, 2) and [2, 3) of every 3 rows), so that {@code queue}, {@code shuffle} and
   * {@code uniquePerUser} rows are handed out once across the whole cluster; rarely needed by hand.
   *
   * @param from  first position in the cycle that is this share's, >= 0
   * @param to    end (exclusive), > from
   * @param cycle positions per cycle, >= to
   * @return a copy that sees only its share
   */
  public Feeder share(int from, int to, int cycle) {
    if (from < 0 || to <= from || cycle < to) {
      throw new InvalidOptionException("feeder.share", "[" + from + ", " + to + ") of " + cycle,
          "needs 0 <= from < to <= cycle");
    }
    return new Feeder(format, file, separator, rows, strategy, whenExhausted, from, to, cycle);
  }

  /** @return a copy that hands rows out in order, each once in the run */
  public Feeder queue() {
    return with(Strategy.QUEUE);
  }

  /** @return a copy that hands rows out in order and starts over at the end */
  public Feeder circular() {
    return with(Strategy.CIRCULAR);
  }

  /** @return a copy that hands out a random row each time (seeded by the run's seed) */
  public Feeder random() {
    return with(Strategy.RANDOM);
  }

  /** @return a copy that hands every row out once, in an order shuffled with the run's seed */
  public Feeder shuffle() {
    return with(Strategy.SHUFFLE);
  }

  /** @return a copy that gives each user its own row for its whole life */
  public Feeder uniquePerUser() {
    return with(Strategy.UNIQUE_PER_USER);
  }

  /**
   * @param whenExhausted what happens when the rows run out (default {@link WhenExhausted#FAIL}); only matters
   *                      for {@code queue}, {@code shuffle} and {@code uniquePerUser}
   * @return a copy with the policy
   */
  public Feeder whenExhausted(WhenExhausted whenExhausted) {
    return new Feeder(format, file, separator, rows, strategy, Objects.requireNonNull(whenExhausted,
        "whenExhausted"), shareFrom, shareTo, shareCycle);
  }

  private Feeder with(Strategy s) {
    return new Feeder(format, file, separator, rows, s, whenExhausted, shareFrom, shareTo, shareCycle);
  }

  /** @return the position (0-based) of the {@code k}-th row (0-based) of this feeder's share, among all rows */
  public long sharePosition(long k) {
    long perCycle = shareTo - shareFrom;
    return k / perCycle * shareCycle + shareFrom + k % perCycle;
  }

  /** @return whether row {@code position} (0-based) is in this feeder's share */
  public boolean holds(long position) {
    long k = position % shareCycle;
    return k >= shareFrom && k < shareTo;
  }

  /** @return where the rows come from */
  public Format format() {
    return format;
  }

  /** @return the file, or null for an in-memory feeder */
  public Path file() {
    return file;
  }

  /** @return the CSV separator */
  public char separator() {
    return separator;
  }

  /** @return the in-memory rows (unmodifiable), or null for a file feeder */
  public List<Map<String, String>> rows() {
    return rows;
  }

  /** @return how rows are handed out */
  public Strategy strategy() {
    return strategy;
  }

  /** @return what happens when the rows run out */
  public WhenExhausted whenExhausted() {
    return whenExhausted;
  }

  /**
   * The column names: a CSV file's header, a JSON file's first object's fields, or every key of the in-memory
   * rows. Reads the start of a file.
   *
   * @param name the feeder's name, for messages
   * @return the columns, in order, never empty
   * @throws InvalidOptionException when the file is missing, unreadable, empty, has no data row, or its header or
   *     first row is malformed
   */
  public List<String> columns(String name) {
    if (format == Format.MEMORY) {
      var all = new LinkedHashSet<String>();
      rows.forEach(r -> all.addAll(r.keySet()));
      return List.copyOf(all);
    }
    return FeederFiles.columns(name, this);
  }

  /** @return e.g. {@code csv accounts.csv, unique per user, fail when exhausted} */
  public String describe() {
    String source = switch (format) {
      case CSV -> "csv " + file;
      case JSON -> "json " + file;
      case MEMORY -> rows.size() + " rows in memory";
    };
    String s = source + ", " + strategy.name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    if (strategy == Strategy.QUEUE || strategy == Strategy.SHUFFLE || strategy == Strategy.UNIQUE_PER_USER) {
      s += ", " + whenExhausted.name().toLowerCase(java.util.Locale.ROOT) + " when exhausted";
    }
    if (shareCycle > 1) {
      s += ", rows " + shareFrom + ".." + (shareTo - 1) + " of every " + shareCycle;
    }
    return s;
  }

  @Override
  public String toString() {
    return describe();
  }
}
