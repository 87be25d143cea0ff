package dev.liveload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A workload model: how many users run over time (closed models, {@link ClosedLoad}) or how many iterations start
 * per unit of time (open models, {@link OpenLoad}). Load models are immutable data — a function of time — evaluated
 * by one scheduler, and they print as people read them.
 *
 * <pre>{@code
 * // closed: a target number of concurrent users
 * Load.constant(50, ofMinutes(5));
 * Load.rampUp(0, 50, ofSeconds(30)).thenHold(ofMinutes(5)).thenRampDown(ofSeconds(30));
 * Load.step(10, 10, ofSeconds(30), 5);                     // 10, 20, 30, 40, 50 users, 30 s each
 * Load.spike(20, 200, ofMinutes(2), ofSeconds(30), ofMinutes(5));
 * Load.stages(Load.rampUp(0, 20, ofSeconds(10)), Load.constant(50, ofMinutes(1)));
 * Load.iterations(10, 50);                                 // 10 users, 50 iterations each
 *
 * // open: a target arrival rate of iterations, whatever the target's latency
 * Load.arrivalRate(200).perSecond().during(ofMinutes(5));
 * Load.rampRate(10, 200).perSecond().during(ofMinutes(1)).thenHold(ofMinutes(4)).maxUsers(500);
 * }</pre>
 *
 * <p>In a closed model users are added as the target rises; when it falls, the most recently started users finish
 * their current iteration and leave. In an open model each arrival is handed to an idle user (a new one is started
 * while fewer than {@link OpenLoad#maxUsers(int) maxUsers} exist); iteration and request times are measured from
 * the arrival's intended start, so a slow target cannot hide by slowing the generator down.
 *
 * @since 0.1
 */
public sealed interface Load permits ClosedLoad, OpenLoad {

  /** @return how long the model runs (for iteration-count models, the maximum duration) */
  Duration duration();

  /** @return the most users the model may run at once (for open models, the user cap) */
  int maxUsers();

  /** @return the model as people read it, e.g. {@code ramp 0→50 users over 30s, hold 5m} */
  String describe();

  /**
   * What the model is doing at a point of the run, for progress lines.
   *
   * @param elapsed time since the start of the model
   * @return e.g. {@code ramp 0→50 users} or {@code hold 200/s}; {@code done} after the end
   */
  String phaseAt(Duration elapsed);

  /**
   * Splits the model across generators in proportion to {@code weights} (for example their cores): a ramp 0 → 100
   * users over 4 equal generators becomes 0 → 25 on each; an arrival rate is split the same way. Users are
   * whole, so at each stage level they are apportioned by largest remainder and the parts always add up to the
   * original; a part may get no users at all (its model then keeps 0 users).
   *
   * @param weights one positive weight per part
   * @return one model per part, in the order of the weights
   */
  default java.util.List<Load> split(double... weights) {
    if (weights.length == 0) {
      throw new InvalidOptionException("split.weights", "none", "needs at least one part");
    }
    for (double w : weights) {
      if (!(w > 0) || Double.isInfinite(w)) {
        throw new InvalidOptionException("split.weights", java.util.Arrays.toString(weights), "must all be > 0");
      }
    }
    return switch (this) {
      case ClosedLoad c -> java.util.List.copyOf(c.splitClosed(weights));
      case OpenLoad o -> java.util.List.copyOf(o.splitOpen(weights));
    };
  }

  /**
   * A constant number of users, all started at once.
   *
   * @param users    number of users, >= 1
   * @param duration how long, > 0
   * @return the model
   */
  static ClosedLoad constant(int users, Duration duration) {
    InvalidOptionException.atLeast("load.users", users, 1);
    return new ClosedLoad(users, List.of(new ClosedLoad.Stage(users,
        InvalidOptionException.positive("load.duration", duration))), 0, null, null);
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
    return new ClosedLoad(from, List.of(new ClosedLoad.Stage(to,
        InvalidOptionException.positive("load.duration", duration))), 0, null, null);
  }

  /**
   * Steps: {@code start} users, then {@code stepSize} more every {@code stepDuration}, for {@code steps} steps in
   * all (so the last step has {@code start + (steps - 1) * stepSize} users). New users of a step start together.
   *
   * @param start        users in the first step, >= 1
   * @param stepSize     users added at each step, >= 1
   * @param stepDuration how long each step lasts, > 0
   * @param steps        number of steps, >= 1
   * @return the model
   */
  static ClosedLoad step(int start, int stepSize, Duration stepDuration, int steps) {
    InvalidOptionException.atLeast("load.start", start, 1);
    InvalidOptionException.atLeast("load.stepSize", stepSize, 1);
    InvalidOptionException.positive("load.stepDuration", stepDuration);
    InvalidOptionException.atLeast("load.steps", steps, 1);
    var stages = new ArrayList<ClosedLoad.Stage>();
    for (int i = 0; i < steps; i++) {
      int users = start + i * stepSize;
      if (i > 0) {
        stages.add(new ClosedLoad.Stage(users, Duration.ZERO));
      }
      stages.add(new ClosedLoad.Stage(users, stepDuration));
    }
    return new ClosedLoad(start, stages, 0, null, "steps of +" + stepSize + " users every "
        + ClosedLoad.format(stepDuration) + " from " + start + " to " + (start + (steps - 1) * stepSize));
  }

  /**
   * A spike: {@code base} users, jumping to {@code peak} users at {@code at} for {@code holdFor}, then back to
   * {@code base} until {@code total}.
   *
   * @param base    users outside the spike, >= 1
   * @param peak    users during the spike, >= base
   * @param at      when the spike starts, >= 0
   * @param holdFor how long it lasts, > 0
   * @param total   the model's length, >= at + holdFor
   * @return the model
   */
  static ClosedLoad spike(int base, int peak, Duration at, Duration holdFor, Duration total) {
    InvalidOptionException.atLeast("load.base", base, 1);
    InvalidOptionException.atLeast("load.peak", peak, base);
    InvalidOptionException.notNegative("load.at", at);
    InvalidOptionException.positive("load.holdFor", holdFor);
    InvalidOptionException.positive("load.total", total);
    if (total.compareTo(at.plus(holdFor)) < 0) {
      throw new InvalidOptionException("load.total", total, "must be >= at + holdFor = " + at.plus(holdFor));
    }
    var stages = new ArrayList<ClosedLoad.Stage>();
    if (!at.isZero()) {
      stages.add(new ClosedLoad.Stage(base, at));
    }
    stages.add(new ClosedLoad.Stage(peak, Duration.ZERO));
    stages.add(new ClosedLoad.Stage(peak, holdFor));
    Duration rest = total.minus(at).minus(holdFor);
    if (!rest.isZero()) {
      stages.add(new ClosedLoad.Stage(base, Duration.ZERO));
      stages.add(new ClosedLoad.Stage(base, rest));
    }
    return new ClosedLoad(base, stages, 0, null, "spike " + base + "→" + peak + " users at "
        + ClosedLoad.format(at) + " for " + ClosedLoad.format(holdFor) + " (total " + ClosedLoad.format(total) + ")");
  }

  /**
   * Closed models one after the other; where one ends at another level than the next starts, users jump.
   *
   * @param parts at least one model, none an iteration-count model
   * @return the combined model
   */
  static ClosedLoad stages(ClosedLoad... parts) {
    if (parts.length == 0) {
      throw new InvalidOptionException("load.stages", "none", "needs at least one model");
    }
    return ClosedLoad.concat(List.of(parts));
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
    return new ClosedLoad(users, List.of(new ClosedLoad.Stage(users, Duration.ofMinutes(10))),
        iterationsPerUser, null, null);
  }

  /**
   * An open model at a constant arrival rate; give the unit and the duration next:
   * {@code Load.arrivalRate(200).perSecond().during(ofMinutes(5))}.
   *
   * @param rate iterations per unit, > 0
   * @return the rate, waiting for its unit
   */
  static OpenLoad.Rate arrivalRate(double rate) {
    OpenLoad.positiveRate("load.rate", rate);
    return new OpenLoad.Rate(rate, rate);
  }

  /**
   * An open model whose arrival rate ramps linearly: {@code Load.rampRate(10, 200).perSecond().during(ofMinutes(1))}.
   *
   * @param from rate at the start, >= 0
   * @param to   rate at the end, >= 0, and not both 0
   * @return the rate, waiting for its unit
   */
  static OpenLoad.Rate rampRate(double from, double to) {
    OpenLoad.rateAtLeastZero("load.from", from);
    OpenLoad.rateAtLeastZero("load.to", to);
    if (from == 0 && to == 0) {
      throw new InvalidOptionException("load.to", to, "a ramp from 0 must go above 0");
    }
    return new OpenLoad.Rate(from, to);
  }
}
