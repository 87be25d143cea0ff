package dev.liveload.browser.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.imageio.ImageIO;

/**
 * Plain pages for browser tests, served on 127.0.0.1 by the JDK's HTTP server: a JS counter with a known delay, a
 * form, links, slow resources (a script and an image, for resource timing and LCP), a page whose content a banner
 * pushes down (a layout shift), a login that sets a cookie and storage, pages with hidden, disabled and covered
 * elements, and interaction probes. Records what it received.
 *
 * <pre>{@code
 * try (var target = PageTarget.start()) {
 *   ... .baseUrl(target.url()) ...
 *   assertThat(target.forms()).contains(Map.of("name", "ann"));
 * }
 * }</pre>
 */
public final class PageTarget implements AutoCloseable {
  private static final byte[] IMAGE = png(480, 320);

  private final HttpServer server;
  private final List<Map<String, String>> forms = new CopyOnWriteArrayList<>();
  private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();

  private PageTarget(HttpServer server) {
    this.server = server;
  }

  /** @return a started target on an ephemeral loopback port */
  public static PageTarget start() {
    try {
      var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
      var target = new PageTarget(server);
      server.createContext("/", target::handle);
      server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
      server.start();
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** @return {@code http://127.0.0.1:port} */
  public String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** @return the forms posted to {@code /submit} and {@code /login}, in order */
  public List<Map<String, String>> forms() {
    return forms;
  }

  /**
   * @param path a path without query, e.g. {@code /login}
   * @return how many requests it got (any method)
   */
  public int hits(String path) {
    AtomicInteger n = hits.get(path);
    return n == null ? 0 : n.get();
  }

  /** @return every request as {@code METHOD /path?query}, in order of arrival */
  public List<String> requests() {
    return requests;
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange ex) throws IOException {
    try (ex) {
      String path = ex.getRequestURI().getPath();
      Map<String, String> q = parse(ex.getRequestURI().getRawQuery());
      requests.add(ex.getRequestMethod() + " " + ex.getRequestURI());
      hits.computeIfAbsent(path, k -> new AtomicInteger()).incrementAndGet();
      switch (path) {
        case "/counter" -> html(ex, 200, page("Counter", """
            <p>Clicks: <span id="count">0</span></p>
            <button id="inc">Add one</button>
            <script>
              let n = 0;
              document.querySelector('#inc').addEventListener('click', () =>
                setTimeout(() => { document.querySelector('#count').textContent = ++n; }, %s));
            </script>""".formatted(q.getOrDefault("delay", "0"))));
        case "/form" -> html(ex, 200, page("Form", """
            <form id="f" method="post" action="/submit">
              <input id="name" name="name" value="prefilled">
              <textarea id="bio" name="bio"></textarea>
              <select id="color" name="color"><option value="r">red</option><option value="g">green</option></select>
              <select id="tags" name="tags" multiple><option>a</option><option>b</option><option>c</option></select>
              <label><input id="agree" name="agree" type="checkbox"> agree</label>
              <input id="news" name="news" type="checkbox" checked>
              <button id="send" type="submit">Send</button>
            </form>"""));
        case "/submit" -> {
          Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
          forms.add(form);
          html(ex, 200, page("Thanks", "<p id=\"thanks\">Thanks " + escape(form.getOrDefault("name", "?"))
              + "</p>"));
        }
        case "/links" -> html(ex, 200, page("Links", "<a id=\"next\" href=\"/next?from=links\">Next</a>"));
        case "/shift" -> html(ex, 200, page("Shift", """
            <div id="top"></div>
            <p id="text">Some text that a banner pushes 200 px down after it was painted.</p>
            <a id="next" href="/next?from=shift">Next</a>
            <script>
              setTimeout(() => {
                const banner = document.createElement('div');
                banner.id = 'banner';
                banner.style.height = '200px';
                banner.textContent = 'banner';
                document.querySelector('#top').appendChild(banner);
                // two frames later the shift has been laid out and reported
                requestAnimationFrame(() => requestAnimationFrame(() => {
                  const done = document.createElement('p');
                  done.id = 'shifted';
                  done.textContent = 'shifted';
                  document.body.appendChild(done);
                }));
              }, 150);
            </script>"""));
        case "/next" -> html(ex, 200, page("Next", "<p id=\"arrived\">Arrived</p>"));
        case "/slow-page" -> html(ex, 200, page("Slow", "<p id=\"ready\">ready</p><script src=\"/slow.js?ms="
            + q.getOrDefault("ms", "300") + "\"></script>"));
        case "/slow.js" -> {
          sleep(q.getOrDefault("ms", "300"));
          send(ex, 200, "text/javascript", "window.slowLoaded = true;".getBytes(StandardCharsets.UTF_8));
        }
        case "/vitals" -> html(ex, 200, page("Vitals", """
            <p id="intro">A hero image that arrives late.</p>
            <img id="hero" src="/hero.png?ms=%s" width="480" height="320" alt="hero">"""
            .formatted(q.getOrDefault("ms", "400"))));
        case "/hero.png" -> {
          sleep(q.getOrDefault("ms", "0"));
          send(ex, 200, "image/png", IMAGE);
        }
        case "/login" -> {
          if (ex.getRequestMethod().equals("POST")) {
            Map<String, String> form = parse(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            forms.add(form);
            ex.getResponseHeaders().add("Set-Cookie", "session=" + form.getOrDefault("user", "") + "; Path=/");
            ex.getResponseHeaders().add("Location", "/account?first=1");
            ex.sendResponseHeaders(303, -1);
          } else {
            html(ex, 200, page("Login", """
                <form method="post" action="/login">
                  <input id="user" name="user"><input id="password" name="password" type="password">
                  <button id="login" type="submit">Log in</button>
                </form>"""));
          }
        }
        case "/account" -> {
          String cookie = String.valueOf(ex.getRequestHeaders().getFirst("Cookie"));
          int i = cookie.indexOf("session=");
          if (i < 0) {
            ex.getResponseHeaders().add("Location", "/login");
            ex.sendResponseHeaders(302, -1);
            return;
          }
          String user = cookie.substring(i + 8).split(";")[0];
          html(ex, 200, page("Account", """
              <p id="welcome">Welcome %s</p><p>Theme: <span id="theme"></span> Tab: <span id="tab"></span></p>
              <script>
                if (location.search.includes('first=1')) {
                  localStorage.setItem('theme', 'dark');
                  sessionStorage.setItem('tab', 'orders');
                }
                document.querySelector('#theme').textContent = localStorage.getItem('theme') || 'none';
                document.querySelector('#tab').textContent = sessionStorage.getItem('tab') || 'none';
              </script>""".formatted(escape(user))));
        }
        case "/obstacles" -> html(ex, 200, page("Obstacles", """
            <button id="ghost" style="display:none">hidden</button>
            <button id="off" disabled>disabled</button>
            <div style="position:relative">
              <button id="under">under</button>
              <div style="position:absolute;inset:0;background:white">cover</div>
            </div>
            <button id="late" style="display:none">late</button>
            <script>setTimeout(() => document.querySelector('#late').style.display = '', %s);</script>"""
            .formatted(q.getOrDefault("late", "200"))));
        case "/interact" -> html(ex, 200, page("Interact", """
            <p id="log"></p>
            <div id="hover" style="width:100px;height:30px">hover me</div>
            <input id="field">
            <div id="src" draggable="true" style="width:50px;height:30px">drag</div>
            <div id="dst" style="width:80px;height:40px;margin-top:10px">drop here</div>
            <form id="search"><input id="q" name="q"></form>
            <script>
              const log = (s) => document.querySelector('#log').textContent += s + ';';
              document.querySelector('#hover').addEventListener('mouseenter', () => log('hover'));
              document.querySelector('#field').addEventListener('focus', () => log('focus'));
              document.querySelector('#field').addEventListener('blur', () => log('blur'));
              document.querySelector('#src').addEventListener('dragstart', (e) => e.dataTransfer.setData('text', 'x'));
              document.querySelector('#dst').addEventListener('dragover', (e) => e.preventDefault());
              document.querySelector('#dst').addEventListener('drop',
                  (e) => log('drop:' + e.dataTransfer.getData('text')));
              document.querySelector('#search').addEventListener('submit', (e) => {
                e.preventDefault();
                log('submit:' + document.querySelector('#q').value);
              });
            </script>"""));
        default -> {
          if (path.startsWith("/status/")) {
            html(ex, Integer.parseInt(path.substring(8)), page("Status", "<p>status page</p>"));
          } else {
            html(ex, 404, page("Not found", "<p>not found</p>"));
          }
        }
      }
    }
  }

  private static String page(String title, String body) {
    return "<!doctype html><html><head><meta charset=\"utf-8\"><title>" + title + "</title></head><body>" + body
        + "</body></html>";
  }

  private static void html(HttpExchange ex, int status, String html) throws IOException {
    send(ex, status, "text/html; charset=utf-8", html.getBytes(StandardCharsets.UTF_8));
  }

  private static void send(HttpExchange ex, int status, String type, byte[] body) throws IOException {
    ex.getResponseHeaders().add("Content-Type", type);
    ex.getResponseHeaders().add("Cache-Control", "no-store");
    ex.sendResponseHeaders(status, body.length);
    ex.getResponseBody().write(body);
  }

  private static void sleep(String ms) {
    try {
      Thread.sleep(Long.parseLong(ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Map<String, String> parse(String query) {
    var out = new LinkedHashMap<String, String>();
    if (query == null || query.isEmpty()) {
      return out;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
      String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      out.merge(k, v, (a, b) -> a + "," + b);
    }
    return out;
  }

  private static String escape(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static byte[] png(int w, int h) {
    var img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    var g = img.createGraphics();
    g.setColor(new Color(30, 120, 200));
    g.fillRect(0, 0, w, h);
    g.setColor(Color.ORANGE);
    g.fillOval(w / 4, h / 4, w / 2, h / 2);
    g.dispose();
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(img, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
