package dev.liveload.result;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** Immutable, key-sorted copies, so that JSON output is deterministic. */
final class Maps {
  private Maps() {}

  static <V> Map<String, V> sortedCopy(Map<String, V> map) {
    if (map == null || map.isEmpty()) {
      return Map.of();
    }
    return Collections.unmodifiableMap(new TreeMap<>(map));
  }
}
