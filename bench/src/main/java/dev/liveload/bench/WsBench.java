package dev.liveload.bench;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.result.RunResult;
import dev.liveload.ws.Ws;
import dev.liveload.ws.WsOptions;
import dev.liveload.ws.WsSession;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;

/**
 * What a WebSocket user costs the generator: {@code WsBench [users] [holdSeconds]} ramps that many users, each
 * holding one kept connection to an in-process Java-WebSocket echo server and echoing one message per second,
 * then samples, mid-hold, the JVM's platform threads named by Java-WebSocket's client, the process's resident
 * memory and the heap after a GC, against the same figures before the run. The resident memory includes the echo
 * server's per-connection state (same process), so it is an upper bound for the client alone.
 */
public final class WsBench {
  private WsBench() {}

  public static void main(String[] args) throws Exception {
    int users = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int hold = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    var server = new Echo();
    server.start();
    server.started.await(10, TimeUnit.SECONDS);
    Snapshot before = Snapshot.take();
    var during = new Snapshot[1];
    Thread sampler = Thread.ofPlatform().daemon().start(() -> {
      try {
        Thread.sleep(Duration.ofSeconds(users / 100 + hold / 2 + 1));
        during[0] = Snapshot.take();
      } catch (InterruptedException e) {
        // run over
      }
    });
    RunResult r = LiveLoad.run(RunOptions.builder()
        .scenario("ws", user -> {
          WsSession ws = user.ws("/echo", WsOptions.defaults().keepAcrossIterations(true));
          ws.send("ping " + user.iteration());
          ws.expect(Ws.exact("ping " + user.iteration()), Duration.ofSeconds(5));
          user.think(Duration.ofSeconds(1));
        }, Load.rampUp(0, users, Duration.ofSeconds(users / 100 + 1)).thenHold(Duration.ofSeconds(hold)))
        .baseUrl("http://127.0.0.1:" + server.getPort())
        .progress(Progress.none())
        .build());
    sampler.join();
    server.stop(1000);
    Snapshot mid = during[0];
    var s = r.total();
    var h = s.metric("ws.roundtrip");
    System.out.printf(Locale.ROOT, "%d users, %d connections opened, %d failed iterations%n", users,
        s.count("ws.connections"), s.failedIterations());
    System.out.printf(Locale.ROOT, "Java-WebSocket client threads: %d before, %d mid-hold = %.2f per connection%n",
        before.wsThreads, mid.wsThreads, (mid.wsThreads - before.wsThreads) / (double) users);
    System.out.printf(Locale.ROOT, "platform threads in the JVM: %d before, %d mid-hold%n", before.threads,
        mid.threads);
    System.out.printf(Locale.ROOT, "resident memory (client and echo server): %d MB before, %d MB mid-hold = %.0f KB "
        + "per connection%n", before.rssKb / 1024, mid.rssKb / 1024, (mid.rssKb - before.rssKb) / (double) users);
    System.out.printf(Locale.ROOT, "heap after GC: %d MB before, %d MB mid-hold = %.1f KB per connection%n",
        before.heapKb / 1024, mid.heapKb / 1024, (mid.heapKb - before.heapKb) / (double) users);
    System.out.printf(Locale.ROOT, "ws.roundtrip p50 %.2f p99 %.2f ms over %d; generator CPU mean %.0f%% of one core%n",
        h.p50(), h.p99(), h.count(), r.generator().cpuMeanPercent());
  }

  private record Snapshot(int wsThreads, int threads, long rssKb, long heapKb) {
    static Snapshot take() {
      int ws = 0;
      for (Thread t : Thread.getAllStackTraces().keySet()) {
        if (t.getName().startsWith("WebSocketConnectReadThread") || t.getName().startsWith("WebSocketWriteThread")) {
          ws++;
        }
      }
      System.gc();
      long heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / 1024;
      return new Snapshot(ws, ManagementFactory.getThreadMXBean().getThreadCount(), rss(), heap);
    }

    private static long rss() {
      try {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
          if (line.startsWith("VmRSS:")) {
            return Long.parseLong(line.replaceAll("[^0-9]", ""));
          }
        }
      } catch (IOException | NumberFormatException e) {
        // not Linux
      }
      return -1;
    }
  }

  private static final class Echo extends WebSocketServer {
    final CountDownLatch started = new CountDownLatch(1);

    Echo() {
      super(new InetSocketAddress("127.0.0.1", 0), 2);
      setReuseAddr(true);
      setTcpNoDelay(true);
      setConnectionLostTimeout(0);
      setDaemon(true);
    }

    @Override
    public void onOpen(WebSocket conn, ClientHandshake handshake) {}

    @Override
    public void onClose(WebSocket conn, int code, String reason, boolean remote) {}

    @Override
    public void onMessage(WebSocket conn, String message) {
      conn.send(message);
    }

    @Override
    public void onError(WebSocket conn, Exception ex) {}

    @Override
    public void onStart() {
      started.countDown();
    }
  }
}
