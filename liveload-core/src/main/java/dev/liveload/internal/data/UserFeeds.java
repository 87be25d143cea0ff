package dev.liveload.internal.data;

import dev.liveload.data.Feeder.Strategy;
import dev.liveload.internal.engine.UserResource;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * One user's current feeder rows: drawn on first use, kept until the iteration ends ({@code uniquePerUser} rows:
 * until the user stops, then handed back). Used by the user's own thread only.
 */
public final class UserFeeds implements UserResource {

  /** A feeder has no row left; the user decides what that means (fail or stop, then end its population). */
  public static final class Exhausted extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final transient FeederSource source;

    Exhausted(FeederSource source) {
      super(source.exhaustedMessage(), null, false, false);
      this.source = source;
    }

    /** @return the feeder's settings */
    public dev.liveload.data.Feeder feeder() {
      return source.feeder();
    }
  }

  /** The scenario asked for a feeder or column that does not exist (a bug every iteration would repeat). */
  public static final class Misuse extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Misuse(String message) {
      super(message, null, false, false);
    }
  }

  private final RunFeeders.View view;
  private final RandomGenerator random;
  private final Map<String, Row> current = new HashMap<>(4);

  /**
   * @param view   the feeders the user's population sees
   * @param random the user's generator for {@code random} feeders
   */
  public UserFeeds(RunFeeders.View view, RandomGenerator random) {
    this.view = view;
    this.random = random;
  }

  /** @return the current row of the named feeder (drawn now if there is none) */
  public Map<String, String> row(String feeder) {
    FeederSource s = view.byName.get(feeder);
    if (s == null) {
      throw new Misuse("no feeder named \"" + feeder + "\"; " + configured());
    }
    return current(s).values();
  }

  /** @return the current row of the only feeder */
  public Map<String, String> only() {
    if (view.byName.size() != 1) {
      throw new Misuse(view.byName.isEmpty() ? "user.feed() needs a feeder; " + configured()
          : "user.feed() is ambiguous with several feeders " + view.byName.keySet()
              + ": use user.feedRow(name) or user.feed(column)");
    }
    return current(view.byName.values().iterator().next()).values();
  }

  /**
   * @param column a column of one of the feeders
   * @return its value in that feeder's current row; null when the row has no value for it (JSON rows)
   */
  public String column(String column) {
    if (!view.byColumn.containsKey(column)) {
      throw new Misuse("no feeder has a column named \"" + column + "\"; " + configured());
    }
    return value(column);
  }

  /**
   * For templates: the value of a feeder column, drawing the row if needed.
   *
   * @param name a name
   * @return the value, or null when no feeder has such a column (or the row has no value for it)
   */
  public String lookup(String name) {
    return view.byColumn.containsKey(name) ? value(name) : null;
  }

  private String value(String column) {
    FeederSource s = view.byColumn.get(column);
    if (s == null) {
      throw new Misuse("column \"" + column + "\" is in several feeders " + owners(column)
          + ": read it with user.feedRow(feeder).get(\"" + column + "\")");
    }
    return current(s).values().get(column);
  }

  /** Draws a new row from the named feeder now, replacing the current one. */
  public Map<String, String> next(String feeder) {
    FeederSource s = view.byName.get(feeder);
    if (s == null) {
      throw new Misuse("no feeder named \"" + feeder + "\"; " + configured());
    }
    Row old = current.remove(s.name);
    if (old != null && s.feeder.strategy() == Strategy.UNIQUE_PER_USER) {
      s.release(old);
    }
    return current(s).values();
  }

  private Row current(FeederSource s) {
    Row r = current.get(s.name);
    if (r == null) {
      r = s.draw(random);
      if (r == null) {
        throw new Exhausted(s);
      }
      current.put(s.name, r);
    }
    return r;
  }

  /** @return the feeder columns, for template error messages */
  public String known() {
    return view.byColumn.isEmpty() ? "no feeders" : "feeder columns: " + String.join(", ", view.byColumn.keySet());
  }

  private String configured() {
    if (view.byName.isEmpty()) {
      return "none is configured (add one with RunOptions.builder().feeder(name, Feeder.csv(path)) or "
          + "Population.feeder(...))";
    }
    var sb = new StringBuilder("configured: ");
    view.byName.forEach((name, s) -> sb.append(name).append(' ').append(s.columns()).append("; "));
    sb.setLength(sb.length() - 2);
    return sb.toString();
  }

  private String owners(String column) {
    return view.byName.values().stream().filter(s -> s.columns().contains(column)).map(s -> s.name).toList()
        .toString();
  }

  /** Drops the rows drawn for this iteration; {@code uniquePerUser} rows stay. */
  @Override
  public void endIteration() {
    for (Iterator<Map.Entry<String, Row>> it = current.entrySet().iterator(); it.hasNext(); ) {
      if (view.byName.get(it.next().getKey()).feeder.strategy() != Strategy.UNIQUE_PER_USER) {
        it.remove();
      }
    }
  }

  /** Hands {@code uniquePerUser} rows back for users that start later. */
  @Override
  public void close() {
    current.forEach((name, row) -> {
      FeederSource s = view.byName.get(name);
      if (s.feeder.strategy() == Strategy.UNIQUE_PER_USER) {
        s.release(row);
      }
    });
    current.clear();
  }
}
