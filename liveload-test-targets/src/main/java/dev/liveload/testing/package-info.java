/**
 * Target servers on 127.0.0.1 whose behaviour is known, so that a test can assert what a load generator reports
 * against what really happened: {@link dev.liveload.testing.TargetServer} (HTTP routes with fixed delays, status
 * codes, redirects, cookies, gzip; counts per path), {@link dev.liveload.testing.DelayServer} (one exact delay,
 * its own service times recorded), {@link dev.liveload.testing.RawHttpServer} (request lines byte for byte, chosen
 * connection closes), {@link dev.liveload.testing.WsEchoServer} (WebSocket echo after a delay) and
 * {@link dev.liveload.testing.PhoenixServer} (the Phoenix channel protocol); {@link dev.liveload.testing.Ports} for
 * a port nothing listens on. The jar also holds {@code results/v1-sample.json}, a checked-in
 * {@code liveload.result/v1} file that every reader of results must keep reading.
 *
 * <pre>{@code
 * try (TargetServer target = TargetServer.start()) {
 *   RunResult r = LiveLoad.run(RunOptions.builder()
 *       .scenario("get", user -> user.http().get("/delay/50").send(), Load.iterations(1, 10))
 *       .baseUrl(target.url())
 *       .build());
 *   assertThat(target.count("/delay/50")).isEqualTo(10);
 * }
 * }</pre>
 *
 * <p>Artifact {@code dev.liveload:liveload-test-targets} (a normal jar, no dependency on {@code liveload-core}); use
 * it with test scope. For tests, not production: every server binds 127.0.0.1 only. Stability: may change between
 * minor versions.
 *
 * @since 0.1
 */
package dev.liveload.testing;
