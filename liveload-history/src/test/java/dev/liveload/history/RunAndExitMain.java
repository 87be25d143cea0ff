package dev.liveload.history;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.testing.TargetServer;

/**
 * A {@code main} that gates a pipeline with {@link LiveLoad#runAndExit}: 2 users for 2 s against a target on loopback
 * whose {@code /pay} takes the given milliseconds. Argument: that delay.
 */
public final class RunAndExitMain {
  private RunAndExitMain() {}

  public static void main(String[] args) {
    int delay = Integer.parseInt(args[0]);
    try (var target = TargetServer.start().route("/pay", exchange -> {
      TargetServer.sleep(delay);
      TargetServer.send(exchange, 200, "paid");
    })) {
      LiveLoad.runAndExit(RunOptions.builder()
        .name("Shop.checkout")
        .scenario("Checkout", user -> {
          user.step("pay", () -> user.http().get("/pay").check(status(200)));
          user.think(ofMillis(20));
        }, Load.constant(2, ofSeconds(2)))
        .baseUrl(target.url())
        .progress(Progress.none())
        .build());
    }
  }
}
