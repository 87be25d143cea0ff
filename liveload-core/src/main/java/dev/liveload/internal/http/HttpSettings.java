package dev.liveload.internal.http;

import dev.liveload.http.HttpOptions;
import java.net.URI;
import javax.net.ssl.SSLSocketFactory;
import org.apache.hc.core5.http.impl.io.HttpRequestExecutor;

/** Per-run HTTP configuration shared (read-only) by every user's session. */
public final class HttpSettings {
  final HttpOptions options;
  final Origin baseOrigin;
  final String basePath;
  final HttpRequestExecutor executor = new HttpRequestExecutor();
  final int connectTimeoutMillis;
  final int responseTimeoutMillis;
  private volatile SSLSocketFactory tls;

  public HttpSettings(HttpOptions options, URI baseUrl) {
    this.options = options;
    this.baseOrigin = baseUrl == null ? null : Origin.of(baseUrl);
    String path = baseUrl == null || baseUrl.getRawPath() == null ? "" : baseUrl.getRawPath();
    this.basePath = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    this.connectTimeoutMillis = (int) options.connectTimeout().toMillis();
    this.responseTimeoutMillis = (int) options.responseTimeout().toMillis();
  }

  SSLSocketFactory tls() {
    SSLSocketFactory f = tls;
    if (f == null) {
      f = Tls.factory(options.trustAllCertificates());
      tls = f;
    }
    return f;
  }

  public HttpOptions options() {
    return options;
  }

  /** @return the TLS socket factory HTTPS connections use (one that trusts every certificate when so configured) */
  public SSLSocketFactory tlsFactory() {
    return tls();
  }
}
