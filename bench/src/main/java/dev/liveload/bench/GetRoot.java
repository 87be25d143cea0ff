package dev.liveload.bench;

import dev.liveload.Scenario;
import dev.liveload.User;

/** {@code GET /} as fast as it answers: the throughput scenario (a class, so workers can load it). */
public final class GetRoot extends Scenario {
  @Override
  public void run(User user) {
    user.http().get("/").send();
  }
}
