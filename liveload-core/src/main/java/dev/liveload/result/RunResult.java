package dev.liveload.result;

import dev.liveload.internal.json.ResultJson;
import dev.liveload.internal.metrics.ResultMerger;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;

/**
 * The result of a load test: what was run, what was measured, and the verdicts. Immutable, and serialized as
 * JSON with {@code "schema": "liveload.result/v1"}; reports and assertions read only this, so they work as well
 * on a JSON file from another machine.
 *
 * <pre>{@code
 * RunResult result = LiveLoad.run(options);
 * result.write(Path.of("target/liveload/result.json"));
 * RunResult again = RunResult.read(Path.of("target/liveload/result.json"));   // equal, and writes identically
 * RunResult both = RunResult.merge(nodeA, nodeB);                            // lossless
 * }</pre>
 *
 * @param schema     always {@link #SCHEMA}
 * @param run        run metadata
 * @param total      the whole run (scenario name {@code "all"})
 * @param scenarios  one entry per scenario, in the order they were configured; never null
 * @param thresholds threshold verdicts, never null, possibly empty
 * @param generator  the generator's own health (for a distributed run, all generators together)
 * @param nodes      a distributed run's generators, one entry each; empty for a run in one JVM
 * @param measurements how the connections the run used obtained their metrics, by metric name (for example
 *                   {@code "webvital.inp" -> ESTIMATED}); never null, empty when no connection declared any. A
 *                   metric declared {@link Measurement#UNSUPPORTED} has no samples because it was not measured
 * @since 0.1
 */
public record RunResult(
    String schema,
    RunInfo run,
    ScenarioResult total,
    List<ScenarioResult> scenarios,
    List<ThresholdResult> thresholds,
    GeneratorHealth generator,
    List<NodeResult> nodes,
    Map<String, Measurement> measurements) {

  /** The schema identifier written into every result. */
  public static final String SCHEMA = "liveload.result/v1";

  /**
   * Creates a result; lists and maps are copied; a missing node list (files from single-JVM runs) and missing
   * measurement declarations (files from runs without browser users, or from older versions) read as empty.
   */
  public RunResult {
    scenarios = List.copyOf(scenarios);
    thresholds = List.copyOf(thresholds);
    nodes = nodes == null ? List.of() : List.copyOf(nodes);
    measurements = Maps.sortedCopy(measurements);
  }

  /**
   * A result without measurement declarations.
   *
   * @param schema     always {@link #SCHEMA}
   * @param run        run metadata
   * @param total      the whole run
   * @param scenarios  one entry per scenario
   * @param thresholds threshold verdicts
   * @param generator  the generator's own health
   * @param nodes      a distributed run's generators
   */
  public RunResult(String schema, RunInfo run, ScenarioResult total, List<ScenarioResult> scenarios,
      List<ThresholdResult> thresholds, GeneratorHealth generator, List<NodeResult> nodes) {
    this(schema, run, total, scenarios, thresholds, generator, nodes, Map.of());
  }

  /**
   * A result of a run in one JVM (no nodes).
   *
   * @param schema     always {@link #SCHEMA}
   * @param run        run metadata
   * @param total      the whole run
   * @param scenarios  one entry per scenario
   * @param thresholds threshold verdicts
   * @param generator  the generator's own health
   */
  public RunResult(String schema, RunInfo run, ScenarioResult total, List<ScenarioResult> scenarios,
      List<ThresholdResult> thresholds, GeneratorHealth generator) {
    this(schema, run, total, scenarios, thresholds, generator, List.of(), Map.of());
  }

  /**
   * How a metric was obtained, as the connection that produces it declared.
   *
   * @param metric metric name, e.g. {@code "webvital.lcp"}
   * @return the declaration, or null when no connection declared the metric (LiveLoad's own metrics such as
   *     {@code http.duration} are always measured)
   */
  public Measurement measurement(String metric) {
    return measurements.get(metric);
  }

  /**
   * One scenario's result by name.
   *
   * @param name scenario name
   * @return the scenario
   * @throws NoSuchElementException naming the scenarios there are, when absent
   */
  public ScenarioResult scenario(String name) {
    return scenarios.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
        new NoSuchElementException("no scenario '" + name + "' in this result; it has "
            + scenarios.stream().map(ScenarioResult::name).toList()));
  }

  /** @return true when every threshold passed (and when there are none) */
  public boolean passed() {
    return thresholds.stream().allMatch(ThresholdResult::passed);
  }

  /** @return this result as pretty-printed JSON */
  public String toJson() {
    return ResultJson.write(this);
  }

  /**
   * Reads a result from JSON. Fields this version does not know are ignored, so newer files still read.
   *
   * @param json the JSON text
   * @return the result
   * @throws IllegalArgumentException when the text is not a LiveLoad result
   */
  public static RunResult fromJson(String json) {
    return ResultJson.read(json);
  }

  /**
   * Writes this result as JSON, creating parent directories.
   *
   * @param file where to write
   * @return {@code file}
   */
  public Path write(Path file) {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      return Files.writeString(file, toJson());
    } catch (IOException e) {
      throw new UncheckedIOException("could not write result to " + file, e);
    }
  }

  /**
   * Reads a result JSON file.
   *
   * @param file the file
   * @return the result
   */
  public static RunResult read(Path file) {
    try {
      return fromJson(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException("could not read result from " + file, e);
    }
  }

  /**
   * A copy with other threshold verdicts (for example re-evaluated after a merge).
   *
   * @param verdicts the verdicts
   * @return the copy
   */
  public RunResult withThresholds(List<ThresholdResult> verdicts) {
    return new RunResult(schema, run, total, scenarios, verdicts, generator, nodes, measurements);
  }

  /**
   * Combines results losslessly: counters add, histograms merge from their HDR data, time-series points merge
   * by interval, errors add by kind and message; node lists are concatenated. Use it for one run spread over several generators, or to pool
   * runs. Scenarios are matched by name.
   *
   * @param results at least one result
   * @return the combined result; its run spans the earliest start to the latest end
   */
  public static RunResult merge(RunResult... results) {
    return merge(Arrays.asList(results));
  }

  /**
   * Combines results losslessly; see {@link #merge(RunResult...)}.
   *
   * @param results at least one result
   * @return the combined result
   */
  public static RunResult merge(List<RunResult> results) {
    return ResultMerger.merge(results);
  }
}
