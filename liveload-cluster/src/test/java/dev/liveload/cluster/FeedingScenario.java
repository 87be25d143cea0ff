package dev.liveload.cluster;

import static dev.liveload.http.Http.status;

import dev.liveload.Scenario;
import dev.liveload.User;
import java.time.Duration;

/** Sends its feeder row's email to /feed and thinks 10 ms; runs on worker JVMs (it is on their class path). */
public final class FeedingScenario extends Scenario {
  @Override
  public void run(User user) {
    user.http().get("/feed?{{email}}").check(status(200));
    user.think(Duration.ofMillis(10));
  }
}
