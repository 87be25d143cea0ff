package dev.liveload.internal.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.liveload.http.Check;
import dev.liveload.http.Extractor;
import dev.liveload.http.HttpRequest;
import dev.liveload.http.HttpResponse;
import dev.liveload.internal.json.ResultJson;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A request being built by scenario code; executed by its {@link UserHttpSession}. Placeholders ({@code {{name}}})
 * in the URL, header values, query values, form values and text bodies are expanded as they are given.
 */
final class RequestImpl implements HttpRequest {
  final UserHttpSession session;
  final String method;
  final String url;
  /** The URL as written when it had placeholders (the report name is made from it), else null. */
  final String template;
  List<String> headers; // name, value, name, value...
  StringBuilder query;
  byte[] body;
  String contentType;
  String name;
  int timeoutMillis = -1;
  Boolean follow;
  boolean sent;

  RequestImpl(UserHttpSession session, String method, String url, String template) {
    this.session = session;
    this.method = method;
    this.url = url;
    this.template = template;
  }

  @Override
  public HttpRequest header(String name, String value) {
    if (name == null || name.isBlank() || value == null) {
      throw new IllegalArgumentException("header needs a name and a value, got " + name + ": " + value);
    }
    if (headers == null) {
      headers = new ArrayList<>(8);
    }
    headers.add(name);
    headers.add(session.render(this, value, false));
    return this;
  }

  @Override
  public HttpRequest headers(Map<String, String> map) {
    map.forEach(this::header);
    return this;
  }

  @Override
  public HttpRequest query(String name, Object value) {
    if (query == null) {
      query = new StringBuilder();
    } else {
      query.append('&');
    }
    query.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
        .append(URLEncoder.encode(session.render(this, String.valueOf(value), false), StandardCharsets.UTF_8));
    return this;
  }

  @Override
  public HttpRequest body(String text, String type) {
    return body(session.render(this, text, false).getBytes(StandardCharsets.UTF_8), type);
  }

  @Override
  public HttpRequest body(byte[] bytes, String type) {
    this.body = bytes;
    this.contentType = type;
    return this;
  }

  @Override
  public HttpRequest json(Object value) {
    if (value instanceof String s) {
      return body(session.render(this, s, true).getBytes(StandardCharsets.UTF_8), "application/json");
    }
    try {
      byte[] bytes = ResultJson.compactBytes(value);
      if (hasPlaceholder(bytes)) {
        bytes = session.render(this, new String(bytes, StandardCharsets.UTF_8), true)
            .getBytes(StandardCharsets.UTF_8);
      }
      return body(bytes, "application/json");
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("could not serialize JSON body: " + e.getOriginalMessage(), e);
    }
  }

  @Override
  public HttpRequest form(Map<String, ?> fields) {
    var sb = new StringBuilder();
    fields.forEach((k, v) -> {
      if (!sb.isEmpty()) {
        sb.append('&');
      }
      sb.append(URLEncoder.encode(k, StandardCharsets.UTF_8)).append('=')
          .append(URLEncoder.encode(session.render(this, String.valueOf(v), false), StandardCharsets.UTF_8));
    });
    return body(sb.toString(), "application/x-www-form-urlencoded");
  }

  @Override
  public HttpRequest name(String name) {
    if (name == null || name.isBlank()) {
      throw new IllegalArgumentException("request name must not be blank");
    }
    this.name = name;
    return this;
  }

  @Override
  public HttpRequest timeout(Duration timeout) {
    if (timeout == null || timeout.isNegative() || timeout.isZero()) {
      throw new IllegalArgumentException("request timeout must be > 0, was " + timeout);
    }
    this.timeoutMillis = (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    return this;
  }

  @Override
  public HttpRequest followRedirects(boolean follow) {
    this.follow = follow;
    return this;
  }

  @Override
  public HttpResponse send() {
    return session.execute(this, null);
  }

  @Override
  public HttpResponse check(Check... checks) {
    return session.execute(this, checks);
  }

  @Override
  public String extract(Extractor extractor) {
    return session.execute(this, null).extract(extractor);
  }

  @Override
  public String extract(Extractor extractor, String variable) {
    return session.execute(this, null).extract(extractor, variable);
  }

  private static boolean hasPlaceholder(byte[] bytes) {
    for (int i = 1; i < bytes.length; i++) {
      if (bytes[i] == '{' && bytes[i - 1] == '{') {
        return true;
      }
    }
    return false;
  }

  /** What scenario code wrote, for messages. */
  String describe() {
    return method + " " + url;
  }
}
