package dev.liveload.result;

import java.util.Map;

/**
 * The distribution of one metric for one combination of tags: the rows of "by step / URL / status" tables.
 *
 * <p>Tags are {@code step}, {@code method}, {@code url} (a template such as {@code /users/{id}}, never a raw
 * id), {@code status} and {@code error} (the error kind, present only on failed samples). A tag that does not
 * apply is absent.
 *
 * <pre>{@code
 * result.total().breakdown().stream()
 *     .filter(b -> b.metric().equals("http.duration"))
 *     .forEach(b -> System.out.println(b.tags() + " p95=" + b.histogram().p95()));
 * }</pre>
 *
 * @param metric    metric name, never null
 * @param tags      tag values by tag name, sorted by name; never null
 * @param histogram the samples with exactly these tags
 * @since 0.1
 */
public record Breakdown(String metric, Map<String, String> tags, Histogram histogram) {
  /** Creates a row; the tag map is copied. */
  public Breakdown {
    tags = Maps.sortedCopy(tags);
  }

  /**
   * A tag's value.
   *
   * @param name tag name
   * @return its value, or null when absent
   */
  public String tag(String name) {
    return tags.get(name);
  }
}
