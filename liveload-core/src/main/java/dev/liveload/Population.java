package dev.liveload;

import dev.liveload.data.Feeder;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Users under one load model, running one scenario or a weighted mix of scenarios, with their settings.
 * Immutable: each setter returns a copy.
 *
 * <pre>{@code
 * // one scenario
 * Population.of(Checkout.class, Load.rampUp(0, 50, ofSeconds(30)).thenHold(ofMinutes(5)))
 *     .iterationTimeout(ofSeconds(30))
 *     .pacing(ofSeconds(10));                      // an iteration starts every 10 s per user
 *
 * // one population split by weight: each iteration picks a scenario, 20% / 50% / 30%
 * Population.mix(Load.constant(100, ofMinutes(10)))
 *     .with(Buy.class, 20).with(Bounce.class, 50).with(Browse.class, 30)
 *     .drunkenness(0.3);                           // each user thinks 0.7× to 1.3× as long as written
 * }</pre>
 *
 * <p>In a mix, each iteration picks its scenario by weight with the user's own seeded generator, so a given
 * seed makes the same choices; every scenario reports under its own name.
 *
 * @since 0.1
 */
public final class Population {

  /**
   * One scenario of a population.
   *
   * @param name    scenario name in results
   * @param factory makes one scenario instance per user
   * @param weight  relative weight in a mix (1 for a single scenario)
   * @param type    the scenario class when it was given as a class (so another JVM can load it), else null
   */
  public record Member(String name, Supplier<? extends Scenario> factory, double weight,
      Class<? extends Scenario> type) {}

  private final List<Member> members;
  private final Load load;
  private final Duration iterationTimeout;
  private final Duration pacing;
  private final double drunkenness;
  private final Map<String, Feeder> feeders;
  private final Backoff backoff;

  private Population(List<Member> members, Load load, Duration iterationTimeout, Duration pacing,
      double drunkenness, Map<String, Feeder> feeders, Backoff backoff) {
    this.members = List.copyOf(members);
    this.load = load;
    this.iterationTimeout = iterationTimeout;
    this.pacing = pacing;
    this.drunkenness = drunkenness;
    this.feeders = feeders;
    this.backoff = backoff;
  }

  /**
   * How long a user of a closed model waits after a failed iteration before it starts the next: {@code first}
   * after one failure, twice as long after each further failure in a row, at most {@code max}; a passed iteration
   * starts it over. So an outage of the target is not turned into a storm of retries no person would make. The
   * wait counts from the end of the failed iteration; with pacing, the next iteration starts at the later of the
   * two. Immutable.
   *
   * <pre>{@code
   * Population.of(Checkout.class, Load.constant(50, ofMinutes(5)))
   *     .failureBackoff(ofMillis(500), ofSeconds(5));   // 0.5 s, 1 s, 2 s, 4 s, 5 s, 5 s... after failures in a row
   * }</pre>
   *
   * @param first the wait after one failed iteration, zero for none
   * @param max   the longest wait, at least {@code first}
   * @since 0.1
   */
  public record Backoff(Duration first, Duration max) {
    /** No waiting: the next iteration starts at once (or at its pacing). */
    public static final Backoff NONE = new Backoff(Duration.ZERO, Duration.ZERO);
    /** The default for users that drive a browser: 1 s, doubling to 10 s. */
    public static final Backoff BROWSER_DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(10));

    /** Checks the durations. */
    public Backoff {
      if (first == null || first.isNegative()) {
        throw new InvalidOptionException("failureBackoff.first", first, "must be >= 0");
      }
      if (max == null || max.compareTo(first) < 0) {
        throw new InvalidOptionException("failureBackoff.max", max, "must be >= failureBackoff.first (" + first
            + ")");
      }
    }

