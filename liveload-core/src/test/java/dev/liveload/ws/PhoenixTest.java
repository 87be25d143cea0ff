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
  private static final long THINK_MILLIS = 600;

  private static ScenarioResult run(PhoenixServer server, Scenario.Body body, Load load) {
    return runResult(server, body, load).scenario("phx");
  }

  private static RunResult runResult(PhoenixServer server, Scenario.Body body, Load load) {
    return LiveLoad.run(RunOptions.builder().scenario("phx", body, load).baseUrl(server.httpUrl()).build());
  }

  @Test
  void usersJoinOncePushAwaitRepliesByRefAndHeartbeat() {
    try (var server = PhoenixServer.start().pingDelay(20)) {
      Set<String> leaked = ConcurrentHashMap.newKeySet();
      RunResult r = runResult(server, user -> {
        user.set("nick", "u" + user.id());
        PhoenixSocket socket = Phoenix.connect(user, "/socket", PhoenixOptions.defaults()
            .param("user", "{{nick}}")
            // phoenix.js's 30 s, shortened; its timeout is one interval too, so the server's 20 ms reply may be
            // late by 480 ms (a busy machine) before the socket is closed
            .heartbeat(ofMillis(500))
            .ws(WsOptions.defaults().keepAcrossIterations(true)));
        PhoenixChannel room = socket.join("room:lobby", Map.of("nick", "{{nick}}"));
        PhoenixMessage pong = room.push("ping", Map.of("n", user.iteration())).ok();
        if (!pong.jsonPath("$.response.pong").equals(Long.toString(user.iteration()))) {
          user.fail("pong for another ping: " + pong);
        }
        room.push("shout", Map.of("from", "{{nick}}")).ok();
        room.expect("shout", ofSeconds(2)).extract("$.from", "heard");
        user.think(ofMillis(THINK_MILLIS));
        socket.ws().drain().forEach(m -> {
          if (m.text().contains("\"phoenix\"")) {
            leaked.add(m.text());
          }
        });
        if (user.iteration() == ITERATIONS - 1) {
          room.leave();
        }
      }, Load.iterations(USERS, ITERATIONS));
      ScenarioResult s = r.scenario("phx");
      double late = dev.liveload.GeneratorLateness.worstCase(r);
      System.out.printf("heartbeats %d; %s%n", server.heartbeats(), dev.liveload.GeneratorLateness.describe(r));

      if (20 + late < 500) {
        assertThat(s.errors()).isEmpty();
      } else { // the generator says it woke too late for some heartbeat replies: only those may fail
        assertThat(s.errors()).allSatisfy(e -> assertThat(e.message()).contains("heartbeat"));
      }
      assertThat(server.protocolErrors).isEmpty();
      assertThat(leaked).as("heartbeat replies that reached the scenario").isEmpty();
      assertThat(server.joins()).as("one join per user: the socket and channel are kept").isEqualTo(USERS);
      assertThat(server.pushes()).isEqualTo(USERS * ITERATIONS * 2L);
      assertThat(server.leaves()).isEqualTo(USERS);
      // each user lives at least 4 × 600 ms, and sends a heartbeat every 500 ms, late by at most one wake-up of
      // what the generator reports: at least 4 each on a machine that is not very busy
      long each = (long) (ITERATIONS * THINK_MILLIS / (500 + late));
      assertThat(server.heartbeats()).as("heartbeats while users think").isGreaterThanOrEqualTo(USERS * each);
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
      // the heartbeat goes at 500 ms and its timeout ends at 1 s: the join's reply has long come, unless the
      // machine held the server or the user for 500 ms (then the socket closes while the join waits: that is
      // counted too, as ws_closed with the same cause)
      RunResult r = runResult(server, user -> {
        PhoenixSocket socket = Phoenix.connect(user, "/socket", PhoenixOptions.defaults().heartbeat(ofMillis(500)));
        socket.join("room:b");
        user.think(ofMillis(1500));
        if (socket.ws().isOpen()) {
          user.fail("the socket is still open");
        }
      }, Load.iterations(1, 1));
      ScenarioResult s = r.scenario("phx");
      boolean onTime = dev.liveload.GeneratorLateness.worstCase(r) < 400;
      assertThat(s.errors()).singleElement().satisfies(e -> {
        if (onTime) {
          assertThat(e.kind()).isEqualTo("ws_timeout");
        } else {
          assertThat(e.kind()).isIn("ws_timeout", "ws_closed");
        }
        assertThat(e.message()).matches("(.*: )?Phoenix heartbeat \\(ref \\d+\\) got no reply within 500 ms; the "
            + "socket was closed, as phoenix.js does \\(ws://.*\\)");
      });
      assertThat(server.heartbeats()).isEqualTo(1);
    }
  }

}
