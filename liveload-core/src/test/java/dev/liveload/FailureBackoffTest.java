package dev.liveload;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.browser.BrowserOptions;
import dev.liveload.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * Failed iterations keep the population's pace: pacing holds for them, and a user backs off after failures (by
 * default when it drives a browser), so an outage does not become a storm of retries. Bounds are lower bounds on the
 * gaps between iteration starts (a sleep is never early), or counts that follow from them.
 */
class FailureBackoffTest {
  private final Map<Integer, List<Long>> starts = new ConcurrentHashMap<>();

  private void started(User user) {
    starts.computeIfAbsent(user.id(), k -> java.util.Collections.synchronizedList(new ArrayList<>()))
        .add(System.nanoTime());
  }

  /** Gaps between one user's iteration starts, ms. */
  private List<Double> gaps(int user) {
    List<Long> s = starts.get(user);
    var out = new ArrayList<Double>();
    for (int i = 1; i < s.size(); i++) {
      out.add((s.get(i) - s.get(i - 1)) / 1e6);
    }
    return out;
  }

  private static RunResult run(Population p) {
    return LiveLoad.run(RunOptions.builder().population(p).progress(Progress.none()).build());
  }

  @Test
  void failedIterationsKeepThePacing() {
    RunResult r = run(Population.of("paced", user -> {
      started(user);
      user.fail("the target is down");
    }, Load.constant(2, ofSeconds(2))).pacing(ofMillis(400)).noFailureBackoff());
    assertThat(r.scenario("paced").failedIterations()).isBetween(2L, 12L);
    // the engine stamps each start and the next is due 400 ms after it; the scenario's own stamp may come later by
    // one wake-up (what the generator reports about itself), so a gap may look shorter by that much, but all of a
    // user's gaps together are never short of 400 ms each but for the first stamp's lateness
    double late = GeneratorLateness.worstCase(r);
    for (int user : starts.keySet()) {
      List<Double> g = gaps(user);
      assertThat(g).allSatisfy(gap -> assertThat(gap).isGreaterThanOrEqualTo(399.0 - late));
      assertThat(g.stream().mapToDouble(Double::doubleValue).sum()).as("all the gaps of user %d, ms", user)
          .isGreaterThanOrEqualTo(400.0 * g.size() - 1 - late);
    }
  }

  @Test
  void aUserBacksOffAfterFailuresInARowAndAPassedIterationStartsItOver() {
    RunResult r = run(Population.of("backoff", user -> {
      started(user);
      long i = user.iteration();
      if (i != 3) {
        user.fail("iteration " + i + " failed");
      }
    }, Load.iterations(1, 6)).failureBackoff(ofMillis(100), ofMillis(300)));
    assertThat(r.scenario("backoff").failedIterations()).isEqualTo(5);
    List<Double> g = gaps(starts.keySet().iterator().next());
    assertThat(g).hasSize(5);
    // failed, failed, failed: 100, 200, then 300 (at most); passed: at once; failed: 100 again
    assertThat(g.get(0)).isGreaterThanOrEqualTo(99.0);
    assertThat(g.get(1)).isGreaterThanOrEqualTo(199.0);
    assertThat(g.get(2)).isGreaterThanOrEqualTo(299.0);
    double lag = r.generator().schedulerLag().max();
    assertThat(g.get(2)).as("capped at max").isLessThan(400.0 + lag);
    assertThat(g.get(3)).as("after a passed iteration, at once").isLessThan(99.0 + lag);
    assertThat(g.get(4)).isGreaterThanOrEqualTo(99.0).isLessThan(199.0 + lag);
  }

  @Test
  void browserUsersBackOffByDefaultAndOthersDoNot() {
    // a browser user whose every iteration fails (the scripted connection fails #missing at once)
    RunResult browser = LiveLoad.run(RunOptions.builder()
        .scenario("browser", user -> {
          started(user);
          user.browser().click("#missing").sync();
        }, Load.constant(1, ofMillis(2500)))
        .baseUrl("http://127.0.0.1:9")
        .browser(BrowserOptions.defaults().connection("fake").failureScreenshots(0))
        .progress(Progress.none())
        .build());
    // 1 s after the first failure, 2 s after the second: starts at 0, 1 and 3 s, so two in 2.5 s
    assertThat(browser.scenario("browser").failedIterations()).isBetween(1L, 2L);
    assertThat(gaps(starts.keySet().iterator().next())).allSatisfy(g -> assertThat(g).isGreaterThanOrEqualTo(999.0));
    assertThat(browser.run().options().toString()).contains("failureBackoff=browser users PT1S doubling to PT10S");
    starts.clear();
    RunResult plain = run(Population.of("plain", user -> {
      started(user);
      user.fail("down");
    }, Load.constant(1, ofMillis(300))));
    assertThat(plain.scenario("plain").failedIterations()).as("no back-off without a browser").isGreaterThan(10);
  }

  @Test
  void theBackOffIsValidated() {
    assertThatThrownBy(() -> Population.of("p", user -> {}, Load.constant(1, ofSeconds(1)))
        .failureBackoff(ofSeconds(2), ofSeconds(1)))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("failureBackoff.max");
    assertThatThrownBy(() -> Population.of("p", user -> {}, Load.constant(1, ofSeconds(1)))
        .failureBackoff(ofSeconds(0), ofSeconds(1)))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("failureBackoff.first");
    assertThatThrownBy(() -> RunOptions.builder()
        .population(Population.of("p", user -> {}, Load.arrivalRate(1).perSecond().during(ofSeconds(1)))
            .failureBackoff(ofSeconds(1), ofSeconds(2)))
        .build())
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("only applies to closed models");
    assertThat(Population.Backoff.BROWSER_DEFAULT.after(0)).isZero();
    assertThat(Population.Backoff.BROWSER_DEFAULT.after(3)).isEqualTo(ofSeconds(4));
    assertThat(Population.Backoff.BROWSER_DEFAULT.after(30)).isEqualTo(ofSeconds(10));
  }
}
