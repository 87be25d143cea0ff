package dev.liveload.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liveload.http.HttpResponse;
import dev.liveload.internal.json.ResultJson;
import java.util.ArrayList;
import java.util.List;

/**
 * A small JSON path: {@code $}, {@code .name}, {@code ['name']}, {@code [index]} (negative from the end),
 * {@code [*]} / {@code .*} (every child), {@code ..name} (at any depth). {@link #first} returns the first match.
 */
public final class JsonPath {
  private sealed interface Segment permits Field, Index, Wildcard, Deep {}

  private record Field(String name) implements Segment {}

  private record Index(int index) implements Segment {}

  private record Wildcard() implements Segment {}

  private record Deep(String name) implements Segment {}

  private final String path;
  private final List<Segment> segments;

  private JsonPath(String path, List<Segment> segments) {
    this.path = path;
    this.segments = segments;
  }

  public static JsonPath compile(String path) {
    if (path == null || !path.startsWith("$")) {
      throw new IllegalArgumentException("jsonPath must start with $, was: " + path);
    }
    var segments = new ArrayList<Segment>();
    int i = 1;
    int n = path.length();
    while (i < n) {
      char c = path.charAt(i);
      if (c == '.') {
        boolean deep = i + 1 < n && path.charAt(i + 1) == '.';
        int start = i + (deep ? 2 : 1);
        int end = start;
        while (end < n && path.charAt(end) != '.' && path.charAt(end) != '[') {
          end++;
        }
        String name = path.substring(start, end);
        if (name.isEmpty()) {
          throw error(path, start, "a name");
        }
        segments.add(deep ? new Deep(name) : name.equals("*") ? new Wildcard() : new Field(name));
        i = end;
      } else if (c == '[') {
        int close = path.indexOf(']', i);
        if (close < 0) {
          throw error(path, i, "a closing ]");
        }
        String inner = path.substring(i + 1, close).trim();
        if (inner.equals("*")) {
          segments.add(new Wildcard());
        } else if (inner.length() >= 2 && (inner.charAt(0) == '\'' || inner.charAt(0) == '"')
            && inner.charAt(inner.length() - 1) == inner.charAt(0)) {
          segments.add(new Field(inner.substring(1, inner.length() - 1)));
        } else {
          try {
            segments.add(new Index(Integer.parseInt(inner)));
          } catch (NumberFormatException e) {
            throw error(path, i + 1, "an index, * or a quoted name");
          }
        }
        i = close + 1;
      } else {
        throw error(path, i, ". or [");
      }
    }
    return new JsonPath(path, List.copyOf(segments));
  }

  private static IllegalArgumentException error(String path, int at, String expected) {
    return new IllegalArgumentException("invalid jsonPath " + path + " at position " + at + ": expected " + expected);
  }

  /** The first match in the response's JSON body, as text; null when the body is not JSON or nothing matches. */
  public String first(HttpResponse response) {
    JsonNode root = response instanceof ResponseImpl r ? r.json() : parse(response.body());
    return root == null ? null : first(root);
  }

  public String first(JsonNode root) {
    JsonNode found = find(root, 0);
    if (found == null || found.isMissingNode()) {
      return null;
    }
    if (found.isNull()) {
      return "null";
    }
    return found.isValueNode() ? found.asText() : found.toString();
  }

  private JsonNode find(JsonNode node, int at) {
    if (node == null || node.isMissingNode()) {
      return null;
    }
    if (at == segments.size()) {
      return node;
    }
    Segment s = segments.get(at);
    switch (s) {
      case Field f -> {
        return node.isObject() ? find(node.get(f.name()), at + 1) : null;
      }
      case Index ix -> {
        if (!node.isArray()) {
          return null;
        }
        int index = ix.index() < 0 ? node.size() + ix.index() : ix.index();
        return index >= 0 && index < node.size() ? find(node.get(index), at + 1) : null;
      }
      case Wildcard w -> {
        for (JsonNode child : node) {
          JsonNode r = find(child, at + 1);
          if (r != null) {
            return r;
          }
        }
        return null;
      }
      case Deep d -> {
        if (node.isObject() && node.has(d.name())) {
          JsonNode r = find(node.get(d.name()), at + 1);
          if (r != null) {
            return r;
          }
        }
        for (JsonNode child : node) {
          JsonNode r = find(child, at);
          if (r != null) {
            return r;
          }
        }
        return null;
      }
    }
  }

  static JsonNode parse(String body) {
    try {
      return ResultJson.mapper().readTree(body);
    } catch (Exception e) {
      return null;
    }
  }

  @Override
  public String toString() {
    return path;
  }
}
