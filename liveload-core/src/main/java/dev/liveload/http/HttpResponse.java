package dev.liveload.http;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A received response. Its body is read completely (and decompressed) before the request's time is taken.
 * Checks and extractions on it count toward the request they came from when made before the user's next request.
 *
 * <pre>{@code
 * HttpResponse r = user.http().get("/orders").send();
 * if (r.status() == 200) {
 *   String first = r.extract(jsonPath("$.orders[0].id"), "orderId");   // also stored as user variable orderId
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface HttpResponse {

  /** @return the status code */
  int status();

  /** @return the final URL (after redirects) */
  String url();

  /**
   * @param name header name, any case
   * @return the first value, or null
   */
  String header(String name);

  /**
   * @param name header name, any case
   * @return every value, never null
   */
  List<String> headers(String name);

  /** @return every header, names in lower case, never null */
  Map<String, List<String>> headers();

  /** @return the (decompressed) body bytes, never null */
  byte[] bodyBytes();

  /** @return the body as text, in the response's charset (UTF-8 when it names none), never null */
  String body();

  /** @return the time of the final hop, from the start of the request to the last body byte */
  Duration duration();

  /**
   * Checks this response.
   *
   * @param checks checks that must all pass
   * @return this response
   * @throws dev.liveload.IterationFailedException naming the first failed check; recorded as kind {@code check}
   */
  HttpResponse check(Check... checks);

  /**
   * Extracts a value.
   *
   * @param extractor what to extract
   * @return the value, never null
   * @throws dev.liveload.IterationFailedException when absent; recorded as kind {@code check}
   */
  String extract(Extractor extractor);

  /**
   * Extracts a value and stores it as a user variable.
   *
   * @param extractor what to extract
   * @param variable  user variable to store it in
   * @return the value, never null
   * @throws dev.liveload.IterationFailedException when absent; recorded as kind {@code check}
   */
  String extract(Extractor extractor, String variable);
}
