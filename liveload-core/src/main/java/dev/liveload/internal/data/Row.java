package dev.liveload.internal.data;

import java.util.Map;

/**
 * One row a feeder handed out.
 *
 * @param values column → value, unmodifiable, in column order
 * @param where  where it came from, for messages: {@code accounts.csv line 12}, {@code row 3}
 */
public record Row(Map<String, String> values, String where) {}
