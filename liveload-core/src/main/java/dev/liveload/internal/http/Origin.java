package dev.liveload.internal.http;

import java.net.URI;
import org.apache.hc.core5.http.HttpHost;

/** Scheme, host and port of a URL, with the forms used in Host headers and in messages (computed once). */
record Origin(boolean https, String host, int port, String authority, String text, HttpHost httpHost) {

  Origin(boolean https, String host, int port) {
    this(https, host, port, authorityOf(https, host, port), (https ? "https" : "http") + "://"
        + authorityOf(https, host, port), new HttpHost(https ? "https" : "http", host, port));
  }

  static Origin of(URI uri) {
    boolean https = "https".equalsIgnoreCase(uri.getScheme());
    int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
    String host = uri.getHost();
    if (host == null) {
      throw new IllegalArgumentException("URL has no host: " + uri);
    }
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    return new Origin(https, host, port);
  }

  /** The Host header value: the port only when it is not the scheme's default. */
  private static String authorityOf(boolean https, String host, int port) {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return (https && port == 443) || (!https && port == 80) ? h : h + ":" + port;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Origin other && https == other.https && port == other.port && host.equals(other.host);
  }

  @Override
  public int hashCode() {
    return (host.hashCode() * 31 + port) * 2 + (https ? 1 : 0);
  }

  String scheme() {
    return https ? "https" : "http";
  }

  @Override
  public String toString() {
    return text;
  }
}
