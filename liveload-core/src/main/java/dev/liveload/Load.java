package dev.liveload;

import java.time.Duration;

/**
 * A workload model: how many users (closed model) run over time. Load models are immutable data, evaluated by
 * one scheduler, and print as people read them.
 *
 * <pre>{@code
 * Load.constant(50, ofMinutes(5));                                 // 50 users for 5 minutes
 * Load.rampUp(0, 50, ofSeconds(30)).thenHold(ofMinutes(5));         // ramp, then hold
 * Load.rampUp(0, 100, ofMinutes(1)).thenHold(ofMinutes(3)).thenRampDown(ofSeconds(30));
 * Load.iterations(10, 50);                                          // 10 users, 50 iterations each
 * }</pre>
 *
 * <p>Users are added as the target rises; when it falls, the most recently started users finish their current
 * iteration and leave.
 *
 * @since 0.1
 */
public sealed interface Load permits ClosedLoad {

  /** @return how long the model runs (for iteration-count models, the maximum duration) */
  Duration duration();

  /** @return the most users the model asks for at once */
  int maxUsers();

  /** @return the model as people read it, e.g. {@code ramp 0→50 users over 30s, hold 5m} */
  String describe();

  /**
   * A constant number of users, all started at once.
   *
   * @param users    number of users, >= 1
   * @param duration how long, > 0
   * @return the model
   */
  static ClosedLoad constant(int users, Duration duration) {
    InvalidOptionException.atLeast("load.users", users, 1);
    return new ClosedLoad(users, java.util.List.of(new ClosedLoad.Stage(users,
        InvalidOptionException.positive("load.duration", duration))), 0, null);
  }

  /**
   * A linear ramp from {@code from} to {@code to} users: with 0 → 50 over 30 s, a user starts every 0.6 s.
   *
   * @param from     users at the start, >= 0
   * @param to       users at the end, >= 1
   * @param duration ramp time, > 0
   * @return the model; continue it with {@link ClosedLoad#thenHold(Duration)}
   */
  static ClosedLoad rampUp(int from, int to, Duration duration) {
    InvalidOptionException.atLeast("load.from", from, 0);
    InvalidOptionException.atLeast("load.to", to, 1);
    return new ClosedLoad(from, java.util.List.of(new ClosedLoad.Stage(to,
        InvalidOptionException.positive("load.duration", duration))), 0, null);
  }

  /**
   * A fixed number of iterations per user (k6's per-VU iterations): the run ends when every user has done its
   * iterations, or after 10 minutes at most (change it with {@link ClosedLoad#maxDuration(Duration)}).
   *
   * @param users              number of users, >= 1
   * @param iterationsPerUser  iterations each user runs, >= 1
   * @return the model
   */
  static ClosedLoad iterations(int users, int iterationsPerUser) {
    InvalidOptionException.atLeast("load.users", users, 1);
    InvalidOptionException.atLeast("load.iterationsPerUser", iterationsPerUser, 1);
    return new ClosedLoad(users, java.util.List.of(new ClosedLoad.Stage(users, Duration.ofMinutes(10))),
        iterationsPerUser, null);
  }
}
