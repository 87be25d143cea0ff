package dev.liveload.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.RawHttpServer;
import dev.liveload.testing.RawHttpServer.Action;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A kept-alive connection that fails under a request is retried only where that is safe (idempotent methods, an
 * {@code Idempotency-Key}, or a connection found closed before anything was sent), and every retry is counted in
 * the result ({@code http.retries}).
 */
class ConnectionRetryTest {

  private static ScenarioResult once(RawHttpServer server, Scenario.Body body) {
    RunResult r = LiveLoad.run(RunOptions.builder().baseUrl(server.url()).progress(Progress.none())
        .scenario("retry", body, Load.iterations(1, 1)).build());
    return r.scenario("retry");
  }

  /** Answers the first request on each connection; closes the connection after reading the second. */
  private static Action secondRequestDropped(RawHttpServer.Request r) {
    return r.onConnection() >= 2 ? Action.CLOSE_WITHOUT_RESPONSE : Action.RESPOND;
  }

  @Test
  void aPostOnAConnectionClosedUnderItFailsAndIsNotSentAgain() {
    try (var server = RawHttpServer.start(ConnectionRetryTest::secondRequestDropped)) {
      ScenarioResult s = once(server, user -> {
        user.http().get("/first").send();
        user.http().post("/orders").json("{\"sku\":1}").send();
      });
      assertThat(server.lines()).containsExactly("GET /first HTTP/1.1", "POST /orders HTTP/1.1");
      assertThat(s.requests()).isEqualTo(2);
      assertThat(s.failedRequests()).isEqualTo(1);
      assertThat(s.count("http.retries")).isZero();
      assertThat(s.errors()).singleElement().satisfies(e -> {
        assertThat(e.kind()).isEqualTo("io");
        assertThat(e.message()).contains("not retried: POST is not idempotent and the server may have received it")
            .contains("(POST " + server.url() + "/orders)");
      });
    }
  }

  @Test
  void idempotentRequestsAreSentOnceMoreOnANewConnectionAndCounted() {
    try (var server = RawHttpServer.start(ConnectionRetryTest::secondRequestDropped)) {
      ScenarioResult s = once(server, user -> {
        user.http().get("/first").send();
        user.http().get("/again").send();       // dropped on connection 1, answered on connection 2
        user.http().put("/item").body("x", "text/plain").send(); // dropped on connection 2, answered on 3
        user.http().post("/pay").header("Idempotency-Key", "k-1").body("y", "text/plain").send();
      });
      assertThat(server.lines()).containsExactly("GET /first HTTP/1.1", "GET /again HTTP/1.1", "GET /again HTTP/1.1",
          "PUT /item HTTP/1.1", "PUT /item HTTP/1.1", "POST /pay HTTP/1.1", "POST /pay HTTP/1.1");
      assertThat(server.connections()).isEqualTo(4);
      assertThat(s.requests()).isEqualTo(4);
      assertThat(s.failedRequests()).isZero();
      assertThat(s.count("http.retries")).isEqualTo(3);
    }
  }

  @Test
  void aPostAfterTheServerClosedTheIdleConnectionGoesOnANewOne() throws Exception {
    var closed = new CountDownLatch(1);
    try (var server = RawHttpServer.start(r -> Action.RESPOND_THEN_CLOSE).onClose(closed::countDown)) {
      ScenarioResult s = once(server, user -> {
        user.http().get("/first").send();
        // the server closed the connection it said it would keep; the user waits for that, then thinks
        if (!closed.await(10, TimeUnit.SECONDS)) {
          throw new IllegalStateException("the server never closed the connection");
        }
        user.think(Duration.ofMillis(300));
        user.http().post("/orders").body("z", "text/plain").send();
      });
      assertThat(server.lines()).containsExactly("GET /first HTTP/1.1", "POST /orders HTTP/1.1");
      assertThat(server.connections()).isEqualTo(2);
      assertThat(s.failedRequests()).isZero();
      assertThat(s.count("http.retries")).isZero();
    }
  }
}
