package dev.liveload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An open workload model: a target arrival rate of iterations over time, as a start rate and stages, each a
 * linear change to a rate over a duration. Arrivals come when the model says, whatever the target's latency:
 * each is handed to an idle user, and a new user is started while fewer than {@link #maxUsers(int) maxUsers}
 * exist. When all of them are busy the arrival is dropped and counted in {@code iterations.dropped} (or, with
 * {@link #queueWhenBusy()}, it waits for the next free user and is counted in {@code iterations.queued}).
 *
 * <p>Times are measured from each arrival's <em>intended</em> start: an iteration that started late (all users
 * busy, or the generator itself late) is charged the delay in {@code iteration.duration} and in its first request,
 * so a stalling target cannot hide behind a stalled generator (coordinated omission).
 *
 * <pre>{@code
 * Load.arrivalRate(200).perSecond().during(ofMinutes(5));
 * Load.rampRate(0, 300).perMinute().during(ofMinutes(2)).thenHold(ofMinutes(10)).maxUsers(200);
 * Load.arrivalRate(50).perSecond().during(ofSeconds(30)).thenRampTo(500, ofSeconds(30)).queueWhenBusy();
 * }</pre>
 *
 * <p>Immutable.
 *
 * @since 0.1
 */
public final class OpenLoad implements Load {
  /** Default cap on concurrent users. */
  public static final int DEFAULT_MAX_USERS = 1000;

  /**
   * A linear change to {@code ratePerSecond} over {@code duration}.
   *
   * @param ratePerSecond arrival rate at the end of the stage, per second, >= 0
   * @param duration      how long the stage lasts, > 0
   */
  public record Stage(double ratePerSecond, Duration duration) {}

  private final double startRate;
  private final List<Stage> stages;
  private final double unitSeconds;
  private final String unitName;
  private final int maxUsers;
  private final boolean queueWhenBusy;

  private OpenLoad(double startRate, List<Stage> stages, double unitSeconds, String unitName, int maxUsers,
      boolean queueWhenBusy) {
    this.startRate = startRate;
    this.stages = List.copyOf(stages);
    this.unitSeconds = unitSeconds;
    this.unitName = unitName;
    this.maxUsers = maxUsers;
    this.queueWhenBusy = queueWhenBusy;
  }

  /**
   * A rate waiting for its unit: {@code perSecond()}, {@code perMinute()} or {@code per(Duration)}.
   *
   * @since 0.1
   */
  public static final class Rate {
    private final double from;
    private final double to;

    Rate(double from, double to) {
      this.from = from;
      this.to = to;
    }

    /** @return the rate per second, waiting for its duration */
    public Timed perSecond() {
      return new Timed(from, to, 1, "/s");
    }

    /** @return the rate per minute, waiting for its duration */
    public Timed perMinute() {
      return new Timed(from, to, 60, "/min");
    }

    /**
     * @param unit the rate's time unit, > 0
     * @return the rate per {@code unit}, waiting for its duration
     */
    public Timed per(Duration unit) {
      InvalidOptionException.positive("load.rateUnit", unit);
      return new Timed(from, to, unit.toNanos() / 1e9, "/" + ClosedLoad.format(unit));
    }
  }

  /**
   * A rate with its unit, waiting for its duration.
   *
   * @since 0.1
   */
  public static final class Timed {
    private final double from;
    private final double to;
    private final double unitSeconds;
    private final String unitName;

    Timed(double from, double to, double unitSeconds, String unitName) {
      this.from = from;
      this.to = to;
      this.unitSeconds = unitSeconds;
      this.unitName = unitName;
    }

    /**
     * @param duration how long, > 0
     * @return the open model
     */
    public OpenLoad during(Duration duration) {
      InvalidOptionException.positive("load.duration", duration);
      return new OpenLoad(from / unitSeconds, List.of(new Stage(to / unitSeconds, duration)), unitSeconds, unitName,
          DEFAULT_MAX_USERS, false);
    }
  }

  /**
   * An open model from its data, as {@link #startRatePerSecond()}, {@link #stages()}, {@link #maxUsers()} and
   * {@link #queuesWhenBusy()} list it (for example to rebuild a model sent to another machine). Rates print per
   * second.
   *
   * @param startRatePerSecond rate at the start, per second, >= 0
   * @param stages             the stages, at least one
   * @param maxUsers           the user cap, >= 1
   * @param queueWhenBusy      whether arrivals wait for a free user
   * @return the model
   */
  public static OpenLoad of(double startRatePerSecond, List<Stage> stages, int maxUsers, boolean queueWhenBusy) {
    rateAtLeastZero("load.rate", startRatePerSecond);
    if (stages == null || stages.isEmpty()) {
      throw new InvalidOptionException("load.stages", stages, "needs at least one stage");
    }
    for (Stage s : stages) {
      rateAtLeastZero("load.rate", s.ratePerSecond());
      InvalidOptionException.positive("load.duration", s.duration());
    }
    InvalidOptionException.atLeast("load.maxUsers", maxUsers, 1);
    return new OpenLoad(startRatePerSecond, stages, 1, "/s", maxUsers, queueWhenBusy);
  }

  java.util.List<OpenLoad> splitOpen(double[] weights) {
    double sum = java.util.Arrays.stream(weights).sum();
    int[] caps = ClosedLoad.apportion(maxUsers, weights);
    var out = new ArrayList<OpenLoad>();
    for (int i = 0; i < weights.length; i++) {
      double f = weights[i] / sum;
      var scaled = stages.stream().map(s -> new Stage(s.ratePerSecond() * f, s.duration())).toList();
      out.add(new OpenLoad(startRate * f, scaled, unitSeconds, unitName, Math.max(1, caps[i]), queueWhenBusy));
    }
    return out;
  }

  /**
   * Holds the current rate.
   *
   * @param duration how long, > 0
   * @return the extended model
   */
  public OpenLoad thenHold(Duration duration) {
    return then(endRate(), InvalidOptionException.positive("load.hold", duration));
  }

  /**
   * Ramps linearly to a new rate, in this model's unit.
   *
   * @param rate     target rate, >= 0
   * @param duration ramp time, > 0
   * @return the extended model
   */
  public OpenLoad thenRampTo(double rate, Duration duration) {
    rateAtLeastZero("load.rate", rate);
    return then(rate / unitSeconds, InvalidOptionException.positive("load.duration", duration));
  }

  /**
   * Caps the number of concurrent users (default {@value #DEFAULT_MAX_USERS}).
   *
   * @param max the cap, >= 1
   * @return a copy with the cap
   */
  public OpenLoad maxUsers(int max) {
    InvalidOptionException.atLeast("load.maxUsers", max, 1);
    return new OpenLoad(startRate, stages, unitSeconds, unitName, max, queueWhenBusy);
  }

  /**
   * When every user is busy, an arrival waits for the next free one (counted in {@code iterations.queued}) instead
   * of being dropped; its wait is charged to its iteration and first request.
   *
   * @return a copy that queues
   */
  public OpenLoad queueWhenBusy() {
    return new OpenLoad(startRate, stages, unitSeconds, unitName, maxUsers, true);
  }

  /** @return whether arrivals wait for a free user instead of being dropped */
  public boolean queuesWhenBusy() {
    return queueWhenBusy;
  }

  private OpenLoad then(double ratePerSecond, Duration duration) {
    var next = new ArrayList<>(stages);
    next.add(new Stage(ratePerSecond, duration));
    return new OpenLoad(startRate, next, unitSeconds, unitName, maxUsers, queueWhenBusy);
  }

  private double endRate() {
    return stages.isEmpty() ? startRate : stages.get(stages.size() - 1).ratePerSecond();
  }

  /** @return the stages, rates per second, never null */
  public List<Stage> stages() {
    return stages;
  }

  /** @return the rate at the start, per second */
  public double startRatePerSecond() {
    return startRate;
  }

  /**
   * The target arrival rate at a point of the run.
   *
   * @param elapsed time since the start of the model
   * @return arrivals per second; 0 after the end
   */
  public double ratePerSecondAt(Duration elapsed) {
    double t = elapsed.toNanos() / 1e9;
    if (t < 0 || elapsed.compareTo(duration()) >= 0) {
      return 0;
    }
    double level = startRate;
    for (Stage s : stages) {
      double d = s.duration().toNanos() / 1e9;
      if (t < d) {
        return level + (s.ratePerSecond() - level) * t / d;
      }
      t -= d;
      level = s.ratePerSecond();
    }
    return level;
  }

  /**
   * How many arrivals the model makes in {@code [0, elapsed)}.
   *
   * @param elapsed time since the start of the model
   * @return the count
   */
  public long arrivalsBefore(Duration elapsed) {
    Duration end = elapsed.compareTo(duration()) > 0 ? duration() : elapsed;
    double n = cumulative(end.toNanos() / 1e9);
    long whole = (long) Math.ceil(n - 1e-9);
    return Math.max(0, whole);
  }

  /**
   * When arrival number {@code k} (from 0) is due: the time at which the cumulative arrivals reach {@code k}.
   *
   * @param k arrival index, >= 0
   * @return nanoseconds from the start of the model, or -1 when the model ends before it
   */
  public long arrivalNanos(long k) {
    double level = startRate;
    double before = 0; // arrivals made before the current stage
    double offset = 0; // seconds before the current stage
    for (Stage s : stages) {
      double d = s.duration().toNanos() / 1e9;
      double a = level;
      double b = s.ratePerSecond();
      double inStage = (a + b) / 2 * d;
      double need = k - before;
      if (need < inStage) {
        double tau;
        if (Math.abs(b - a) < 1e-12) {
          tau = need / a;
        } else {
          double slope = (b - a) / d; // rate(τ) = a + slope τ; arrivals(τ) = a τ + slope τ² / 2
          tau = (-a + Math.sqrt(Math.max(0, a * a + 2 * slope * need))) / slope;
        }
        return Math.round((offset + Math.max(0, tau)) * 1e9);
      }
      before += inStage;
      offset += d;
      level = b;
    }
    return -1;
  }

  private double cumulative(double t) {
    double level = startRate;
    double total = 0;
    for (Stage s : stages) {
      double d = s.duration().toNanos() / 1e9;
      double b = s.ratePerSecond();
      if (t < d) {
        return total + level * t + (b - level) * t * t / (2 * d);
      }
      total += (level + b) / 2 * d;
      t -= d;
      level = b;
    }
    return total;
  }

  @Override
  public Duration duration() {
    return stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
  }

  @Override
  public int maxUsers() {
    return maxUsers;
  }

  @Override
  public String phaseAt(Duration elapsed) {
    if (elapsed.isNegative() || elapsed.compareTo(duration()) >= 0) {
      return "done";
    }
    long t = elapsed.toNanos();
    double level = startRate;
    for (Stage s : stages) {
      long d = s.duration().toNanos();
      if (t < d) {
        return s.ratePerSecond() == level ? "hold " + rate(level) : "ramp " + rate(level) + "→" + rate(s.ratePerSecond());
      }
      t -= d;
      level = s.ratePerSecond();
    }
    return "hold " + rate(level);
  }

  @Override
  public String describe() {
    var sb = new StringBuilder();
    double level = startRate;
    for (Stage s : stages) {
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      if (s.ratePerSecond() == level) {
        sb.append(sb.isEmpty() ? rate(level) + " for " : "hold ").append(ClosedLoad.format(s.duration()));
      } else {
        sb.append("ramp ").append(rate(level)).append("→").append(rate(s.ratePerSecond())).append(" over ")
            .append(ClosedLoad.format(s.duration()));
      }
      level = s.ratePerSecond();
    }
    sb.append(" (max ").append(maxUsers).append(" users, ").append(queueWhenBusy ? "queue" : "drop")
        .append(" when busy)");
    return sb.toString();
  }

  private String rate(double perSecond) {
    double inUnit = perSecond * unitSeconds;
    String n = inUnit == Math.rint(inUnit) ? String.valueOf((long) inUnit) : String.format(Locale.ROOT, "%.2f", inUnit);
    return n + unitName;
  }

  @Override
  public String toString() {
    return describe();
  }

  static double positiveRate(String option, double rate) {
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new InvalidOptionException(option, rate, "must be a rate > 0");
    }
    return rate;
  }

  static double rateAtLeastZero(String option, double rate) {
    if (!(rate >= 0) || Double.isInfinite(rate)) {
      throw new InvalidOptionException(option, rate, "must be a rate >= 0");
    }
    return rate;
  }
}
