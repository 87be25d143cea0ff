package dev.liveload.cluster;

import dev.liveload.Scenario;
import dev.liveload.User;
import java.time.Duration;

/** A browser user: opens the counter page, clicks, waits for the count; runs on worker JVMs. */
public final class BrowserCountingScenario extends Scenario {
  @Override
  public void run(User user) {
    user.browser().navigate("/counter?delay=20").click("#inc").waitForText("#count", "1");
    user.think(Duration.ofMillis(200));
  }
}
