package dev.liveload.http;

import static dev.liveload.http.Http.bodyContains;
import static dev.liveload.http.Http.header;
import static dev.liveload.http.Http.jsonPath;
import static dev.liveload.http.Http.regex;
import static dev.liveload.http.Http.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.result.Breakdown;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.TargetServer;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.Test;

/** The raw-HTTP DSL against a real server: one user, one iteration, each feature checked on the wire. */
class HttpFeaturesTest {

  private static ScenarioResult once(String baseUrl, Scenario.Body body) {
    return once(RunOptions.builder().baseUrl(baseUrl), body);
  }

  private static ScenarioResult once(RunOptions.Builder options, Scenario.Body body) {
    RunResult r = LiveLoad.run(options.scenario("once", body, Load.iterations(1, 1)).build());
    return r.scenario("once");
  }

  @Test
  void methodsHeadersQueryAndBodiesReachTheServer() {
    try (var server = TargetServer.start()) {
      var seen = Collections.synchronizedList(new ArrayList<String>());
      ScenarioResult s = once(server.url(), user -> {
        var http = user.http();
        seen.add(http.post("/echo").header("X-Trace", "t1").query("q", "a b&c").json(Map.of("sku", 42))
            .check(status(200)).body());
        seen.add(http.put("/echo").form(Map.of("name", "Zoë", "n", 1)).send().body());
        seen.add(http.patch("/echo").body("raw", "text/plain").send().body());
        seen.add(http.delete("/echo").send().body());
        seen.add(String.valueOf(http.head("/echo").send().status()));
        seen.add(http.request("OPTIONS", "/echo").send().body());
      });
      assertThat(s.failedRequests()).isZero();
      assertThat(s.requests()).isEqualTo(6);
      assertThat(seen.get(0)).startsWith("POST /echo?q=a+b%26c\n").contains("x-trace: t1")
          .contains("content-type: application/json").contains("user-agent: LiveLoad/0.1")
          .endsWith("{\"sku\":42}");
      assertThat(seen.get(1)).startsWith("PUT /echo\n").contains("application/x-www-form-urlencoded")
          .containsAnyOf("name=Zo%C3%AB&n=1", "n=1&name=Zo%C3%AB");
      assertThat(seen.get(2)).startsWith("PATCH /echo\n").endsWith("\nraw");
      assertThat(seen.get(3)).startsWith("DELETE /echo\n");
      assertThat(seen.get(4)).isEqualTo("200");
      assertThat(seen.get(5)).startsWith("OPTIONS /echo\n");
      assertThat(s.breakdown()).extracting(b -> b.tag("method")).contains("POST", "PUT", "PATCH", "DELETE",
          "HEAD", "OPTIONS");
    }
  }

  @Test
  void redirectsAreFollowedAndEachHopIsRecorded() {
    try (var server = TargetServer.start()) {
      var finalUrl = new AtomicReference<String>();
      ScenarioResult s = once(server.url(), user -> finalUrl.set(user.http().get("/redirect/3")
          .check(status(200), bodyContains("ok")).url()));
      assertThat(finalUrl.get()).isEqualTo(server.url() + "/landed");
      assertThat(s.requests()).isEqualTo(4);
      assertThat(s.failedRequests()).isZero();
      List<Breakdown> rows = s.breakdown().stream().filter(b -> b.metric().equals("http.duration")).toList();
      assertThat(rows).extracting(b -> b.tag("url") + " " + b.tag("status") + " " + b.histogram().count())
          .containsExactlyInAnyOrder("/redirect/{id} 302 3", "/landed 200 1");
    }
  }

