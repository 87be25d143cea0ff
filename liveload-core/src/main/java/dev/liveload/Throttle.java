package dev.liveload;

import java.time.Duration;

/**
 * A named limit that users pass through with {@link User#throttle(String)}: a rate per interval, a minimum gap
 * between admissions, or a maximum number of users inside at once; each may ramp linearly to another limit. A
 * user that the limit does not admit yet waits (that time is part of its iteration). In a distributed run each
 * generator enforces its share of the limit, so the whole run never exceeds it.
 *
 * <pre>{@code
 * RunOptions.builder()
 *     .throttle(Throttle.rate("login", 20, Duration.ofSeconds(1)))          // at most 20 logins per second
 *     .throttle(Throttle.gap("payment", Duration.ofMillis(200)))            // one payment per 200 ms
 *     .throttle(Throttle.parallelism("search", 10)                          // 10 searches at once, ramping
 *         .rampingTo(50, Duration.ofMinutes(5)))                            //   to 50 over 5 minutes
 *
 * // in a scenario
 * user.throttle("login");                                   // waits for its turn
 * user.http().post("/login").json(credentials).check(status(200));
 * try (var permit = user.throttle("search")) {             // parallelism: released on close (or at iteration end)
 *   user.http().get("/search?q=shoes").check(status(200));
 * }
 * }</pre>
 *
 * <p>Rates are smooth: 20 per second admits one every 50 ms rather than 20 at once. Immutable.
 *
 * @since 0.1
 */
public final class Throttle {
  /**
   * Admission through a throttle. For a parallelism throttle, closing it lets the next user in (it is closed at
   * the end of the iteration at the latest); for rates and gaps closing does nothing.
   *
   * @since 0.1
   */
  public interface Permit extends AutoCloseable {
    @Override
    void close();
  }

  /** What a throttle limits. */
  public enum Kind {
    /** Admissions per interval, evenly spaced. */
    RATE,
    /** A minimum time between two admissions. */
    GAP,
    /** Users inside at once. */
    PARALLELISM
  }

  private final String name;
  private final Kind kind;
  private final double limit;
  private final Duration per;
  private final double rampTo;
  private final Duration rampOver;

  private Throttle(String name, Kind kind, double limit, Duration per, double rampTo, Duration rampOver) {
    this.name = name;
    this.kind = kind;
    this.limit = limit;
    this.per = per;
    this.rampTo = rampTo;
    this.rampOver = rampOver;
  }

  /**
   * At most {@code permits} admissions per {@code per}, evenly spaced.
   *
   * @param name    throttle name, not blank
   * @param permits admissions per interval, > 0
   * @param per     the interval, > 0
   * @return the throttle
   */
  public static Throttle rate(String name, double permits, Duration per) {
    positive("throttle.permits", permits);
    return new Throttle(checkName(name), Kind.RATE, permits, InvalidOptionException.positive("throttle.per", per),
        Double.NaN, null);
  }

  /**
   * At least {@code gap} between two admissions.
   *
   * @param name throttle name, not blank
   * @param gap  minimum gap, > 0
   * @return the throttle
   */
  public static Throttle gap(String name, Duration gap) {
    InvalidOptionException.positive("throttle.gap", gap);
    return new Throttle(checkName(name), Kind.GAP, gap.toNanos() / 1e6, null, Double.NaN, null);
  }

  /**
   * At most {@code max} users inside at once; a user is inside from {@link User#throttle(String)} until it closes
   * the permit or its iteration ends.
   *
   * @param name throttle name, not blank
   * @param max  users at once, >= 1
   * @return the throttle
   */
  public static Throttle parallelism(String name, int max) {
    InvalidOptionException.atLeast("throttle.max", max, 1);
    return new Throttle(checkName(name), Kind.PARALLELISM, max, null, Double.NaN, null);
  }

  /**
   * Ramps the limit linearly, from the start of the run, to {@code target} over {@code over}, then holds it.
   * The target is in the same unit as the limit: permits per interval, gap in milliseconds, or users.
   *
   * @param target the limit at the end of the ramp, > 0
   * @param over   ramp time, > 0
   * @return a copy that ramps
   */
  public Throttle rampingTo(double target, Duration over) {
    positive("throttle.rampTo", target);
    return new Throttle(name, kind, limit, per, target, InvalidOptionException.positive("throttle.rampOver", over));
  }

  /**
   * This throttle scaled to a share of it (a distributed run gives each generator its share).
   *
   * @param share in (0, 1]
   * @return a copy enforcing that share
   */
  public Throttle share(double share) {
    if (!(share > 0 && share <= 1)) {
      throw new InvalidOptionException("throttle.share", share, "must be in (0, 1]");
    }
    // a gap gets longer as the share gets smaller; rates and parallelism get smaller
    double f = kind == Kind.GAP ? 1 / share : share;
    double scaledLimit = kind == Kind.PARALLELISM ? Math.max(1, Math.floor(limit * f)) : limit * f;
    double scaledRamp = Double.isNaN(rampTo) ? rampTo
        : kind == Kind.PARALLELISM ? Math.max(1, Math.floor(rampTo * f)) : rampTo * f;
    return new Throttle(name, kind, scaledLimit, per, scaledRamp, rampOver);
  }

  /** @return the name */
  public String name() {
    return name;
  }

  /** @return what it limits */
  public Kind kind() {
    return kind;
  }

  /**
   * The limit at a point of the run: permits per interval, gap in milliseconds, or users.
   *
   * @param elapsed time since the run started
   * @return the limit then
   */
  public double limitAt(Duration elapsed) {
    if (Double.isNaN(rampTo)) {
      return limit;
    }
    double f = Math.min(1, elapsed.toNanos() / (double) rampOver.toNanos());
    return limit + (rampTo - limit) * Math.max(0, f);
  }

  /** @return the limit at the start: permits per interval, gap in milliseconds, or users */
  public double limit() {
    return limit;
  }

  /** @return the limit the throttle ramps to, or NaN when it does not ramp */
  public double rampTarget() {
    return rampTo;
  }

  /** @return how long the ramp takes, or null when it does not ramp */
  public Duration rampOver() {
    return rampOver;
  }

  /** @return the interval of a rate, or null */
  public Duration per() {
    return per;
  }

  /** @return the throttle as people read it */
  public String describe() {
    String base = switch (kind) {
      case RATE -> num(limit) + " per " + ClosedLoad.format(per);
      case GAP -> "one per " + num(limit) + "ms";
      case PARALLELISM -> num(limit) + " at once";
    };
    if (!Double.isNaN(rampTo)) {
      base += ", ramping to " + switch (kind) {
        case RATE -> num(rampTo) + " per " + ClosedLoad.format(per);
        case GAP -> "one per " + num(rampTo) + "ms";
        case PARALLELISM -> num(rampTo) + " at once";
      } + " over " + ClosedLoad.format(rampOver);
    }
    return name + ": " + base;
  }

  private static String num(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.format(java.util.Locale.ROOT, "%.3g", v);
  }

  private static String checkName(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidOptionException("throttle.name", name, "must not be blank");
    }
    return name;
  }

  private static void positive(String option, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new InvalidOptionException(option, v, "must be > 0");
    }
  }

  @Override
  public String toString() {
    return describe();
  }
}
