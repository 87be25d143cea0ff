package dev.liveload;

import dev.liveload.result.RunResult;

/**
 * Runs a load test across several load generators instead of this JVM alone. Implemented by
 * {@code dev.liveload.cluster.Cluster} in the {@code liveload-cluster} module; plug one in with
 * {@link RunOptions.Builder#distributed(Distribution)} and call {@link LiveLoad#run(RunOptions)} as usual.
 *
 * <pre>{@code
 * RunResult result = LiveLoad.run(RunOptions.builder()
 *     .scenario(Checkout.class, Load.rampUp(0, 400, ofMinutes(2)).thenHold(ofMinutes(10)))
 *     .baseUrl("http://shop.internal:8080")
 *     .distributed(Cluster.named("load-test").members("10.0.0.11:5701", "10.0.0.12:5701").workers(2))
 *     .build());
 * }</pre>
 *
 * @since 0.1
 */
public interface Distribution {

  /**
   * Checks, before any load starts, that these options can run distributed (for example that every scenario is
   * a class the workers can load).
   *
   * @param options the run's options
   * @throws InvalidOptionException saying what cannot be distributed
   */
  void validate(RunOptions options);

  /**
   * Runs the load test on the generators and returns the merged result, with one {@code nodes} entry per
   * generator.
   *
   * @param options the run's options
   * @return the merged result, never null
   */
  RunResult run(RunOptions options);

  /** @return how the run is distributed, as people read it (recorded in the result's options) */
  String describe();
}
