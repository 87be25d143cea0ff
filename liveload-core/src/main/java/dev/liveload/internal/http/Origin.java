package dev.liveload.internal.http;

import java.net.URI;

/** Scheme, host and port of a URL, with the form used in Host headers. */
record Origin(boolean https, String host, int port) {

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
  String authority() {
    String h = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
    return (https && port == 443) || (!https && port == 80) ? h : h + ":" + port;
  }

  String scheme() {
    return https ? "https" : "http";
  }

  @Override
  public String toString() {
    return scheme() + "://" + authority();
  }
}
