package dev.liveload.cluster;

import static dev.liveload.http.Http.status;

import dev.liveload.Scenario;
import dev.liveload.User;

/** Passes the "rate" throttle, then requests /throttled. */
public final class ThrottledScenario extends Scenario {
  @Override
  public void run(User user) {
    user.throttle("rate");
    user.http().get("/throttled").check(status(200));
  }
}
