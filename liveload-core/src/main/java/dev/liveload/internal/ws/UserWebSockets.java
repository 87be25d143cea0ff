package dev.liveload.internal.ws;

import dev.liveload.internal.data.Templates;
import dev.liveload.internal.engine.UserContext;
import dev.liveload.internal.engine.UserResource;
import dev.liveload.internal.http.HttpSettings;
import dev.liveload.internal.http.UrlEncoding;
import dev.liveload.internal.http.UrlTemplates;
import dev.liveload.ws.WsOptions;
import dev.liveload.ws.WsSession;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.net.ssl.SSLSocketFactory;

/**
 * One user's WebSockets: those kept across iterations (by URL or name) and those that close when the iteration
 * ends. Points their frame counters at the user's current scenario, and reports failures that happened while the
 * user was elsewhere, at every step, think and iteration boundary.
 */
public final class UserWebSockets implements UserResource {
  private final UserContext user;
  private final URI baseUrl;
  private final HttpSettings http;
  private final Map<String, WsConnection> kept = new HashMap<>(4);
  private final List<WsConnection> perIteration = new ArrayList<>(2);
  private WsMeters meters;

  /**
   * @param user    the user
   * @param baseUrl the run's base URL (relative WebSocket URLs resolve against it, {@code http} → {@code ws}), or
   *                null
   * @param http    the run's HTTP settings (whether to trust every certificate)
   */
  public UserWebSockets(UserContext user, URI baseUrl, HttpSettings http) {
    this.user = user;
    this.baseUrl = baseUrl;
    this.http = http;
  }

  /** Returns the kept connection for this URL or name while it is open, else connects. */
  public WsSession open(String url, WsOptions options) {
    if (url == null || options == null) {
      throw new IllegalArgumentException("ws needs a URL and options");
    }
    String key = options.name() != null ? options.name() : url;
    refreshMeters();
    if (options.keepAcrossIterations()) {
      WsConnection c = kept.get(key);
      if (c != null && c.usable() && c.options.equals(options)) {
        return c;
      }
      if (c != null) {
        kept.remove(key);
        c.shut();
      }
    }
    URI uri = resolve(user.render(url));
    String tag = options.name() != null ? options.name() : tag(url, uri);
    SSLSocketFactory trustAll = http.options().trustAllCertificates() ? http.tlsFactory() : null;
    WsConnection c = WsConnector.open(user, this, uri, tag, key, options, meters(), trustAll);
    if (options.keepAcrossIterations()) {
      kept.put(key, c);
    } else {
      perIteration.add(c);
    }
    return c;
  }

  private WsMeters meters() {
    if (meters == null) {
      meters = WsMeters.of(user);
    }
    return meters;
  }

  private URI resolve(String url) {
    String lower = url.toLowerCase(Locale.ROOT);
    String full;
    if (lower.startsWith("ws://") || lower.startsWith("wss://")) {
      full = url;
    } else if (lower.startsWith("http://") || lower.startsWith("https://")) {
      full = "ws" + url.substring(4);
    } else {
      if (baseUrl == null) {
        throw user.usageError("relative WebSocket URL " + url + " used without a base URL: set RunOptions.builder()"
            + ".baseUrl(\"http://host:port\") or use a ws:// URL");
      }
      String scheme = "https".equalsIgnoreCase(baseUrl.getScheme()) ? "wss" : "ws";
      String path = baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
      if (path.endsWith("/")) {
        path = path.substring(0, path.length() - 1);
      }
      full = scheme + "://" + baseUrl.getRawAuthority() + path + (url.startsWith("/") ? url : "/" + url);
    }
    try {
      URI uri = new URI(UrlEncoding.normalizeWebSocket(full));
      if (uri.getHost() == null) {
        throw new URISyntaxException(full, "no host");
      }
      return uri;
    } catch (URISyntaxException | IllegalArgumentException e) {
      throw user.fail("url", "invalid WebSocket URL " + full + ": " + e.getMessage(), null, null, null);
    }
  }

  /** The report name: the path as written (placeholders as {@code {name}}), ids made {@code {id}}, no query. */
  private String tag(String written, URI uri) {
    String form = Templates.placeholderForm(written);
    String path;
    int scheme = form.indexOf("://");
    if (scheme >= 0) {
      int slash = form.indexOf('/', scheme + 3);
      path = slash < 0 ? "/" : form.substring(slash);
    } else if (form.startsWith("{")) {
      path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
    } else {
      path = form.startsWith("/") ? form : "/" + form;
    }
    String template = UrlTemplates.template(path);
    boolean sameHost = baseUrl != null && uri.getHost().equalsIgnoreCase(baseUrl.getHost())
        && port(uri) == port(baseUrl);
    return sameHost ? template : uri.getScheme() + "://" + uri.getRawAuthority() + template;
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    String s = uri.getScheme().toLowerCase(Locale.ROOT);
    return s.equals("https") || s.equals("wss") ? 443 : 80;
  }

  /** A connection the scenario closed. */
  void forget(WsConnection c) {
    kept.remove(c.key, c);
    perIteration.remove(c);
  }

  /** Points the frame counters at the user's current scenario (it may have moved to another of its mix). */
  private void refreshMeters() {
    if (meters != null && user.counter(WsMeters.FRAMES_SENT) != meters.framesSent()) {
      WsMeters now = WsMeters.of(user);
      meters = now;
      kept.values().forEach(c -> c.meters.meters = now);
      perIteration.forEach(c -> c.meters.meters = now);
    }
  }

  @Override
  public void settle() {
    refreshMeters();
    kept.values().forEach(WsConnection::settle);
    perIteration.forEach(WsConnection::settle);
  }

  /** Closes the connections that were not kept. */
  @Override
  public void endIteration() {
    perIteration.forEach(WsConnection::shut);
    perIteration.clear();
  }

  @Override
  public void close() {
    endIteration();
    kept.values().forEach(WsConnection::shut);
    kept.clear();
  }
}
