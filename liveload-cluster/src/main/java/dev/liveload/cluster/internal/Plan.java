package dev.liveload.cluster.internal;

import java.util.List;
import java.util.Map;

/**
 * One worker's part of a distributed run, as sent over the wire (JSON, signed). Everything a worker needs to
 * build its {@code RunOptions}: scenario classes by name (they must be on the worker's class path), its share of
 * each load model and throttle, and the shared settings.
 *
 * @param runId        the run's id
 * @param name         the run's name
 * @param controller   the controller's member UUID (a worker stops when it leaves)
 * @param issuedAt     cluster time the plan was made, ms (a worker refuses stale plans)
 * @param node         the worker's name in this run
 * @param baseUrl      base URL, or null
 * @param http         HTTP settings
 * @param gracefulStopMillis graceful stop
 * @param iterationTimeoutMillis default iteration timeout
 * @param seed         this part's seed
 * @param populations  this part's populations
 * @param throttles    this part's throttles
 * @param browser      browser users' settings, or null when the run gave none
 * @param feeders      the run's feeders by name, each cut to this worker's share of the rows
 * @param redact       query parameter names redacted besides the defaults (null in plans from older versions)
 * @param classes      the scenario classes' fingerprints at the controller, by class name
 *                     ({@link ScenarioClasses}); null in plans from older versions
 */
public record Plan(String runId, String name, String controller, long issuedAt, String node, String baseUrl,
    Http http, long gracefulStopMillis, long iterationTimeoutMillis, long seed, List<PopulationPart> populations,
    List<ThrottlePart> throttles, Browser browser, Map<String, FeederPart> feeders, List<String> redact,
    Map<String, String> classes) {

  /** A plan without class fingerprints (as older controllers sent). */
  public Plan(String runId, String name, String controller, long issuedAt, String node, String baseUrl,
      Http http, long gracefulStopMillis, long iterationTimeoutMillis, long seed, List<PopulationPart> populations,
      List<ThrottlePart> throttles, Browser browser, Map<String, FeederPart> feeders, List<String> redact) {
    this(runId, name, controller, issuedAt, node, baseUrl, http, gracefulStopMillis, iterationTimeoutMillis, seed,
        populations, throttles, browser, feeders, redact, null);
  }

  /**
   * A feeder and this worker's share of its rows: positions modulo {@code shareCycle} in [{@code shareFrom},
   * {@code shareTo}). A file must exist at the same path on the worker.
   */
  public record FeederPart(String format, String file, String separator, List<Map<String, String>> rows,
      String strategy, String whenExhausted, int shareFrom, int shareTo, int shareCycle) {}

  /** Browser settings; paths as the controller gave them (an explicit executable must exist on the worker). */
  public record Browser(String connection, String executable, boolean headless, long actionTimeoutMillis,
      long navigationTimeoutMillis, long launchTimeoutMillis, int viewportWidth, int viewportHeight,
      List<String> args, int failureScreenshots, String screenshotDirectory, boolean ignoreHttpsErrors,
      String userAgent) {}

  /** HTTP settings. */
  public record Http(long connectTimeoutMillis, long responseTimeoutMillis, boolean followRedirects, int maxRedirects,
      boolean trustAllCertificates, boolean decompress, String userAgent, Map<String, String> headers) {}

  /** A population's share; the failure back-off is null for the default (browser users back off). */
  public record PopulationPart(List<Member> members, LoadPart load, Long iterationTimeoutMillis, Long pacingMillis,
      double drunkenness, Map<String, FeederPart> feeders, Long backoffFirstMillis, Long backoffMaxMillis) {}

  /** A scenario by class name. */
  public record Member(String className, String name, double weight) {}

  /**
   * A load model's share: closed (users over stages) or open (rate per second over stages).
   *
   * @param kind              {@code closed} or {@code open}
   * @param start             start users, or start rate per second
   * @param stages            end level and duration of each stage
   * @param iterationsPerUser closed iteration-count models
   * @param maxDurationMillis closed models with a cap, or null
   * @param maxUsers          open models' user cap
   * @param queueWhenBusy     open models
   */
  public record LoadPart(String kind, double start, List<Stage> stages, int iterationsPerUser, Long maxDurationMillis,
      int maxUsers, boolean queueWhenBusy) {}

  /** A stage: level at its end, and its length. */
  public record Stage(double level, long millis) {}

  /** A throttle's share. */
  public record ThrottlePart(String name, String kind, double limit, Long perMillis, Double rampTo,
      Long rampOverMillis) {}
}