    /**
     * @param failedInARow failed iterations in a row, >= 0
     * @return how long to wait after them; zero after none
     */
    public Duration after(int failedInARow) {
      if (failedInARow <= 0 || first.isZero()) {
        return Duration.ZERO;
      }
      long nanos = first.toNanos();
      for (int i = 1; i < failedInARow && nanos < max.toNanos(); i++) {
        nanos *= 2;
      }
      return Duration.ofNanos(Math.min(nanos, max.toNanos()));
    }

    /** @return e.g. {@code PT1S doubling to PT10S}, or {@code none} */
    public String describe() {
      if (first.isZero()) {
        return "none";
      }
      return first.equals(max) ? first.toString() : first + " doubling to " + max;
    }
  }

  /**
   * Users of a scenario class; each user gets a new instance made with its no-argument constructor.
   *
   * @param scenario a concrete {@link Scenario} subclass with an accessible no-argument constructor
   * @param load     the load model
   * @return the population
   * @throws InvalidOptionException when the class cannot be instantiated
   */
  public static Population of(Class<? extends Scenario> scenario, Load load) {
    return single(member(scenario, 1), load);
  }

  /**
   * Users of a scenario made by a factory (one call per user).
   *
   * @param factory makes one scenario instance per user
   * @param load    the load model
   * @return the population
   */
  public static Population of(Supplier<? extends Scenario> factory, Load load) {
    return single(member(factory, 1), load);
  }

  /**
   * Users of a scenario given as a lambda.
   *
   * @param name scenario name, not blank
   * @param body the iteration
   * @param load the load model
   * @return the population
   */
  public static Population of(String name, Scenario.Body body, Load load) {
    Scenario scenario = Scenario.of(name, body);
    return single(new Member(name, () -> scenario, 1, null), load);
  }

  /**
   * An empty mix under a load model; add scenarios with {@code with(...)}.
   *
   * @param load the load model shared by the whole mix
   * @return the mix, to which at least one scenario must be added
   */
  public static Population mix(Load load) {
    return new Population(List.of(), requireLoad(load), null, null, 0, Map.of(), null);
  }

  /**
   * Adds a scenario class to a mix.
   *
   * @param scenario the scenario class (a new instance per user)
   * @param weight   relative weight, > 0
   * @return a copy with the scenario
   */
  public Population with(Class<? extends Scenario> scenario, double weight) {
    return add(member(scenario, weight));
  }

  /**
   * Adds a lambda scenario to a mix.
   *
   * @param name   scenario name, not blank
   * @param body   the iteration
   * @param weight relative weight, > 0
   * @return a copy with the scenario
   */
  public Population with(String name, Scenario.Body body, double weight) {
    Scenario scenario = Scenario.of(name, body);
    return add(new Member(name, () -> scenario, positiveWeight(weight), null));
  }

  private Population add(Member member) {
    var next = new ArrayList<>(members);
    next.add(member);
    return new Population(next, load, iterationTimeout, pacing, drunkenness, feeders, backoff);
  }

  /**
   * Bounds each iteration: one that runs longer is interrupted, recorded as {@code iteration_timeout}, and the
   * user starts its next iteration. Defaults to the run's {@link RunOptions.Builder#iterationTimeout(Duration)}.
   *
   * @param timeout > 0
   * @return a copy with the timeout
   */
  public Population iterationTimeout(Duration timeout) {
    return new Population(members, load, InvalidOptionException.positive("iterationTimeout", timeout), pacing,
        drunkenness, feeders, backoff);
  }

  /**
   * Pacing: each user starts an iteration every {@code interval} (LoadRunner's pacing). When an iteration takes
   * longer, the next starts at once. Only for closed models (in an open model the arrival rate paces).
   *
   * @param interval time from one iteration start to the next, > 0
   * @return a copy with pacing
   */
  public Population pacing(Duration interval) {
    return new Population(members, load, iterationTimeout, InvalidOptionException.positive("pacing", interval),
        drunkenness, feeders, backoff);
  }

  /**
   * Backs off after failed iterations (closed models; see {@link Backoff}): after a failed iteration the user waits
   * {@code first}, twice as long after each further failure in a row, at most {@code max}, before its next one. The
   * default backs off users that drive a browser by {@link Backoff#BROWSER_DEFAULT} (1 s doubling to 10 s) and
   * lets other users go on at once.
   *
   * @param first the wait after one failure, > 0
   * @param max   the longest wait, >= {@code first}
   * @return a copy with the back-off
   */
  public Population failureBackoff(Duration first, Duration max) {
    InvalidOptionException.positive("failureBackoff.first", first);
    return new Population(members, load, iterationTimeout, pacing, drunkenness, feeders, new Backoff(first, max));
  }

  /** @return a copy whose users never back off after failures, browser users included */
  public Population noFailureBackoff() {
    return new Population(members, load, iterationTimeout, pacing, drunkenness, feeders, Backoff.NONE);
  }

  /** @return the back-off after failed iterations as set, or null for the default (browser users back off) */
  public Backoff failureBackoff() {
    return backoff;
  }

  /**
   * @param drivesBrowser whether the user drives a browser
   * @return the back-off a user gets: as set, else {@link Backoff#BROWSER_DEFAULT} for a browser user, else none
   */
  public Backoff failureBackoffFor(boolean drivesBrowser) {
    return backoff != null ? backoff : drivesBrowser ? Backoff.BROWSER_DEFAULT : Backoff.NONE;
  }

  /**
   * Varies each user's pace: every user gets a personal factor, uniform in [1 − d, 1 + d], that scales all its
   * think times, so some users are consistently slower than others (the original LiveLoad's drunkenness).
   *
   * @param d in [0, 1); 0 (the default) turns it off
   * @return a copy with the variation
   */
  public Population drunkenness(double d) {
    if (!(d >= 0 && d < 1)) {
      throw new InvalidOptionException("drunkenness", d, "must be in [0, 1)");
    }
    return new Population(members, load, iterationTimeout, pacing, d, feeders, backoff);
  }

  /**
   * Renames the scenario of a single-scenario population (two populations may run one scenario class under two
   * names).
   *
   * @param name not blank
   * @return a copy with the name
   */
  public Population named(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidOptionException("population.name", name, "must not be blank");
    }
    if (members.size() != 1) {
      throw new InvalidOptionException("population.name", name, "only a single-scenario population can be "
          + "renamed; name the scenarios of a mix with with(name, body, weight)");
    }
    Member m = members.get(0);
    return new Population(List.of(new Member(name, m.factory(), m.weight(), m.type())), load, iterationTimeout,
        pacing, drunkenness, feeders, backoff);
  }

  /**
   * Adds a feeder that only this population's users read (besides the run's, see
   * {@link RunOptions.Builder#feeder(String, Feeder)}); with one feeder, {@code user.feed()} is its current row.
   *
   * <pre>{@code
   * Population.of(Admin.class, Load.constant(5, ofMinutes(5)))
   *     .feeder("admins", Feeder.csv(Path.of("admins.csv")).uniquePerUser())
   * }</pre>
   *
   * @param name   the feeder's name: letters, digits, {@code _ - .}; distinct within the population and from the
   *               run's feeders
   * @param feeder the feeder; its file is checked by {@link RunOptions.Builder#build()}
   * @return a copy with the feeder
   */
  public Population feeder(String name, Feeder feeder) {
    checkFeederName(name);
    if (feeders.containsKey(name)) {
      throw new InvalidOptionException("feeder", name, "each feeder needs a distinct name");
    }
    var next = new LinkedHashMap<>(feeders);
    next.put(name, Objects.requireNonNull(feeder, "feeder"));
    return new Population(members, load, iterationTimeout, pacing, drunkenness,
        java.util.Collections.unmodifiableMap(next), backoff);
  }

  /** @return this population's own feeders by name, in the order given; never null */
  public Map<String, Feeder> feeders() {
    return feeders;
  }

  static void checkFeederName(String name) {
    if (name == null || !name.matches("[A-Za-z_][A-Za-z0-9_.-]*")) {
      throw new InvalidOptionException("feeder.name", name, "must be letters, digits, _ - . and not start with a "
          + "digit");
    }
  }

  /** @return the scenarios, with their weights; never null, empty only for a mix not yet filled */
  public List<Member> members() {
    return members;
  }

  /** @return the name of the first scenario (the only one, unless this is a mix) */
  public String name() {
    return members.isEmpty() ? "(empty mix)" : members.get(0).name();
  }

  /** @return the load model */
  public Load load() {
    return load;
  }

  /** @return the iteration timeout, or null to use the run's default */
  public Duration iterationTimeout() {
    return iterationTimeout;
  }

  /** @return the pacing interval, or null when there is none */
  public Duration pacing() {
    return pacing;
  }

  /** @return the drunkenness, in [0, 1) */
  public double drunkenness() {
    return drunkenness;
  }

  /**
   * A copy with another load model (each generator of a distributed run gets its share).
   *
   * @param load the model
   * @return the copy
   */
  public Population withLoad(Load load) {
    return new Population(members, requireLoad(load), iterationTimeout, pacing, drunkenness, feeders, backoff);
  }

  private static Population single(Member member, Load load) {
    return new Population(List.of(member), requireLoad(load), null, null, 0, Map.of(), null);
  }

  private static Member member(Class<? extends Scenario> scenario, double weight) {
    Objects.requireNonNull(scenario, "scenario");
    Constructor<? extends Scenario> constructor = constructorOf(scenario);
    Supplier<Scenario> factory = () -> {
      try {
        return constructor.newInstance();
      } catch (InvocationTargetException e) {
        throw new IllegalStateException("constructor of " + scenario.getName() + " threw " + e.getCause(),
            e.getCause());
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("could not create " + scenario.getName() + ": " + e, e);
      }
    };
    return new Member(factory.get().name(), factory, positiveWeight(weight), scenario);
  }

  private static Member member(Supplier<? extends Scenario> factory, double weight) {
    Objects.requireNonNull(factory, "factory");
    Scenario probe = factory.get();
    if (probe == null) {
      throw new InvalidOptionException("scenario", null, "the factory must return a Scenario");
    }
    return new Member(probe.name(), factory, positiveWeight(weight), null);
  }

  private static double positiveWeight(double weight) {
    if (!(weight > 0) || Double.isInfinite(weight)) {
      throw new InvalidOptionException("weight", weight, "must be > 0");
    }
    return weight;
  }

  private static Load requireLoad(Load load) {
    if (load == null) {
      throw new InvalidOptionException("load", null, "a load model is required, e.g. Load.constant(10, ofSeconds(30))");
    }
    return load;
  }

  private static <S extends Scenario> Constructor<S> constructorOf(Class<S> type) {
    if (Modifier.isAbstract(type.getModifiers())) {
      throw new InvalidOptionException("scenario", type.getName(), "must be a concrete class");
    }
    if (type.getEnclosingClass() != null && !Modifier.isStatic(type.getModifiers())) {
      throw new InvalidOptionException("scenario", type.getName(),
          "an inner class needs an outer instance; make it a static nested class");
    }
    try {
      Constructor<S> c = type.getDeclaredConstructor();
      c.setAccessible(true);
      return c;
    } catch (NoSuchMethodException e) {
      throw new InvalidOptionException("scenario", type.getName(), "needs a no-argument constructor");
    } catch (RuntimeException e) {
      throw new InvalidOptionException("scenario", type.getName(), "its constructor is not accessible: " + e);
    }
  }

  @Override
  public String toString() {
    return members.stream().map(Member::name).toList() + " (" + load.describe() + ")";
  }
}
