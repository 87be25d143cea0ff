package dev.liveload.ws;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.GeneratorLateness;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunOptions;
import dev.liveload.result.Histogram;
import dev.liveload.result.Point;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.WsEchoServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Against a WebSocket echo target with a known 20 ms reply delay: the round trip reported is that delay plus
 * very little, and the frames and bytes counted match what the target counted.
 *
 * <p>The target records how long each reply really took from the message's arrival (it parks, then spins the
 * last 2 ms, because a timed wait on this kind of virtual machine wakes up to 2-3 ms late), so the overhead
 * asserted is LiveLoad's: the reported round trip minus what the target took.
 *
 * <p>Bounds: below, the target's known delay and what it really took (a reply cannot come sooner); above, the p75
 * of what the target took plus the p75 of how late the generator's threads woke, as it reports
 * ({@link GeneratorLateness}), plus LiveLoad's allowance ({@value #OVERHEAD_MS} ms): at most half the round trips can
 * exceed that. A busy machine widens the bound by the delay the generator measured on itself, and no more.
 */
class WsEchoTest {
  private static final int USERS = 4;
  private static final int HOLD_SECONDS = 5;
  private static final double OVERHEAD_MS = 3.0;

  private static RunResult echo(WsEchoServer server, int seconds) {
    // Users started 13 ms apart, so that they do not all send at the same instant.
    return LiveLoad.run(RunOptions.builder()
        .scenario("echo", user -> {
          WsSession ws = user.ws("/echo", WsOptions.defaults().keepAcrossIterations(true));
          String prefix = "u" + user.id() + "#" + user.iteration() + " ";
          ws.send(prefix + "{{random_string:8}}");
          ws.expect(Ws.regex("^" + prefix + "[A-Za-z0-9]{8}$"), ofSeconds(2));
        }, Load.rampUp(0, USERS, ofMillis(13 * USERS)).thenHold(ofSeconds(seconds)))
        .baseUrl(server.httpUrl())
        .build());
  }

  @Test
  void roundTripOfA20msEchoIsReportedWithin3msAndFramesMatchTheTarget() {
    try (var server = WsEchoServer.start(20)) {
      echo(server, 2); // warm the JIT
      server.serviceTimes();
      long framesIn = server.framesReceived();
      long framesOut = server.framesSent();
      long bytesIn = server.bytesReceived();
      long bytesOut = server.bytesSent();
      long connections = server.connections();

      RunResult result = echo(server, HOLD_SECONDS);
      var target = server.serviceTimes();
      ScenarioResult s = result.scenario("echo");
      Histogram h = s.metric("ws.roundtrip");
      double targetP50 = target.getValueAtPercentile(50) / 1000.0;
      double targetP99 = target.getValueAtPercentile(99) / 1000.0;
      double lagMax = GeneratorLateness.max(result);
      double p50Bound = target.getValueAtPercentile(75) / 1000.0 + GeneratorLateness.percentile(result, 75)
          + OVERHEAD_MS;
      // users send back to back: each round trip takes its reported time plus LiveLoad's part between two
      double minCount = USERS * HOLD_SECONDS * 1000.0 / (h.mean() + OVERHEAD_MS + lagMax) - USERS;
      System.out.printf("ws.roundtrip p50 %.3f p99 %.3f max %.3f mean %.3f ms over %d (at least %.0f); target took "
          + "p50 %.3f p99 %.3f ms; p50 bound %.3f ms%n", h.p50(), h.p99(), h.max(), h.mean(), h.count(), minCount,
          targetP50, targetP99, p50Bound);
      System.out.println(GeneratorLateness.describe(result));
      System.out.printf("frames sent %d (target received %d), received %d (target sent %d); bytes sent %d (%d), "
          + "received %d (%d)%n", s.count("ws.frames.sent"), server.framesReceived() - framesIn,
          s.count("ws.frames.received"), server.framesSent() - framesOut, s.count("ws.bytes.sent"),
          server.bytesReceived() - bytesIn, s.count("ws.bytes.received"), server.bytesSent() - bytesOut);

      assertThat(s.errors()).isEmpty();
      assertThat(h.count()).isGreaterThan((long) minCount).isEqualTo(s.iterations())
          .isEqualTo(s.count("ws.roundtrips")).isEqualTo(target.getTotalCount());
      assertThat(h.min()).as("min ms: the target never replies sooner").isGreaterThanOrEqualTo(20.0);
      // histogram figures are exact to 3 significant digits: 0.05 ms at 20 ms
      assertThat(h.p50() - targetP50).as("overhead at p50 beyond the target's own time, ms").isGreaterThan(-0.05);
      assertThat(h.p50()).as("p50 ms").isBetween(20.0, p50Bound);

      assertThat(s.count("ws.frames.sent")).isEqualTo(h.count()).isEqualTo(server.framesReceived() - framesIn);
      assertThat(s.count("ws.frames.received")).isEqualTo(server.framesSent() - framesOut);
      assertThat(s.count("ws.bytes.sent")).isEqualTo(server.bytesReceived() - bytesIn);
      assertThat(s.count("ws.bytes.received")).isEqualTo(server.bytesSent() - bytesOut);
      // one connection per user, kept across iterations
      assertThat(s.count("ws.connections")).isEqualTo(USERS).isEqualTo(server.connections() - connections);
      assertThat(s.metric("ws.connect").count()).isEqualTo(USERS);

      // the counters are in the time series too, interval by interval
      List<Point> points = s.timeSeries().points();
      assertThat(points.stream().mapToLong(p -> p.count("ws.frames.sent")).sum()).isEqualTo(s.count("ws.frames.sent"));
      assertThat(points.stream().mapToLong(p -> p.count("ws.bytes.received")).sum())
          .isEqualTo(s.count("ws.bytes.received"));
      assertThat(points.stream().filter(p -> p.count("ws.frames.received") > 0).count()).isGreaterThanOrEqualTo(5);
      assertThat(result.total().count("ws.frames.sent")).isEqualTo(s.count("ws.frames.sent"));
    }
  }

  @Test
  void connectionsNotKeptCloseWhenTheIterationEnds() throws InterruptedException {
    try (var server = WsEchoServer.start(1)) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario("short", user -> {
            WsSession ws = user.ws("/echo");
            ws.sendBinary(new byte[] {1, 2, 3, 4, 5});
            WsMessage m = ws.expect(Ws.any());
            assertThat(m.binary()).isTrue();
            assertThat(m.bytes()).containsExactly(1, 2, 3, 4, 5);
          }, Load.iterations(2, 3))
          .baseUrl(server.httpUrl())
          .build());
      ScenarioResult s = result.scenario("short");
      assertThat(s.errors()).isEmpty();
      assertThat(s.count("ws.connections")).isEqualTo(6);
      assertThat(server.connections()).isEqualTo(6);
      assertThat(server.awaitCloses(6, 5_000)).as("every connection closed").isTrue();
      assertThat(s.count("ws.frames.sent")).isEqualTo(6);
      assertThat(s.count("ws.bytes.sent")).isEqualTo(30).isEqualTo(server.bytesReceived());
      assertThat(s.count("ws.bytes.received")).isEqualTo(30).isEqualTo(server.bytesSent());
    }
  }
}
