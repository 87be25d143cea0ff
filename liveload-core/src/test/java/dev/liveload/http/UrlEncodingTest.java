package dev.liveload.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.internal.http.UrlEncoding;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.RawHttpServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hand-written URLs go out as browsers and curl send them: UTF-8 percent-encoded where they must be, without the
 * fragment; what cannot be a URL fails before anything is sent. Checked on the request line a raw socket received.
 */
class UrlEncodingTest {

  private static RunResult once(RawHttpServer server, Scenario.Body body) {
    return LiveLoad.run(RunOptions.builder().baseUrl(server.url()).progress(Progress.none())
        .scenario("urls", body, Load.iterations(1, 1)).build());
  }

  @Test
  void handWrittenUrlsAreEncodedAndTheFragmentStaysHome() {
    try (var server = RawHttpServer.start()) {
      RunResult r = once(server, user -> {
        var http = user.http();
        http.get("/anything/é?q=ü#frag").send();
        http.get("/a b").send();
        http.get(server.url() + "/abs/ß?x=1 2&y=\"<>\"").send();
        http.get("/already%20encoded/%C3%A9?q=100%").send();
        http.get("/keep/(this);a=b,c:d@e!$'*+~?sort=a,b&f[]=1").send();
        user.set("who", "Zoë Ann");
        http.get("/users/{{who}}").send();
        http.get("/emoji/\uD83D\uDE00").send();
      });
      assertThat(r.scenario("urls").failedRequests()).isZero();
      assertThat(server.lines()).containsExactly(
          "GET /anything/%C3%A9?q=%C3%BC HTTP/1.1",
          "GET /a%20b HTTP/1.1",
          "GET /abs/%C3%9F?x=1%202&y=%22%3C%3E%22 HTTP/1.1",
          "GET /already%20encoded/%C3%A9?q=100%25 HTTP/1.1",
          "GET /keep/(this);a=b,c:d@e!$'*+~?sort=a,b&f%5B%5D=1 HTTP/1.1",
          "GET /users/Zo%C3%AB%20Ann HTTP/1.1",
          "GET /emoji/%F0%9F%98%80 HTTP/1.1");
    }
  }

  @Test
  void whatCannotBeAUrlFailsItsIterationBeforeAnythingIsSent() {
    try (var server = RawHttpServer.start()) {
      RunResult r = LiveLoad.run(RunOptions.builder().baseUrl(server.url()).progress(Progress.none())
          .scenario("bad", user -> {
            switch ((int) user.iteration()) {
              case 0 -> user.http().get("/a\r\nX-Injected: 1").send();
              case 1 -> user.http().get("http://127.0.0.1:99999/x").send();
              case 2 -> user.http().get("http:///nohost").send();
              default -> user.http().get("/fine").send();
            }
          }, Load.iterations(1, 4)).build());
      ScenarioResult s = r.scenario("bad");
      assertThat(r.run().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(server.lines()).containsExactly("GET /fine HTTP/1.1");
      assertThat(s.requests()).isEqualTo(1);
      assertThat(s.failedIterations()).isEqualTo(3);
      assertThat(s.errors()).allSatisfy(e -> assertThat(e.kind()).isEqualTo("url"));
      assertThat(s.errors()).extracting(e -> e.message()).containsExactlyInAnyOrder(
          "invalid URL /a\r\nX-Injected: 1: it contains a control character (a carriage return) at position 3",
          "invalid URL http://127.0.0.1:99999/x: the port 99999 is out of range: ports are 1 to 65535",
          "invalid URL http:///nohost: it has no host");
    }
  }

  @Test
  void normalizingLeavesCleanUrlsAloneAndExplainsRejections() {
    String clean = "/api/v1/items?limit=10&sort=-created";
    assertThat(UrlEncoding.normalize(clean)).isSameAs(clean);
    assertThat(UrlEncoding.normalize("  /trimmed  ")).isEqualTo("/trimmed");
    assertThat(UrlEncoding.normalize("/next page?q=é#top")).isEqualTo("/next%20page?q=%C3%A9"); // a Location too
    assertThat(UrlEncoding.normalize("http://bücher.example/x")).isEqualTo("http://xn--bcher-kva.example/x");
    assertThat(UrlEncoding.normalize("http://[::1]:8080/x y")).isEqualTo("http://[::1]:8080/x%20y");
    for (var bad : List.of(List.of("", "it is empty"), List.of("http://h:0/", "ports are 1 to 65535"),
        List.of("http://h:8o/", "the port '8o' is not a number"), List.of("ftp://h/x", "only http and https"),
        List.of("http://a b/", "the host 'a b' contains"), List.of("http:x", "needs '//' and a host"))) {
      assertThatThrownBy(() -> UrlEncoding.normalize(bad.get(0))).hasMessageContaining(bad.get(1));
    }
    assertThat(UrlEncoding.normalizeWebSocket("ws://h:1/s ocket")).isEqualTo("ws://h:1/s%20ocket");
  }
}
