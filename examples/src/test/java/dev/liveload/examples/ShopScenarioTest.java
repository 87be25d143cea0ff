package dev.liveload.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ShopScenarioTest {

  @Test
  void shoppersLogInOnceAndOnlyRecommendationsFail() {
    try (ShopApp app = ShopApp.start(Duration.ofMillis(2), 0.2)) {
      RunResult result = LiveLoad.run(RunOptions.builder()
          .scenario(ShopScenario.class, Load.iterations(5, 8))
          .baseUrl(app.url())
          .seed(1)
          .progress(Progress.none())
          .build());
      var s = result.scenario("ShopScenario");
      assertThat(result.run().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(s.iterations()).isEqualTo(40);
      // 5 logins + 40 × (products, product, cart, recommendations)
      assertThat(s.requests()).isEqualTo(5 + 40 * 4).isEqualTo(app.requests());
      assertThat(s.errors()).allSatisfy(e -> {
        assertThat(e.kind()).isEqualTo("status");
        assertThat(e.tags()).containsEntry("url", "/api/recommendations");
      });
      assertThat(s.failedRequests()).isEqualTo(s.failedIterations());
    }
  }
}
