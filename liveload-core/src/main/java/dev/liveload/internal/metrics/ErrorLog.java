package dev.liveload.internal.metrics;

import dev.liveload.result.ErrorGroup;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Failures of one scenario grouped by kind, message and where they happened; secrets are taken out of each
 * message first ({@link Redactor}), so that no output holds them and per-user tokens do not split groups. Bounded: past
 * {@value #MAX_KEYS} distinct groups, further ones fold into one group per kind.
 */
public final class ErrorLog {
  static final int MAX_KEYS = 1000;
  static final int MAX_MESSAGE = 500;

  private record Key(String kind, String message, String step, String method, String url) {}

  private static final class Group {
    final LongAdder count = new LongAdder();
    final Instant first = Instant.now();
  }

  private final ConcurrentHashMap<Key, Group> groups = new ConcurrentHashMap<>();
  private final Redactor redactor;

  /** An error log that redacts with the default names. */
  public ErrorLog() {
    this(Redactor.DEFAULT);
  }

  /** @param redactor takes secrets out of every message before it is grouped */
  public ErrorLog(Redactor redactor) {
    this.redactor = redactor;
  }

  public void record(String kind, String message, String step, String method, String url) {
    String m = message == null ? "" : redactor.redact(message);
    m = m.length() > MAX_MESSAGE ? m.substring(0, MAX_MESSAGE - 1) + "…" : m;
    Key key = new Key(kind, m, step, method, url);
    Group g = groups.get(key);
    if (g == null) {
      if (groups.size() >= MAX_KEYS) {
        key = new Key(kind, "(other " + kind + " errors)", null, null, null);
      }
      g = groups.computeIfAbsent(key, k -> new Group());
    }
    g.count.increment();
  }

  /**
   * Forgets every group (the warm-up ended: what failed in it is not in the result). An error recorded while this
   * runs may land on either side.
   */
  public void clear() {
    groups.clear();
  }

  public List<ErrorGroup> snapshot() {
    var out = new ArrayList<ErrorGroup>(groups.size());
    groups.forEach((k, g) -> {
      Map<String, String> tags = new LinkedHashMap<>();
      if (k.step() != null) {
        tags.put("step", k.step());
      }
      if (k.method() != null) {
        tags.put("method", k.method());
      }
      if (k.url() != null) {
        tags.put("url", k.url());
      }
      out.add(new ErrorGroup(k.kind(), k.message(), g.count.sum(), g.first, tags));
    });
    return ResultMerger.bound(out);
  }
}
