package dev.liveload.browser.playwright;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.testkit.PageTarget;
import dev.liveload.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed action leaves a picture of the page, up to the run's budget. */
class FailureScreenshotTest {

  @Test
  void failuresKeepAtMostTheConfiguredNumberOfScreenshots(@TempDir Path dir) throws IOException {
    try (var target = PageTarget.start()) {
      // An action that fails at once (a button is not a checkbox), so that the action timeout, which also bounds
      // taking each picture, can stay long enough for a busy machine.
      RunResult r = LiveLoad.run(RunOptions.builder()
          .scenario("shots", user -> user.browser().navigate("/counter").check("#inc"), Load.iterations(1, 3))
          .baseUrl(target.url())
          .browser(BrowserOptions.defaults().actionTimeout(Duration.ofSeconds(10)).failureScreenshots(2)
              .screenshotDirectory(dir))
          .progress(Progress.none())
          .build());
      assertThat(r.scenario("shots").failedIterations()).isEqualTo(3);
      List<Path> pngs;
      try (Stream<Path> files = Files.list(dir)) {
        pngs = files.toList();
      }
      assertThat(pngs).hasSize(2).allSatisfy(p -> {
        assertThat(p.getFileName().toString()).startsWith("failure-user1-it").endsWith("-not_checkable.png");
        assertThat(Files.readAllBytes(p)).startsWith(0x89, 'P', 'N', 'G');
      });
    }
  }
}
