package dev.liveload.cluster;

import static dev.liveload.http.Http.status;

import dev.liveload.Scenario;
import dev.liveload.User;
import java.time.Duration;

/** Requests /count and thinks 20 ms; runs on worker JVMs (it is on their class path). */
public final class CountingScenario extends Scenario {
  @Override
  public void run(User user) {
    user.http().get("/count").check(status(200));
    user.think(Duration.ofMillis(20));
  }
}
