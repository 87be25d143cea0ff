package dev.liveload.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.liveload.http.Check;
import dev.liveload.http.Extractor;
import dev.liveload.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.hc.core5.http.Header;

/** A received response; stays "pending" (not yet counted) until the user moves on, so checks can classify it. */
final class ResponseImpl implements HttpResponse {
  final UserHttpSession session;
  final int status;
  final Header[] headerArray;
  final byte[] body;
  final String url;
  final long micros;
  final String method;
  final String urlTag;
  final String step;
  boolean recorded;
  boolean statusAccepted;
  private String text;
  private JsonNode json;
  private boolean jsonParsed;

  ResponseImpl(UserHttpSession session, int status, Header[] headers, byte[] body, String url, long micros,
      String method, String urlTag, String step) {
    this.session = session;
    this.status = status;
    this.headerArray = headers;
    this.body = body;
    this.url = url;
    this.micros = micros;
    this.method = method;
    this.urlTag = urlTag;
    this.step = step;
  }

  @Override
  public int status() {
    return status;
  }

  @Override
  public String url() {
    return url;
  }

  @Override
  public String header(String name) {
    for (Header h : headerArray) {
      if (h.getName().equalsIgnoreCase(name)) {
        return h.getValue();
      }
    }
    return null;
  }

  @Override
  public List<String> headers(String name) {
    var values = new ArrayList<String>(2);
    for (Header h : headerArray) {
      if (h.getName().equalsIgnoreCase(name)) {
        values.add(h.getValue());
      }
    }
    return values;
  }

  @Override
  public Map<String, List<String>> headers() {
    var map = new LinkedHashMap<String, List<String>>();
    for (Header h : headerArray) {
      map.computeIfAbsent(h.getName().toLowerCase(Locale.ROOT), k -> new ArrayList<>()).add(h.getValue());
    }
    return map;
  }

  @Override
  public byte[] bodyBytes() {
    return body;
  }

  @Override
  public String body() {
    if (text == null) {
      text = new String(body, charset());
    }
    return text;
  }

  private Charset charset() {
    String type = header("Content-Type");
    if (type != null) {
      int i = type.toLowerCase(Locale.ROOT).indexOf("charset=");
      if (i >= 0) {
        String name = type.substring(i + 8).trim();
        int end = name.indexOf(';');
        name = (end >= 0 ? name.substring(0, end) : name).replace("\"", "").trim();
        try {
          return Charset.forName(name);
        } catch (RuntimeException e) {
          return StandardCharsets.UTF_8;
        }
      }
    }
    return StandardCharsets.UTF_8;
  }

  JsonNode json() {
    if (!jsonParsed) {
      jsonParsed = true;
      json = JsonPath.parse(body());
    }
    return json;
  }

  @Override
  public Duration duration() {
    return Duration.ofNanos(micros * 1000);
  }

  @Override
  public HttpResponse check(Check... checks) {
    session.applyChecks(this, checks);
    return this;
  }

  @Override
  public String extract(Extractor extractor) {
    return session.extract(this, extractor, null);
  }

  @Override
  public String extract(Extractor extractor, String variable) {
    return session.extract(this, extractor, variable);
  }

  /** A short view of the body for error messages. */
  String bodyPreview() {
    String b = body();
    b = b.length() > 200 ? b.substring(0, 200) + "…" : b;
    return b.replace('\n', ' ').replace('\r', ' ');
  }

  @Override
  public String toString() {
    return method + " " + url + " → " + status;
  }
}
