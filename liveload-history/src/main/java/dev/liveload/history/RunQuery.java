package dev.liveload.history;

import dev.liveload.InvalidOptionException;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Which runs of a {@link History} to take: by run name, by labels (every one given must match), the newest
 * {@code last} of them. Immutable.
 *
 * <pre>{@code
 * RunQuery.all();                                              // every run
 * RunQuery.named("CheckoutTest.checkout").label("branch", "main").last(20);
 * RunQuery.all().labels(Map.of("branch", "main", "env", "ci"));
 * }</pre>
 *
 * @param name   only runs of this name, or null for every name
 * @param labels labels a run must have, with these values; never null, possibly empty
 * @param last   at most this many runs (the newest) per run name; 0 for all
 * @since 0.1
 */
public record RunQuery(String name, Map<String, String> labels, int last) {

  /** Validates and copies. */
  public RunQuery {
    labels = java.util.Collections.unmodifiableMap(new TreeMap<>(Objects.requireNonNull(labels, "labels")));
    labels.forEach(Labels::check);
    if (last < 0) {
      throw new InvalidOptionException("last", last, "must be 0 (all runs) or more");
    }
  }

  /** @return every run */
  public static RunQuery all() {
    return new RunQuery(null, Map.of(), 0);
  }

  /**
   * @param name a run name ({@code RunInfo.name})
   * @return the runs of that name
   */
  public static RunQuery named(String name) {
    return new RunQuery(Objects.requireNonNull(name, "name"), Map.of(), 0);
  }

  /**
   * @param name a run name, or null for every name
   * @return this query for runs of that name
   */
  public RunQuery name(String name) {
    return new RunQuery(name, labels, last);
  }

  /**
   * @param key   a label, e.g. {@code branch}
   * @param value the value it must have, e.g. {@code main}
   * @return this query, also requiring that label
   */
  public RunQuery label(String key, String value) {
    var m = new TreeMap<>(labels);
    m.put(key, value);
    return new RunQuery(name, m, last);
  }

  /**
   * @param required labels a run must have
   * @return this query, also requiring those labels
   */
  public RunQuery labels(Map<String, String> required) {
    var m = new TreeMap<>(labels);
    m.putAll(required);
    return new RunQuery(name, m, last);
  }

  /**
   * @param runs at most this many runs (the newest) per run name; 0 for all
   * @return this query with that limit
   */
  public RunQuery last(int runs) {
    return new RunQuery(name, labels, runs);
  }

  /** @return e.g. {@code name=CheckoutTest.checkout, branch=main, last 20} */
  public String describe() {
    var sb = new StringBuilder(name == null ? "all runs" : "runs of " + name);
    labels.forEach((k, v) -> sb.append(", ").append(k).append('=').append(v));
    if (last > 0) {
      sb.append(", last ").append(last);
    }
    return sb.toString();
  }
}
