package dev.liveload.ws;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.GeneratorLateness;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.result.Breakdown;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.Ports;
import dev.liveload.testing.WsEchoServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** The WebSocket DSL against a real Java-WebSocket server: features on the wire, and each failure kind. */
class WsFeaturesTest {

  private static ScenarioResult once(WsEchoServer server, Scenario.Body body) {
    RunResult r = LiveLoad.run(RunOptions.builder().scenario("ws", body, Load.iterations(1, 1))
        .baseUrl(server.httpUrl()).build());
    assertThat(r.run().status()).isEqualTo(RunStatus.COMPLETED);
    return r.scenario("ws");
  }

  @Test
  void headersSubprotocolTemplatesAndExtraction() {
    try (var server = WsEchoServer.start(0)) {
      var seen = new CopyOnWriteArrayList<String>();
      ScenarioResult s = once(server, user -> {
        user.set("token", "t-42");
        user.set("room", "7");
        WsSession ws = user.ws("/echo/{{room}}?since={{timestamp}}", WsOptions.defaults()
            .header("Authorization", "Bearer {{token}}").subprotocols("chat.v2", "chat.v1"));
        seen.add(ws.subprotocol());
        seen.add(ws.url());
        ws.sendJson(Map.of("who", "{{token}}", "quote", "say \"hi\""));
        WsMessage m = ws.expect(Ws.jsonPath("$.who").is("t-42"));
        seen.add(m.extract(Ws.jsonPath("$.quote"), "quote"));
        seen.add(user.get("quote"));
        m.check(Ws.jsonPath("$.who").matches("t-\\d+"), Ws.contains("who"));
      });
      assertThat(s.errors()).isEmpty();
      assertThat(seen.get(0)).isEqualTo("chat.v1");
      assertThat(seen.get(1)).startsWith(server.url() + "/echo/7?since=");
      assertThat(seen.subList(2, 4)).containsExactly("say \"hi\"", "say \"hi\"");
      assertThat(server.handshakes.get(1L)).containsEntry("authorization", "Bearer t-42")
          .containsEntry("sec-websocket-protocol", "chat.v2, chat.v1");
      // reported by the URL as written, without the query
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("ws.roundtrip")).extracting(b -> b.tag("url"))
          .containsExactly("/echo/{room}");
    }
  }

  @Test
  void expectTakesTheFirstMatchAndLeavesTheOthersBuffered() {
    try (var server = WsEchoServer.start(0)) {
      var seen = new CopyOnWriteArrayList<String>();
      ScenarioResult s = once(server, user -> {
        WsSession ws = user.ws("/push");                        // the server sends hello 1, 2, 3 at once
        seen.add(ws.expect(Ws.exact("hello 2")).text());
        seen.add(ws.expect(Ws.regex("hello (\\d)")).extract(Ws.regex("hello (\\d)")));
        ws.send("ping");
        ws.expect(Ws.exact("ping"));
        ws.drain().forEach(m -> seen.add("drained " + m.text()));
      });
      assertThat(s.errors()).isEmpty();
      assertThat(seen).containsExactly("hello 2", "1", "drained hello 3");
      // the expects after no send are not round trips; the one after "ping" is
      assertThat(s.metric("ws.roundtrip").count()).isEqualTo(1);
    }
  }

  @Test
  void failuresAreRecordedWithTheirKind() {
    try (var server = WsEchoServer.start(0)) {
      int closed = Ports.closed();
      List<Scenario.Body> bodies = List.of(
          user -> user.ws("ws://127.0.0.1:" + closed + "/x"),
          user -> user.ws("/reject"),
          user -> user.ws("/silent").send("anyone?").expect(Ws.any(), ofMillis(200)),
          user -> user.ws("/close").send("bye").expect(Ws.any(), ofSeconds(5)),
          user -> user.ws("/echo").send("a").expect(Ws.any()).check(Ws.exact("b")),
          user -> user.ws("/echo").send("{}").expect(Ws.any()).extract(Ws.jsonPath("$.missing")));
      var results = new java.util.ArrayList<ScenarioResult>();
      for (Scenario.Body body : bodies) {
        results.add(once(server, body));
      }
      assertThat(results).extracting(r -> r.errors().get(0).kind())
          .containsExactly("ws_connect", "ws_connect", "ws_timeout", "ws_closed", "check", "check");
      assertThat(results.get(0).errors().get(0).message()).startsWith("could not connect: ConnectException");
      assertThat(results.get(1).errors().get(0).message()).startsWith("the server refused the WebSocket handshake: HTTP/1.1 404");
      assertThat(results.get(2).errors().get(0).message())
          .isEqualTo("waited 200 ms for any message, none came (" + server.url() + "/silent)");
      assertThat(results.get(3).errors().get(0).message()).contains("closed by the server: code 1011 target closes");
      assertThat(results.get(4).errors().get(0).message()).isEqualTo("message \"a\" is not text \"b\" ("
          + server.url() + "/echo)");
      assertThat(results.get(5).errors().get(0).message()).startsWith("jsonPath $.missing not found in message \"{}\"");
      assertThat(results).allSatisfy(r -> assertThat(r.failedIterations()).isEqualTo(1));
      // a connect that failed is a failed ws.connect sample; a round trip that timed out is a failed one
      assertThat(results.get(0).count("ws.connections.failed")).isEqualTo(1);
      assertThat(results.get(2).breakdown()).filteredOn(b -> b.metric().equals("ws.roundtrip"))
          .extracting(Breakdown::tags).singleElement().satisfies(t -> assertThat(t).containsEntry("error",
              "ws_timeout"));
    }
  }

  @Test
  void theIterationTimeoutAndTheEndOfTheRunWakeAWaitingExpect() {
    try (var server = WsEchoServer.start(0)) {
      long start = System.nanoTime();
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("waits", user -> user.ws("/silent").send("hello?").expect(Ws.any(), ofSeconds(60)),
              Load.iterations(2, 1))
          .iterationTimeout(ofMillis(300))
          .baseUrl(server.httpUrl()).build());
      ScenarioResult s = r.scenario("waits");
      // woken by the 300 ms timeout, not the expect's 60 s: late by at most one wake-up (what the generator
      // reports about itself); 1 s allowed for connecting and closing
      System.out.printf("timed out run %d ms (%d ms with setup); %s%n", r.run().durationMillis(),
          (System.nanoTime() - start) / 1_000_000, GeneratorLateness.describe(r));
      assertThat(r.run().durationMillis()).isLessThan((long) (300 + 1_000 + GeneratorLateness.worstCase(r)));
      assertThat(s.failedIterations()).isEqualTo(2);
      assertThat(s.errors()).singleElement().satisfies(e -> assertThat(e.kind()).isEqualTo("iteration_timeout"));
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("ws.roundtrip"))
          .allSatisfy(b -> assertThat(b.tag("error")).isEqualTo("iteration_timeout"));

      start = System.nanoTime();
      r = LiveLoad.run(RunOptions.builder()
          .scenario("stuck", user -> user.ws("/silent").send("hello?").expect(Ws.any(), ofSeconds(60)),
              Load.constant(2, ofMillis(300)))
          .gracefulStop(ofMillis(200))
          .baseUrl(server.httpUrl()).build());
      // the end of the run (300 ms) and its 200 ms grace wake the expect, not its 60 s
      System.out.printf("stuck run %d ms (%d ms with setup); %s%n", r.run().durationMillis(),
          (System.nanoTime() - start) / 1_000_000, GeneratorLateness.describe(r));
      assertThat(r.run().durationMillis()).isLessThan((long) (300 + 200 + 1_000 + GeneratorLateness.worstCase(r)));
      assertThat(r.scenario("stuck").count("iterations.interrupted")).isEqualTo(2);
      assertThat(r.run().status()).isEqualTo(RunStatus.COMPLETED);
    }
  }
}
