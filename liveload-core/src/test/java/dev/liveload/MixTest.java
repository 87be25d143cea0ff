package dev.liveload;

import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.liveload.result.RunResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

class MixTest {

  private static RunResult mix(long seed, int users, int iterations, List<String> order) {
    return LiveLoad.run(RunOptions.builder()
        .population(Population.mix(Load.iterations(users, iterations))
            .with("buy", user -> order.add("buy"), 20)
            .with("bounce", user -> order.add("bounce"), 50)
            .with("browse", user -> order.add("browse"), 30))
        .seed(seed)
        .progress(Progress.none())
        .build());
  }

  @Test
  void weightsHoldOverAThousandIterations() {
    RunResult r = mix(42, 10, 100, Collections.synchronizedList(new ArrayList<>()));
    long total = r.total().iterations();
    assertThat(total).isEqualTo(1000);
    assertThat(r.scenarios()).extracting(s -> s.name()).containsExactly("buy", "bounce", "browse");
    assertThat(100.0 * r.scenario("buy").iterations() / total).isCloseTo(20, within(3.0));
    assertThat(100.0 * r.scenario("bounce").iterations() / total).isCloseTo(50, within(3.0));
    assertThat(100.0 * r.scenario("browse").iterations() / total).isCloseTo(30, within(3.0));
    assertThat(r.scenario("buy").load()).contains("mix, 20% of iterations");
  }

  @Test
  void theSameSeedMakesTheSameChoices() {
    var first = new ArrayList<String>();
    var second = new ArrayList<String>();
    var other = new ArrayList<String>();
    mix(7, 1, 200, first);
    mix(7, 1, 200, second);
    mix(8, 1, 200, other);
    assertThat(second).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }

  @Test
  void pacingStartsAnIterationEveryInterval() {
    var starts = Collections.synchronizedList(new ArrayList<Long>());
    RunResult r = LiveLoad.run(RunOptions.builder()
        .population(Population.of("paced", user -> starts.add(System.nanoTime()), Load.constant(1, ofSeconds(2)))
            .pacing(Duration.ofMillis(250)))
        .progress(Progress.none())
        .build());
    // the next start is due 250 ms after the last one and a wait is never early; it is late by at most one wake-up
    // of what the generator reports (plus a timer's 2 ms slack)
    double late = GeneratorLateness.worstCase(r) + 2;
    System.out.printf("%d starts; %s%n", starts.size(), GeneratorLateness.describe(r));
    // starts at 0, then every 250 ms (+ lateness), while the 2 s last
    assertThat(starts).hasSizeBetween(1 + (int) (1999 / (250 + late)), 1 + (int) ((2000 + late) / 250));
    // the engine stamps each start and the next is due 250 ms after it; the scenario's own stamp may come later by
    // a wake-up, so one gap may look shorter by as much as the one before it looked longer: each gap is 250 ms give
    // or take that, and all of them together are never short of 250 ms each but for the first stamp's lateness
    for (int i = 1; i < starts.size(); i++) {
      assertThat((starts.get(i) - starts.get(i - 1)) / 1e6).isBetween(250.0 - late, 250.0 + late);
    }
    assertThat((starts.get(starts.size() - 1) - starts.get(0)) / 1e6).as("all the gaps, ms")
        .isGreaterThanOrEqualTo(250.0 * (starts.size() - 1) - late);
  }

  @Test
  void drunkennessGivesEachUserItsOwnPace() {
    var perUser = Collections.synchronizedList(new ArrayList<Double>());
    RunResult r = LiveLoad.run(RunOptions.builder()
        .population(Population.of("drunk", user -> {
          long t = System.nanoTime();
          user.think(Duration.ofMillis(100));
          perUser.add((System.nanoTime() - t) / 1e6);
        }, Load.iterations(20, 1)).drunkenness(0.5))
        .seed(3)
        .progress(Progress.none())
        .build());
    // 0.5: each user thinks 0.5x to 1.5x the 100 ms written, never less, and late by at most the generator's
    // reported lateness plus a timer's 2 ms slack
    double late = GeneratorLateness.worstCase(r) + 2;
    System.out.printf("thinks %.1f..%.1f ms; %s%n", Collections.min(perUser), Collections.max(perUser),
        GeneratorLateness.describe(r));
    assertThat(perUser).hasSize(20).allSatisfy(ms -> assertThat(ms).isBetween(49.0, 150.0 + late));
    double spread = Collections.max(perUser) - Collections.min(perUser);
    assertThat(spread).as("users think for different times").isGreaterThan(30);
  }
}