  @Test
  void tooManyRedirectsFail() {
    try (var server = TargetServer.start()) {
      ScenarioResult s = once(RunOptions.builder().baseUrl(server.url())
          .http(HttpOptions.defaults().maxRedirects(2)), user -> user.http().get("/redirect/5").send());
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("redirect");
        assertThat(e.message()).contains("more than 2 redirects");
      });
      assertThat(s.failedIterations()).isEqualTo(1);
    }
  }

  @Test
  void cookiesAreKeptPerUser() {
    try (var server = TargetServer.start()) {
      server.route("/login", exchange -> {
        exchange.getResponseHeaders().add("Set-Cookie", "session=abc123; Path=/; HttpOnly");
        TargetServer.send(exchange, 200, "welcome");
      });
      var cookieSeen = new AtomicReference<String>();
      server.route("/me", exchange -> {
        cookieSeen.set(exchange.getRequestHeaders().getFirst("Cookie"));
        TargetServer.send(exchange, 200, "me");
      });
      var stored = new AtomicReference<String>();
      once(server.url(), user -> {
        user.http().post("/login").check(status(200));
        user.http().get("/me").check(status(200));
        stored.set(user.http().cookie("/", "session"));
      });
      assertThat(cookieSeen.get()).isEqualTo("session=abc123");
      assertThat(stored.get()).isEqualTo("abc123");
    }
  }

  @Test
  void gzipBodiesAreDecoded() {
    try (var server = TargetServer.start()) {
      var text = new AtomicReference<String>();
      ScenarioResult s = once(server.url(), user -> text.set(user.http().get("/gzip")
          .check(status(200), jsonPath("$.compressed").is(true)).extract(jsonPath("$.text"))));
      assertThat(text.get()).isEqualTo("hello gzip");
      assertThat(s.failedRequests()).isZero();
    }
  }

  @Test
  void checksAndExtractionIntoUserVariables() {
    try (var server = TargetServer.start()) {
      server.route("/login", exchange -> {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.getResponseHeaders().add("X-Request-Id", "r-77");
        TargetServer.send(exchange, 200, "{\"token\":\"tok-1\",\"user\":{\"roles\":[\"a\",\"admin\"]},"
            + "\"csrf\":\"<input name=csrf value=9f8e>\"}");
      });
      var vars = new AtomicReference<Map<String, Object>>();
      ScenarioResult s = once(server.url(), user -> {
        HttpResponse r = user.http().post("/login").json(Map.of("user", "u" + user.id()))
            .check(status(200), header("content-type").contains("json"), jsonPath("$.user.roles[-1]").is("admin"),
                jsonPath("$..roles[0]").is("a"));
        r.extract(jsonPath("$.token"), "token");
        r.extract(header("X-Request-Id"), "requestId");
        r.extract(regex("value=(\\w+)"), "csrf");
        vars.set(user.vars());
      });
      assertThat(s.failedRequests()).isZero();
      assertThat(vars.get()).containsEntry("token", "tok-1").containsEntry("requestId", "r-77")
          .containsEntry("csrf", "9f8e");
    }
  }

  @Test
  void aFailedCheckFailsTheIterationAndIsRecordedAsCheck() {
    try (var server = TargetServer.start()) {
      var reachedAfter = new AtomicReference<Boolean>(false);
      ScenarioResult s = once(server.url(), user -> {
        user.http().get("/items").check(status(200), bodyContains("missing text"));
        reachedAfter.set(true);
      });
      assertThat(reachedAfter.get()).isFalse();
      assertThat(s.failedIterations()).isEqualTo(1);
      assertThat(s.failedRequests()).isEqualTo(1);
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("check");
        assertThat(e.message()).isEqualTo("body does not contain \"missing text\" (GET " + server.url() + "/items)");
        assertThat(e.tags()).containsEntry("url", "/items").containsEntry("method", "GET");
      });
    }
  }

  @Test
  void anExpectedErrorStatusCountsAsSuccess() {
    try (var server = TargetServer.start()) {
      ScenarioResult s = once(server.url(), user -> {
        user.http().get("/status/404").check(status(404));
        user.http().get("/status/500").send();
        user.http().get("/ok").check(status(200));
      });
      assertThat(s.requests()).isEqualTo(3);
      assertThat(s.failedRequests()).isEqualTo(1);
      assertThat(s.errors()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("status"));
      assertThat(s.failedIterations()).as("a failed request fails the iteration at its end").isEqualTo(1);
    }
  }

  @Test
  void missingExtractionIsACheckFailureWithTheBodyShown() {
    try (var server = TargetServer.start()) {
      ScenarioResult s = once(server.url(), user -> user.http().get("/ok").extract(jsonPath("$.token")));
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("check");
        assertThat(e.message()).contains("jsonPath $.token not found").contains("body: ok");
      });
    }
  }

  @Test
  void stepsTagRequestsAndAreTimed() {
    try (var server = TargetServer.start()) {
      ScenarioResult s = once(server.url(), user -> user.step("checkout", () -> {
        user.http().get("/delay/30").check(status(200));
        user.step("pay", () -> user.http().get("/ok").check(status(200)));
      }));
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("http.duration"))
          .extracting(b -> b.tag("step")).containsExactlyInAnyOrder("checkout", "checkout / pay");
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("step.duration"))
          .extracting(b -> b.tag("step")).containsExactlyInAnyOrder("checkout", "checkout / pay");
      Breakdown checkout = s.breakdown().stream()
          .filter(b -> b.metric().equals("step.duration") && b.tag("step").equals("checkout")).findFirst()
          .orElseThrow();
      assertThat(checkout.histogram().min()).isGreaterThanOrEqualTo(30.0);
    }
  }

  @Test
  void httpsWithASelfSignedCertificateNeedsTrustAll() throws Exception {
    HttpsServer https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    https.setHttpsConfigurator(new HttpsConfigurator(serverTls()));
    https.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    https.createContext("/", exchange -> TargetServer.send(exchange, 200, "secure"));
    https.start();
    try {
      String url = "https://localhost:" + https.getAddress().getPort();
      ScenarioResult verified = once(url, user -> user.http().get("/").check(status(200)));
      assertThat(verified.errors()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("tls"));

      var body = new AtomicReference<String>();
      ScenarioResult trusted = once(RunOptions.builder().baseUrl(url)
          .http(HttpOptions.defaults().trustAllCertificates(true)), user ->
          body.set(user.http().get("/").check(status(200)).body()));
      assertThat(trusted.failedRequests()).isZero();
      assertThat(body.get()).isEqualTo("secure");
      assertThat(trusted.metric("http.connect").count()).isEqualTo(1);
    } finally {
      https.stop(0);
    }
  }

  private static SSLContext serverTls() throws Exception {
    KeyStore ks = KeyStore.getInstance("PKCS12");
    try (InputStream in = HttpFeaturesTest.class.getResourceAsStream("/tls/selfsigned.p12")) {
      ks.load(in, "changeit".toCharArray());
    }
    KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    kmf.init(ks, "changeit".toCharArray());
    SSLContext ctx = SSLContext.getInstance("TLS");
    ctx.init(kmf.getKeyManagers(), null, null);
    return ctx;
  }

  @Test
  void keepAliveReusesOneConnectionPerUser() {
    try (var server = TargetServer.start()) {
      ScenarioResult s = LiveLoad.run(RunOptions.builder().baseUrl(server.url())
          .scenario("reuse", user -> user.http().get("/ok").check(status(200)), Load.iterations(3, 50))
          .build()).scenario("reuse");
      assertThat(s.requests()).isEqualTo(150);
      assertThat(s.metric("http.connect").count()).isEqualTo(3);
    }
  }

  @Test
  void responseTimeoutIsRecordedAsTimeout() {
    try (var server = TargetServer.start()) {
      RunResult r = LiveLoad.run(RunOptions.builder().baseUrl(server.url())
          .http(HttpOptions.defaults().responseTimeout(java.time.Duration.ofMillis(100)))
          .scenario("once", user -> user.http().get("/delay/1000").send(), Load.iterations(1, 1)).build());
      ScenarioResult s = r.scenario("once");
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("timeout");
        assertThat(e.message()).startsWith("no response within 100 ms");
      });
      // the timeout fires at 100 ms, late by at most one wake-up (what the generator reports about itself); 200 ms
      // allowed for closing the connection
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("http.duration") && "timeout".equals(b.tag("error")))
          .singleElement()
          .satisfies(b -> assertThat(b.histogram().max()).as(dev.liveload.GeneratorLateness.describe(r))
              .isBetween(100.0, 300.0 + dev.liveload.GeneratorLateness.worstCase(r)));
    }
  }
}
