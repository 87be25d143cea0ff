package dev.liveload.internal.engine;

import dev.liveload.Population;
import dev.liveload.Scenario;
import dev.liveload.internal.metrics.ErrorLog;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One scenario of the run, as results see it: a single population's scenario, or one member of a mix. Holds
 * what is counted per scenario while running: its errors and how many users are in it.
 */
final class ScenarioSlot {
  final int index;
  final Population.Member member;
  final LoadRunner runner;
  final ErrorLog errors;
  private final AtomicInteger users = new AtomicInteger();
  private final AtomicInteger maxUsers = new AtomicInteger();

  ScenarioSlot(int index, Population.Member member, LoadRunner runner) {
    this.index = index;
    this.member = member;
    this.runner = runner;
    this.errors = new ErrorLog(runner.engine.redactor);
  }

  String name() {
    return member.name();
  }

  Scenario newScenario() {
    return member.factory().get();
  }

  /** A user moved into (+1) or out of (-1) this scenario. */
  void users(int delta) {
    int now = users.addAndGet(delta);
    maxUsers.accumulateAndGet(now, Math::max);
  }

  int users() {
    return users.get();
  }

  int maxUsers() {
    return maxUsers.get();
  }
}
