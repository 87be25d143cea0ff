package com.example;

import static dev.liveload.http.Http.status;
import static dev.liveload.junit.LiveLoadAssertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.liveload.Scenario;
import dev.liveload.User;
import dev.liveload.junit.BaseUrl;
import dev.liveload.junit.LoadTest;
import dev.liveload.junit.Threshold;
import dev.liveload.result.RunResult;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Load tests as a user writes them, against a server the test starts on 127.0.0.1. */
class ShopLoadTest {
  static HttpServer shop;

  /** A shopper who looks at the products; each answer takes about 5 ms. */
  public static final class Browse extends Scenario {
    @Override
    public void run(User user) {
      user.http().get("/products").check(status(200));
    }
  }

  @BeforeAll
  static void startShop() throws Exception {
    shop = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    shop.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    shop.createContext("/products", exchange -> {
      try {
        Thread.sleep(5);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      byte[] body = "[{\"sku\":7}]".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    shop.start();
  }

  @AfterAll
  static void stopShop() {
    shop.stop(0);
  }

  @BaseUrl
  static String shop() {
    return "http://127.0.0.1:" + shop.getAddress().getPort();
  }

  @LoadTest(scenario = Browse.class, users = 2, duration = "1s")
  @Threshold("error_ratio < 1%")
  @Threshold("p95(http.duration) < 2s")
  void browsingHoldsUp(RunResult result) {
    assertThat(result).completed().passedThresholds();
    assertThat(result).scenario(Browse.class).errorRatio().isLessThan(0.01);
  }

  /** Fails twice: its threshold and its own assertion. */
  @LoadTest(scenario = Browse.class, users = 2, duration = "1s")
  @Threshold("p95(http.duration) < 1ms")
  void browsingIsFasterThanTheServer(RunResult result) {
    assertThat(result).scenario(Browse.class).latency().p95().isLessThan(Duration.ofMillis(1));
  }
}
