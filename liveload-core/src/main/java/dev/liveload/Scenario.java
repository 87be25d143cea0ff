package dev.liveload;

/**
 * A user journey: what one virtual user does in one iteration. Subclass it and implement {@link #run(User)}; each
 * virtual user gets its own instance, so fields are per user.
 *
 * <pre>{@code
 * public final class Browse extends Scenario {
 *   @Override
 *   public void beforeUser(User user) {                       // once per user, not measured as an iteration
 *     var token = user.http().post("/login").json(Map.of("user", "u" + user.id()))
 *         .check(status(200)).extract(jsonPath("$.token"));
 *     user.set("token", token);
 *   }
 *
 *   @Override
 *   public void run(User user) {                              // every iteration
 *     user.http().get("/orders").header("Authorization", "Bearer " + user.get("token")).check(status(200));
 *     user.think(Duration.ofSeconds(1), 0.5);
 *   }
 * }
 * }</pre>
 *
 * <p>An exception thrown from {@code run} fails that iteration (recorded with kind {@code exception} unless it is
 * an {@link IterationFailedException}); the user then starts its next iteration.
 *
 * <p>To log each user in as its own account once and out at the end, give the run a
 * {@link dev.liveload.data.Feeder#uniquePerUser() uniquePerUser} feeder and use its columns in {@code beforeUser}
 * ({@code {{email}}}); variables stored there (an extracted token) stay for the user's life, and its row stays
 * its own until it stops.
 *
 * @since 0.1
 */
public abstract class Scenario {

  /**
   * The scenario's name in results and reports.
   *
   * @return by default the class's simple name
   */
  public String name() {
    String simple = getClass().getSimpleName();
    return simple.isEmpty() ? getClass().getName() : simple;
  }

  /**
   * Runs once per user before its first iteration (log in, open a socket). Requests made here are counted, but
   * not as part of an iteration. If it throws, the failure is recorded and the user tries again after a second,
   * until the run ends.
   *
   * @param user the virtual user
   * @throws Exception to record a failure
   */
  public void beforeUser(User user) throws Exception {}

  /**
   * One iteration of the journey.
   *
   * @param user the virtual user running it
   * @throws Exception to fail the iteration
   */
  public abstract void run(User user) throws Exception;

  /**
   * Runs once per user after its last iteration (log out): when the load model ends, when a ramp-down retires the
   * user, and when the run is stopping, within the graceful stop period (a user cut off after that period skips
   * it).
   *
   * @param user the virtual user
   * @throws Exception to record a failure
   */
  public void afterUser(User user) throws Exception {}

  /**
   * A scenario from a lambda, for short journeys.
   *
   * <pre>{@code
   * Scenario ping = Scenario.of("ping", user -> user.http().get("/health").check(status(200)));
   * }</pre>
   *
   * @param name scenario name, not blank
   * @param body the iteration
   * @return a scenario; being stateless, one instance may serve every user
   */
  public static Scenario of(String name, Body body) {
    if (name == null || name.isBlank()) {
      throw new InvalidOptionException("scenario.name", name, "must not be blank");
    }
    java.util.Objects.requireNonNull(body, "body");
    return new Scenario() {
      @Override
      public String name() {
        return name;
      }

      @Override
      public void run(User user) throws Exception {
        body.run(user);
      }
    };
  }

  /**
   * An iteration as a lambda.
   *
   * @since 0.1
   */
  @FunctionalInterface
  public interface Body {
    /**
     * @param user the virtual user
     * @throws Exception to fail the iteration
     */
    void run(User user) throws Exception;
  }
}
