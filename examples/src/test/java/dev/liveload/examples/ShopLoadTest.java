package dev.liveload.examples;

import static dev.liveload.junit.LiveLoadAssertions.assertThat;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.liveload.Load;
import dev.liveload.RunOptions;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.data.Feeder;
import dev.liveload.junit.BaseUrl;
import dev.liveload.junit.LoadTest;
import dev.liveload.junit.Threshold;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** Load tests of the shop, as a project would write them: real users against the real (embedded) app. */
class ShopLoadTest {
  static ShopApp shop;

  @BeforeAll
  static void startShop() {
    shop = ShopApp.start(Duration.ofMillis(5), 0.05);
  }

  @AfterAll
  static void stopShop() {
    shop.close();
  }

  @BaseUrl
  static String shop() {
    return shop.url();
  }

  @LoadTest(scenario = ShopScenario.class, users = 10, duration = "3s", rampUp = "1s")
  @Threshold("p95(http.duration) < 200ms")
  @Threshold("p95(step:add to cart) < 200ms")
  @Threshold("error_ratio < 10%")
  void shoppersGetFastPages(RunResult result) {
    assertThat(result).completed();
    assertThat(result).scenario(ShopScenario.class).step("add to cart").p50().isLessThan(ofMillis(100));
    assertThat(result).scenario(ShopScenario.class).request("GET", "/api/products/{id}").p99()
        .isLessThan(ofSeconds(1));
    assertThat(result).scenario(ShopScenario.class).iterations().isGreaterThan(20);
  }

  @LoadTest(options = "steadyArrivals")
  @Threshold("count(dropped) == 0")
  @Threshold("p99(http.duration) < 500ms")
  void theCatalogueKeepsUpWithFiftyVisitsASecond(RunResult result) {
    assertThat(result).scenario("catalogue").throughput().isGreaterThan(40);
  }

  @LoadTest(options = "browserShoppers")
  @Threshold("error_ratio < 1%")
  @Threshold("p95(step:add to cart) < 2s")
  void shoppersInRealBrowsersSignInAndFillTheirCarts(RunResult result) {
    assertThat(result).completed();
    assertThat(result).scenario(BrowserShopper.class).step("sign in").p50().isLessThan(ofSeconds(1));
    assertThat(result).scenario(BrowserShopper.class).iterations().isEqualTo(9);
    ScenarioResult s = result.scenarios().get(0);
    Assertions.assertThat(s.failedIterations()).isZero();
    // measured in the page: its requests to the API, and its Web Vitals
    Assertions.assertThat(s.metrics()).containsKeys("browser.action.duration", "browser.request.duration",
        "webvital.fcp");
  }

  RunOptions.Builder browserShoppers() {
    return RunOptions.builder()
        .feeder("accounts", Feeder.of(List.of(Map.of("email", "ann@shop.test"), Map.of("email", "bob@shop.test"),
            Map.of("email", "cy@shop.test"))).uniquePerUser())
        // three iterations each rather than a few seconds: how many fit in a window depends on the machine
        .scenario(BrowserShopper.class, Load.iterations(3, 3))
        .browser(BrowserOptions.defaults().viewport(800, 600));
  }

  RunOptions.Builder steadyArrivals() {
    return RunOptions.builder()
        .scenario("catalogue", user -> user.http().get("/api/products").send(),
            Load.arrivalRate(50).perSecond().during(ofSeconds(3)));
  }
}
