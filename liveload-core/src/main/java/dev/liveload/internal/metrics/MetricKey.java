package dev.liveload.internal.metrics;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A metric's identity: name plus tags. {@code status} 0 means "no status"; null tags are absent.
 *
 * @param scenario index of the scenario (population) in the run
 * @param metric   metric name
 * @param step     step path or null
 * @param method   HTTP method or null
 * @param url      URL template or null
 * @param status   status code, 0 for none
 * @param error    error kind, null for successful samples
 */
public record MetricKey(int scenario, String metric, String step, String method, String url, int status,
    String error) {

  /** @return the tags as a map (absent ones left out) */
  public Map<String, String> tags() {
    var tags = new LinkedHashMap<String, String>();
    if (step != null) {
      tags.put("step", step);
    }
    if (method != null) {
      tags.put("method", method);
    }
    if (url != null) {
      tags.put("url", url);
    }
    if (status != 0) {
      tags.put("status", Integer.toString(status));
    }
    if (error != null) {
      tags.put("error", error);
    }
    return tags;
  }
}
