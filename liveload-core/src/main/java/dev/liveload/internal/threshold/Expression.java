package dev.liveload.internal.threshold;

import java.util.Map;

/**
 * A parsed threshold: {@code function(target{selector}) comparator limit}.
 *
 * @param text       the expression as written
 * @param function   {@code percentile}, {@code avg}, {@code min}, {@code max}, {@code count}, {@code rate},
 *                   {@code error_ratio} or {@code rps}
 * @param percentile for {@code percentile}: which one, in (0, 100]
 * @param target     metric or counter name ({@code step:x} is turned into {@code step.duration} + step tag)
 * @param selector   tag filters: scenario, step, method, url, status, error
 * @param comparator {@code <}, {@code <=}, {@code >}, {@code >=}, {@code ==}, {@code !=}
 * @param limit      the limit, in the aggregate's unit (ms for durations, a ratio for error_ratio, per second)
 * @param limitText  the limit as written, e.g. {@code 300ms}
 */
public record Expression(String text, String function, double percentile, String target, Map<String, String> selector,
    String comparator, double limit, String limitText) {

  boolean holds(double observed) {
    return switch (comparator) {
      case "<" -> observed < limit;
      case "<=" -> observed <= limit;
      case ">" -> observed > limit;
      case ">=" -> observed >= limit;
      case "==" -> observed == limit;
      case "!=" -> observed != limit;
      default -> throw new IllegalStateException(comparator);
    };
  }

  /** The aggregate as written without the comparison, e.g. {@code p95(http.duration{url:/cart})}. */
  String aggregate() {
    int i = indexOfComparator(text);
    return i < 0 ? text : text.substring(0, i).trim();
  }

  private static int indexOfComparator(String s) {
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (!quoted && (c == '(' || c == '{')) {
        depth++;
      } else if (!quoted && (c == ')' || c == '}')) {
        depth--;
      } else if (!quoted && depth == 0 && (c == '<' || c == '>' || c == '=' || c == '!')) {
        return i;
      }
    }
    return -1;
  }
}
