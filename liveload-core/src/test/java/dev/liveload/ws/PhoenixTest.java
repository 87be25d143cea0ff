package dev.liveload.ws;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.result.Breakdown;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.PhoenixServer;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** The Phoenix channel helper against a small server speaking the Phoenix v2 protocol. */
class PhoenixTest {
  private static final int USERS = 3;
  private static final int ITERATIONS = 4;

  private static ScenarioResult run(PhoenixServer server, Scenario.Body body, Load load) {
    RunResult r = LiveLoad.run(RunOptions.builder().scenario("phx", body, load).baseUrl(server.httpUrl()).build());
    return r.scenario("phx");
  }

  @Test
  void usersJoinOncePushAwaitRepliesByRefAndHeartbeat() {
    try (var server = PhoenixServer.start().pingDelay(20)) {
      Set<String> leaked = ConcurrentHashMap.newKeySet();
      ScenarioResult s = run(server, user -> {
        user.set("nick", "u" + user.id());
        PhoenixSocket socket = Phoenix.connect(user, "/socket", PhoenixOptions.defaults()
            .param("user", "{{nick}}")
            .heartbeat(ofMillis(250))          // phoenix.js's 30 s, shortened; its timeout is one interval too
            .ws(WsOptions.defaults().keepAcrossIterations(true)));
        PhoenixChannel room = socket.join("room:lobby", Map.of("nick", "{{nick}}"));
        PhoenixMessage pong = room.push("ping", Map.of("n", user.iteration())).ok();
        if (!pong.jsonPath("$.response.pong").equals(Long.toString(user.iteration()))) {
          user.fail("pong for another ping: " + pong);
        }
        room.push("shout", Map.of("from", "{{nick}}")).ok();
        room.expect("shout", ofSeconds(2)).extract("$.from", "heard");
        user.think(ofMillis(300));
        socket.ws().drain().forEach(m -> {
          if (m.text().contains("\"phoenix\"")) {
            leaked.add(m.text());
          }
        });
        if (user.iteration() == ITERATIONS - 1) {
          room.leave();
        }
      }, Load.iterations(USERS, ITERATIONS));

      assertThat(s.errors()).isEmpty();
      assertThat(server.protocolErrors).isEmpty();
      assertThat(leaked).as("heartbeat replies that reached the scenario").isEmpty();
      assertThat(server.joins()).as("one join per user: the socket and channel are kept").isEqualTo(USERS);
      assertThat(server.pushes()).isEqualTo(USERS * ITERATIONS * 2L);
      assertThat(server.leaves()).isEqualTo(USERS);
      // each user lives at least 4 × 300 ms: at least 4 heartbeats each
      assertThat(server.heartbeats()).as("heartbeats while users think").isGreaterThanOrEqualTo(USERS * 4L);
      assertThat(server.connectQueries).containsExactlyInAnyOrder("user=u1&vsn=2.0.0", "user=u2&vsn=2.0.0",
          "user=u3&vsn=2.0.0");
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("ws.roundtrip"))
          .extracting(b -> b.tag("method") + " " + b.tag("url") + " " + b.histogram().count())
          .containsExactlyInAnyOrder("phx_join /socket/websocket " + USERS, "ping /socket/websocket "
              + USERS * ITERATIONS, "shout /socket/websocket " + USERS * ITERATIONS,
              "phx_leave /socket/websocket " + USERS);
      assertThat(s.breakdown()).filteredOn(b -> "ping".equals(b.tag("method")))
          .extracting(Breakdown::histogram).singleElement().satisfies(h -> assertThat(h.min()).isGreaterThanOrEqualTo(20.0));
      assertThat(s.count("ws.connections")).isEqualTo(USERS);
      // every frame either side sent, heartbeats included, was counted by the other
      assertThat(s.count("ws.frames.sent")).isEqualTo(server.framesReceived());
      assertThat(s.count("ws.frames.received")).isEqualTo(server.framesSent());
    }
  }

  @Test
  void aRefusedJoinAndAChannelErrorAreFailures() {
    try (var server = PhoenixServer.start()) {
      ScenarioResult refused = run(server, user -> Phoenix.connect(user, "/socket").join("room:forbidden"),
          Load.iterations(1, 1));
      assertThat(refused.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("ws_join");
        assertThat(e.message()).startsWith("join room:forbidden refused (error): {\"reason\":\"unauthorized\"}");
      });
      assertThat(refused.breakdown()).filteredOn(b -> "phx_join".equals(b.tag("method")))
          .singleElement().satisfies(b -> assertThat(b.tag("error")).isEqualTo("ws_join"));

      ScenarioResult crashed = run(server, user -> Phoenix.connect(user, "/socket").join("room:a").push("crash", null),
          Load.iterations(1, 1));
      assertThat(crashed.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("ws_closed");
        assertThat(e.message()).startsWith("channel room:a errored while waiting for the reply to crash on room:a");
      });
      assertThat(server.protocolErrors).isEmpty();
    }
  }

  @Test
  void anUnansweredHeartbeatClosesTheSocketAndIsCounted() {
    try (var server = PhoenixServer.start().answerHeartbeats(false)) {
      ScenarioResult s = run(server, user -> {
        PhoenixSocket socket = Phoenix.connect(user, "/socket", PhoenixOptions.defaults().heartbeat(ofMillis(100)));
        socket.join("room:b");
        user.think(ofMillis(500));
        if (socket.ws().isOpen()) {
          user.fail("the socket is still open");
        }
      }, Load.iterations(1, 1));
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("ws_timeout");
        assertThat(e.message()).matches("Phoenix heartbeat \\(ref \\d+\\) got no reply within 100 ms; the socket "
            + "was closed, as phoenix.js does \\(ws://.*\\)");
      });
      assertThat(server.heartbeats()).isEqualTo(1);
    }
  }
}
