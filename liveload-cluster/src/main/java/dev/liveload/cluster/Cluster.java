package dev.liveload.cluster;

import dev.liveload.Distribution;
import dev.liveload.InvalidOptionException;
import dev.liveload.Population;
import dev.liveload.RunOptions;
import dev.liveload.cluster.internal.Controller;
import dev.liveload.cluster.internal.Secrets;
import dev.liveload.result.RunResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Runs a load test across worker JVMs ({@link Worker}) joined in a Hazelcast cluster: the JVM that calls
 * {@link dev.liveload.LiveLoad#run} becomes the controller (a lite member that holds no data), waits for the
 * workers, splits every load model and throttle among them by capacity, has each check its signed plan, starts
 * them all at one cluster time, follows their per-second figures, and merges their results losslessly, with a
 * {@code nodes} entry per worker. Immutable.
 *
 * <pre>{@code
 * RunResult result = LiveLoad.run(RunOptions.builder()
 *     .scenario(Checkout.class, Load.rampUp(0, 300, ofMinutes(1)).thenHold(ofMinutes(10)))
 *     .baseUrl("http://shop.internal:8080")
 *     .distributed(Cluster.named("load-test")
 *         .members("10.0.0.11:5701", "10.0.0.12:5701", "10.0.0.13:5701")
 *         .bind("10.0.0.10")
 *         .workers(3))                                 // secret from LIVELOAD_CLUSTER_SECRET
 *     .build());
 * }</pre>
 *
 * <p>What is protected, and what is not: workers run only plans signed (HMAC-SHA256) with the cluster's shared
 * secret, which is required unless every member binds to loopback; plans expire after a minute and run once, so a
 * captured plan cannot be replayed; a plan carries a fingerprint of each scenario class, and a worker whose classes
 * differ (another build) refuses it; each member binds one interface; user code deployment is off. Open-source
 * Hazelcast has no TLS and no member authentication: traffic between members is not encrypted and anyone who
 * reaches the ports can join the cluster (though not start load). Keep generators on a private network.
 *
 * @since 0.1
 */
public final class Cluster implements Distribution {
  private final String name;
  private final List<String> members;
  private final String bind;
  private final int port;
  private final int workers;
  private final String secret;
  private final Path secretFile;
  private final Duration joinTimeout;
  private final Duration lead;
  private final boolean abortOnWorkerFailure;

  private Cluster(String name, List<String> members, String bind, int port, int workers, String secret,
      Path secretFile, Duration joinTimeout, Duration lead, boolean abortOnWorkerFailure) {
    this.name = name;
    this.members = List.copyOf(members);
    this.bind = bind;
    this.port = port;
    this.workers = workers;
    this.secret = secret;
    this.secretFile = secretFile;
    this.joinTimeout = joinTimeout;
    this.lead = lead;
    this.abortOnWorkerFailure = abortOnWorkerFailure;
  }

  /**
   * A cluster by name (workers of other clusters are refused).
   *
   * @param name the cluster name, not blank
   * @return the cluster: add members and the number of workers
   */
  public static Cluster named(String name) {
    if (name == null || name.isBlank()) {
      throw new InvalidOptionException("cluster", name, "a cluster name is required");
    }
    return new Cluster(name, List.of(), "127.0.0.1", 5801, 1, null, null, Duration.ofSeconds(60),
        Duration.ofSeconds(2), false);
  }

  /**
   * @param addresses the workers' addresses, {@code host:port} each (list every one: ranges are not understood), or
   *                  one {@code k8s:<headless-service-dns>} to find them with Hazelcast's Kubernetes discovery
   * @return a copy
   */
  public Cluster members(String... addresses) {
    var list = new ArrayList<String>();
    for (String a : addresses) {
      String t = a.trim();
      if (!t.matches("[^:\\s]+:\\d{1,5}") && !t.startsWith("k8s:")) {
        throw new InvalidOptionException("cluster.members", a, "must be host:port, one member each");
      }
      list.add(t);
    }
    return new Cluster(name, list, bind, port, workers, secret, secretFile, joinTimeout, lead, abortOnWorkerFailure);
  }

  /** @param address the interface the controller binds (default 127.0.0.1) @return a copy */
  public Cluster bind(String address) {
    return new Cluster(name, members, address, port, workers, secret, secretFile, joinTimeout, lead,
        abortOnWorkerFailure);
  }

  /** @param port the controller's first port to try, 1..65535 (default 5801) @return a copy */
  public Cluster port(int port) {
    if (port < 1 || port > 65535) {
      throw new InvalidOptionException("cluster.port", port, "must be between 1 and 65535");
    }
    return new Cluster(name, members, bind, port, workers, secret, secretFile, joinTimeout, lead,
        abortOnWorkerFailure);
  }

  /** @param count how many workers the run waits for and uses, >= 1 @return a copy */
  public Cluster workers(int count) {
    if (count < 1 || count > 100) {
      throw new InvalidOptionException("cluster.workers", count, "must be between 1 and 100");
    }
    return new Cluster(name, members, bind, port, count, secret, secretFile, joinTimeout, lead,
        abortOnWorkerFailure);
  }

  /** @param secret the shared secret plans are signed with (default: {@code LIVELOAD_CLUSTER_SECRET}) @return a copy */
  public Cluster secret(String secret) {
    return new Cluster(name, members, bind, port, workers, secret, secretFile, joinTimeout, lead,
        abortOnWorkerFailure);
  }

  /** @param file a file holding the shared secret @return a copy */
  public Cluster secretFile(Path file) {
    return new Cluster(name, members, bind, port, workers, secret, file, joinTimeout, lead, abortOnWorkerFailure);
  }

  /** @param timeout how long to wait for the workers, > 0 (default 60 s) @return a copy */
  public Cluster joinTimeout(Duration timeout) {
    return new Cluster(name, members, bind, port, workers, secret, secretFile,
        positive("cluster.joinTimeout", timeout), lead, abortOnWorkerFailure);
  }

  /** @param lead time from dispatching the start to the common start, > 0 (default 2 s) @return a copy */
  public Cluster lead(Duration lead) {
    return new Cluster(name, members, bind, port, workers, secret, secretFile, joinTimeout,
        positive("cluster.lead", lead), abortOnWorkerFailure);
  }

  /**
   * @param abort whether a failed worker stops the whole run (default false: the others go on and the failed one
   *              is reported with its data up to its last snapshot)
   * @return a copy
   */
  public Cluster abortOnWorkerFailure(boolean abort) {
    return new Cluster(name, members, bind, port, workers, secret, secretFile, joinTimeout, lead, abort);
  }

  @Override
  public void validate(RunOptions options) {
    if (members.isEmpty()) {
      throw new InvalidOptionException("cluster.members", "none", "list the workers' addresses, host:port each");
    }
    for (Population p : options.populations()) {
      for (Population.Member m : p.members()) {
        if (m.type() == null) {
          throw new InvalidOptionException("scenario", m.name(), "is a lambda or a factory; a distributed run "
              + "needs a Scenario class with a no-argument constructor on every worker's class path");
        }
      }
    }
    Secrets.resolve(secret, secretFile, bind);
  }

  @Override
  public RunResult run(RunOptions options) {
    validate(options);
    var settings = new Controller.Settings(name, members, bind, port, workers,
        Secrets.resolve(secret, secretFile, bind), joinTimeout, lead, abortOnWorkerFailure);
    return new Controller(settings, options).run();
  }

  @Override
  public String describe() {
    return "cluster '" + name + "', " + workers + " workers, members " + String.join(",", members)
        + (abortOnWorkerFailure ? ", abort on worker failure" : "");
  }

  private static Duration positive(String option, Duration d) {
    if (d == null || d.isNegative() || d.isZero()) {
      throw new InvalidOptionException(option, d, "must be a duration > 0");
    }
    return d;
  }

  @Override
  public String toString() {
    return describe() + " " + Arrays.asList(bind, port);
  }
}
