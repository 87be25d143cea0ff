package dev.liveload.internal.http;

import dev.liveload.http.Check;
import dev.liveload.http.HttpResponse;
import java.util.Arrays;

/** {@code status(...)}: recognised by the session, since a passing one makes a 4xx/5xx response expected. */
public record StatusCheck(int[] allowed, int from, int to) implements Check {
  @Override
  public String verify(HttpResponse response) {
    return accepts(response.status()) ? null : "status is " + response.status() + ", expected " + expected();
  }

  public boolean accepts(int status) {
    if (allowed == null) {
      return status >= from && status <= to;
    }
    for (int a : allowed) {
      if (a == status) {
        return true;
      }
    }
    return false;
  }

  private String expected() {
    if (allowed == null) {
      return from + ".." + to;
    }
    return allowed.length == 1 ? String.valueOf(allowed[0]) : "one of " + Arrays.toString(allowed);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StatusCheck s && Arrays.equals(allowed, s.allowed) && from == s.from && to == s.to;
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(allowed) + from * 7 + to;
  }

  @Override
  public String toString() {
    return "status " + expected();
  }
}
