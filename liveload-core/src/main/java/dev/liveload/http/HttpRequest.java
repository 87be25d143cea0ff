package dev.liveload.http;

import java.time.Duration;
import java.util.Map;

/**
 * A request being built. Nothing is sent until {@link #send()}, {@link #check(Check...)} or
 * {@link #extract(Extractor)}; a request built and never sent fails the iteration with a message that says so.
 *
 * <p>{@code {{name}}} placeholders in the URL, header values, query and form values and text or JSON bodies are
 * replaced by the user's variables and feeder columns, or by a builtin ({@code {{uuid}}}, {@code {{timestamp}}},
 * {@code {{random_int:1:100}}}, {@code {{random_string:8}}}); in JSON bodies the values are escaped for JSON
 * strings; elsewhere they are inserted as they are (use {@link #query(String, Object)} or {@link #form(Map)} for
 * values that need URL-encoding). An unknown name fails the iteration with kind {@code template} and nothing is
 * sent. A URL with
 * placeholders is reported by its template: {@code /users/{{id}}} as {@code /users/{id}}. Write
 * <code>\{{</code> for a literal <code>{{</code>, or send bytes with {@link #body(byte[], String)}.
 *
 * <pre>{@code
 * user.http().post("/cart")
 *     .header("X-Client", "web")
 *     .query("coupon", "SPRING")
 *     .json(Map.of("sku", 42, "qty", 1))
 *     .name("/cart (add)")                     // how it is reported, instead of the URL template
 *     .check(status(201), jsonPath("$.items[0].sku").is("42"));
 * }</pre>
 *
 * <p>A response counts as failed (kind {@code status}) when its status is 400 or more, or below 200, unless a
 * {@link Http#status(int...)} check accepted it; the iteration then carries on and is counted as failed at its
 * end. A failed check ends the iteration at once.
 *
 * @since 0.1
 */
public interface HttpRequest {

  /**
   * @param name  header name
   * @param value header value
   * @return this request
   */
  HttpRequest header(String name, String value);

  /**
   * @param headers headers to add
   * @return this request
   */
  HttpRequest headers(Map<String, String> headers);

  /**
   * Adds a query parameter (URL-encoded).
   *
   * @param name  parameter name
   * @param value parameter value ({@code toString()})
   * @return this request
   */
  HttpRequest query(String name, Object value);

  /**
   * @param body        the body as text (UTF-8)
   * @param contentType its content type, e.g. {@code text/plain}
   * @return this request
   */
  HttpRequest body(String body, String contentType);

  /**
   * @param body        the body bytes
   * @param contentType its content type
   * @return this request
   */
  HttpRequest body(byte[] body, String contentType);

  /**
   * A JSON body: a {@code String} is sent as it is; maps, lists, records and beans are serialized.
   *
   * @param value the value
   * @return this request
   */
  HttpRequest json(Object value);

  /**
   * A form body ({@code application/x-www-form-urlencoded}).
   *
   * @param fields field names and values ({@code toString()})
   * @return this request
   */
  HttpRequest form(Map<String, ?> fields);

  /**
   * How the request is reported (the {@code url} tag), instead of its URL template. Use it to group URLs that
   * carry ids the automatic template does not recognise.
   *
   * @param name report name, e.g. {@code /users/{id}}
   * @return this request
   */
  HttpRequest name(String name);

  /**
   * @param timeout response timeout for this request, > 0
   * @return this request
   */
  HttpRequest timeout(Duration timeout);

  /**
   * @param follow whether to follow redirects for this request
   * @return this request
   */
  HttpRequest followRedirects(boolean follow);

  /**
   * Sends the request (following redirects, each hop recorded).
   *
   * @return the final response
   * @throws dev.liveload.IterationFailedException when no response came (connect, timeout, I/O); already
   *     recorded
   */
  HttpResponse send();

  /**
   * Sends the request and checks the response.
   *
   * @param checks checks that must all pass
   * @return the final response
   * @throws dev.liveload.IterationFailedException when the request or a check failed; already recorded
   */
  HttpResponse check(Check... checks);

  /**
   * Sends the request and extracts a value.
   *
   * @param extractor what to extract
   * @return the value, never null
   * @throws dev.liveload.IterationFailedException when the request failed or the value is absent
   */
  String extract(Extractor extractor);

  /**
   * Sends the request, extracts a value and stores it as a user variable (read it back with
   * {@code user.get(variable)} or {@code {{variable}}} in later requests).
   *
   * <pre>{@code
   * user.http().post("/login").json(credentials).extract(jsonPath("$.token"), "token");
   * user.http().get("/orders").header("Authorization", "Bearer {{token}}").check(status(200));
   * }</pre>
   *
   * @param extractor what to extract
   * @param variable  user variable to store it in
   * @return the value, never null
   * @throws dev.liveload.IterationFailedException when the request failed or the value is absent
   */
  String extract(Extractor extractor, String variable);
}
