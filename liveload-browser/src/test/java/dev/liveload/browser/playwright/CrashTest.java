package dev.liveload.browser.playwright;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.testkit.PageTarget;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Killing the browser in the middle of a run fails only the iterations it was serving; the run goes on. */
class CrashTest {

  /** Browser main processes started by this JVM: Playwright talks to them over {@code --remote-debugging-pipe}. */
  static List<ProcessHandle> browsers() {
    return ProcessHandle.current().descendants()
        .filter(p -> p.info().commandLine().map(c -> c.contains("--remote-debugging-pipe")).orElse(false))
        .toList();
  }

  private static String describe(List<ProcessHandle> ps) {
    return ps.stream().map(p -> p.pid() + " " + p.info().command().orElse("?")).toList().toString();
  }

  @Test
  void killingTheBrowserFailsTheIterationsItServedAndLaterOnesSucceed() throws Exception {
    var warmedUp = new CountDownLatch(6);
    var killed = new AtomicBoolean();
    var armed = new AtomicBoolean();
    var passedAfterKill = new AtomicInteger();
    try (var target = PageTarget.start()) {
      RunResult[] result = new RunResult[1];
      Thread run = Thread.ofPlatform().start(() -> result[0] = LiveLoad.run(RunOptions.builder()
          .scenario("crash", user -> {
            boolean afterKill = killed.get();
            // once the test is ready to kill, an iteration waits 3 s inside the page (the counter's own delay), so
            // the browser is surely serving it when the test kills the browser
            String delay = armed.get() && !afterKill ? "3000" : "20";
            var b = user.browser().navigate("/counter?delay=" + delay).click("#inc").waitForText("#count", "1");
            b.sync();
            warmedUp.countDown();
            if (afterKill) {
              passedAfterKill.incrementAndGet();
            }
            user.think(Duration.ofMillis(100));
          // a number of iterations, not a duration: on a busy machine the relaunch may take most of any fixed
          // window, and the iterations after the kill are what the test is about
          }, Load.iterations(3, 8).maxDuration(Duration.ofSeconds(120)))
          .baseUrl(target.url())
          .browser(BrowserOptions.defaults().actionTimeout(Duration.ofSeconds(5)).failureScreenshots(0))
          .gracefulStop(Duration.ofSeconds(10))
          .progress(Progress.none())
          .build()));
      assertThat(warmedUp.await(30, TimeUnit.SECONDS)).as("users ran a few iterations").isTrue();
      armed.set(true);
      // the page of a 3 s iteration was requested: its iteration is in the browser for the next 3 s
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (target.requests().stream().noneMatch(r -> r.contains("delay=3000"))) {
        assertThat(System.nanoTime()).as("an iteration opened the 3 s page").isLessThan(deadline);
        Thread.onSpinWait();
        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
      }
      List<ProcessHandle> before = browsers();
      assertThat(before).as("one browser for all users: " + describe(before)).hasSize(1);
      before.get(0).destroyForcibly();
      killed.set(true);
      run.join(180_000);
      ScenarioResult s = result[0].scenario("crash");
      assertThat(result[0].run().status()).isEqualTo(RunStatus.COMPLETED);
      assertThat(s.failedIterations()).as("the iterations the browser was serving").isBetween(1L, 6L);
      assertThat(s.errors()).allSatisfy(e -> assertThat(e.kind()).isIn("browser_crashed", "page_crashed"));
      assertThat(passedAfterKill.get()).as("iterations that passed on the relaunched browser").isGreaterThan(3);
      assertThat(s.iterations() - s.failedIterations()).isGreaterThan(passedAfterKill.get());
      assertThat(browsers()).as("the run closed its relaunched browser").isEmpty();
    }
  }
}
