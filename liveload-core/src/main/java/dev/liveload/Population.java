package dev.liveload;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Users running one scenario under one load model, with their settings. Immutable: each setter returns a copy.
 *
 * <pre>{@code
 * RunOptions.builder()
 *     .population(Population.of(Checkout.class, Load.rampUp(0, 50, ofSeconds(30)).thenHold(ofMinutes(5)))
 *         .iterationTimeout(ofSeconds(30)))
 *     .build();
 * }</pre>
 *
 * @since 0.1
 */
public final class Population {
  private final String name;
  private final Supplier<? extends Scenario> scenarios;
  private final Load load;
  private final Duration iterationTimeout;

  private Population(String name, Supplier<? extends Scenario> scenarios, Load load, Duration iterationTimeout) {
    this.name = name;
    this.scenarios = scenarios;
    this.load = load;
    this.iterationTimeout = iterationTimeout;
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
    return new Population(factory.get().name(), factory, requireLoad(load), null);
  }

  /**
   * Users of a scenario made by a factory (one call per user).
   *
   * @param factory makes one scenario instance per user
   * @param load    the load model
   * @return the population
   */
  public static Population of(Supplier<? extends Scenario> factory, Load load) {
    Objects.requireNonNull(factory, "factory");
    Scenario probe = factory.get();
    if (probe == null) {
      throw new InvalidOptionException("scenario", null, "the factory must return a Scenario");
    }
    return new Population(probe.name(), factory, requireLoad(load), null);
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
    return new Population(name, () -> scenario, requireLoad(load), null);
  }

  /**
   * Bounds each iteration: one that runs longer is interrupted, recorded as {@code iteration_timeout}, and the
   * user starts its next iteration. Defaults to the run's {@link RunOptions.Builder#iterationTimeout(Duration)}.
   *
   * @param timeout > 0
   * @return a copy with the timeout
   */
  public Population iterationTimeout(Duration timeout) {
    return new Population(name, scenarios, load, InvalidOptionException.positive("iterationTimeout", timeout));
  }

  /**
   * Renames the population's scenario in results (two populations may run one scenario class under two names).
   *
   * @param name not blank
   * @return a copy with the name
   */
  public Population named(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidOptionException("population.name", name, "must not be blank");
    }
    return new Population(name, scenarios, load, iterationTimeout);
  }

  /** @return the scenario name used in results */
  public String name() {
    return name;
  }

  /** @return the load model */
  public Load load() {
    return load;
  }

  /** @return the iteration timeout, or null to use the run's default */
  public Duration iterationTimeout() {
    return iterationTimeout;
  }

  /** @return a new scenario instance for one user */
  public Scenario newScenario() {
    return scenarios.get();
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
    return name + " (" + load.describe() + ")";
  }
}
