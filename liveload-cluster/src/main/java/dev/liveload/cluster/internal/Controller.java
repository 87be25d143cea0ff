package dev.liveload.cluster.internal;

import com.hazelcast.cluster.Member;
import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.core.IExecutorService;
import com.hazelcast.map.IMap;
import com.hazelcast.topic.ITopic;
import dev.liveload.Load;
import dev.liveload.Population;
import dev.liveload.RunOptions;
import dev.liveload.internal.engine.Environments;
import dev.liveload.internal.engine.ProgressLines;
import dev.liveload.internal.engine.SummaryTable;
import dev.liveload.internal.metrics.ResultMerger;
import dev.liveload.internal.metrics.Sampler;
import dev.liveload.result.NodeResult;
import dev.liveload.result.RunInfo;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ScenarioResult;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one distributed run from the controller JVM: waits for the workers, splits the load by capacity, has every
 * worker accept its signed plan before any starts, starts them all at one cluster time, follows their per-second
 * intervals (progress, thresholds, a failed worker's data), and merges their results.
 */
public final class Controller {
  private static final Logger LOG = LoggerFactory.getLogger(Controller.class);

  /** The settings a {@code Cluster} gives. */
  public record Settings(String cluster, List<String> members, String bind, int port, int workers, byte[] secret,
      Duration joinTimeout, Duration lead, boolean abortOnWorkerFailure) {}

  private final Settings settings;
  private final RunOptions options;
  private final Signer signer;

  public Controller(Settings settings, RunOptions options) {
    this.settings = settings;
    this.options = options;
    this.signer = new Signer(settings.secret());
  }

  public RunResult run() {
    long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
    HazelcastInstance hz = Hazelcasts.startController(settings.cluster(), settings.members(), settings.bind(),
        settings.port(), "liveload-controller-" + UUID.randomUUID(), deadline);
    if (hz == null) {
      throw new IllegalStateException("no worker of cluster '" + settings.cluster() + "' answered at "
          + settings.members() + " within " + settings.joinTimeout() + ". Start the workers "
          + "(dev.liveload.cluster.Worker) with the same --cluster name, or check the addresses.");
    }
    try {
      return run(hz);
    } finally {
      hz.shutdown();
    }
  }

  private RunResult run(HazelcastInstance hz) {
    List<NodeState> nodes = awaitWorkers(hz);
    ProgressLines.note(options.progress(), "LiveLoad controller: " + nodes.size() + " workers in cluster '"
        + settings.cluster() + "': " + nodes.stream().map(n -> n.name + " (" + n.info.address() + ", "
        + n.info.cores() + " cores)").collect(Collectors.joining(", ")), System.out);
    String runId = UUID.randomUUID().toString();
    List<String> scenarioNames = options.populations().stream()
        .flatMap(p -> p.members().stream().map(Population.Member::name)).toList();
    double[] weights = nodes.stream().mapToDouble(n -> n.info.capacity()).toArray();
    List<List<Load>> splits = options.populations().stream().map(p -> p.load().split(weights)).toList();
    List<String> scenarioLoads = loads(p -> options.populations().get(p).load());
    double weightSum = java.util.Arrays.stream(weights).sum();
    int[][] rowShares = PlanCodec.rowShares(weights);
    IExecutorService executor = hz.getExecutorService("liveload");

    // 1. Every worker checks its signed plan (with the scenario classes' fingerprints); none starts unless all accept.
    var fingerprints = ScenarioClasses.fingerprints(options.populations().stream()
        .flatMap(p -> p.members().stream()).<Class<?>>map(Population.Member::type).toList());
    var prepares = new LinkedHashMap<NodeState, Future<String>>();
    for (int i = 0; i < nodes.size(); i++) {
      NodeState node = nodes.get(i);
      var parts = new ArrayList<Plan.PopulationPart>();
      for (int p = 0; p < options.populations().size(); p++) {
        parts.add(PlanCodec.part(options.populations().get(p), splits.get(p).get(i), rowShares[i]));
      }
      double share = weights[i] / weightSum;
      var throttles = options.throttles().stream().map(t -> PlanCodec.throttle(t.share(share))).toList();
      var plan = new Plan(runId, options.name(), hz.getCluster().getLocalMember().getUuid().toString(),
          hz.getCluster().getClusterTime(), node.name, options.baseUrl() == null ? null : options.baseUrl().toString(),
          PlanCodec.http(options.http()), options.gracefulStop().toMillis(), options.iterationTimeout().toMillis(),
          options.seed() + 0x9E3779B97F4A7C15L * (i + 1), parts, throttles, PlanCodec.browser(options.browser()),
          PlanCodec.feeders(options.feeders(), rowShares[i]), List.copyOf(options.redactedParameters()),
          fingerprints);
      String json = PlanCodec.toJson(plan);
      prepares.put(node, executor.submitToMember(new Tasks.Prepare(json, signer.sign(json)), node.member));
    }
    var refusals = new ArrayList<String>();
    prepares.forEach((node, future) -> {
      try {
        var answer = PlanCodec.fromJson(future.get(30, TimeUnit.SECONDS), Messages.Prepared.class);
        if (answer.error() != null) {
          refusals.add(node.name + ": " + answer.error());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        refusals.add(node.name + ": interrupted while waiting for it");
      } catch (ExecutionException | TimeoutException e) {
        refusals.add(node.name + ": did not answer (" + e + ")");
      }
    });
    if (!refusals.isEmpty()) {
      // the workers that accepted hold a launched browser and open feeders: let them go
      String cancel = Tasks.Cancel.message(runId);
      for (NodeState node : prepares.keySet()) {
        try {
          executor.submitToMember(new Tasks.Cancel(runId, signer.sign(cancel)), node.member);
        } catch (RuntimeException e) {
          LOG.debug("could not cancel the plan on {}: {}", node.name, e.toString());
        }
      }
      throw new IllegalStateException("distributed run not started: " + refusals.size() + " of " + nodes.size()
          + " workers refused the plan; no load was started. " + String.join("; ", refusals));
    }

    // 2. Follow the run: intervals, membership, thresholds, progress.
    long planned = options.populations().stream().mapToLong(p -> p.load().duration().toMillis()).max().orElse(0);
    long interval = Sampler.intervalFor(planned);
    long startAt = hz.getCluster().getClusterTime() + settings.lead().toMillis();
    long localStart = System.currentTimeMillis() + (startAt - hz.getCluster().getClusterTime());
    Map<String, NodeState> byName = new LinkedHashMap<>();
    for (NodeState n : nodes) {
      byName.put(n.name, n.withClock(scenarioNames.size(), interval, localStart));
    }
    var monitor = new ClusterMonitor(options, scenarioNames, interval, localStart, byName.values());
    ITopic<String> intervals = hz.getTopic(Hazelcasts.INTERVALS + runId);
    ITopic<String> control = hz.getTopic(Hazelcasts.CONTROL + runId);
    UUID listener = intervals.addMessageListener(m -> {
      try {
        var ni = PlanCodec.fromJson(m.getMessageObject(), Messages.NodeInterval.class);
        NodeState node = byName.get(ni.node());
        if (node != null && node.failure == null) {
          node.ingest(ni.seq(), ni.data());
          monitor.ingest(ni.node(), ni.data());
        }
      } catch (RuntimeException e) {
        LOG.warn("could not read a worker's interval: {}", e.toString());
      }
    });
    UUID membership = hz.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        byName.values().stream().filter(n -> n.member.getUuid().equals(event.getMember().getUuid())).findFirst()
            .ifPresent(n -> {
              if (n.failure == null && !n.finished) {
                n.fail("left the cluster (killed, hung or network lost)", System.currentTimeMillis());
                LOG.warn("worker {} ({}) left the cluster during the run: its data up to its last snapshot is kept{}",
                    n.name, n.info.address(), settings.abortOnWorkerFailure() ? "; the run stops"
                        : "; the others go on");
              }
            });
      }
    });

    // 3. Start everyone at one cluster time.
    var starts = new LinkedHashMap<NodeState, Future<String>>();
    String order = Tasks.Start.message(runId, startAt);
    for (NodeState n : byName.values()) {
      starts.put(n, executor.submitToMember(new Tasks.Start(runId, startAt, signer.sign(order)), n.member));
    }
    long maxGrace = options.gracefulStop().toMillis() + 10_000;
    long deadline = localStart + planned + maxGrace + 20_000;
    boolean interrupted = false;
    String abortReason = null;
    try {
      while (starts.values().stream().anyMatch(f -> !f.isDone()) && System.currentTimeMillis() < deadline) {
        Thread.sleep(200);
        String reason = monitor.tick();
        if (reason == null && settings.abortOnWorkerFailure()) {
          reason = byName.values().stream().filter(n -> n.failure != null).findFirst()
              .map(n -> "worker " + n.name + " " + n.failure).orElse(null);
        }
        if (reason != null && abortReason == null) {
          abortReason = reason;
          control.publish("abort:" + reason);
        }
        // a node whose member left has failed; its future fails at the same moment
      }
    } catch (InterruptedException e) {
      interrupted = true;
      control.publish("abort:the controller was interrupted");
    }

    // 4. Outcomes: a node's own result when it returned one, else what its intervals showed.
    var results = new ArrayList<RunResult>();
    var nodeResults = new ArrayList<NodeResult>();
    for (var e : starts.entrySet()) {
      NodeState n = e.getKey();
      Messages.NodeOutcome outcome = outcome(e.getValue(), n);
      RunResult r;
      String status;
      String reason;
      double skew = outcome == null ? 0 : outcome.skewMillis();
      Double firstSkew = outcome == null ? null : outcome.firstActionSkewMillis();
      if (outcome != null && outcome.result() != null) {
        r = RunResult.fromJson(outcome.result());
        status = r.run().status().name().toLowerCase(java.util.Locale.ROOT);
        reason = r.run().reason();
      } else {
        reason = n.failure != null ? "worker " + n.name + " " + n.failure
            : outcome != null && outcome.error() != null ? outcome.error() : "worker " + n.name + " did not finish";
        r = n.partialResult(runId, options.name(), scenarioNames, shareLoads(splits, nodes.indexOf(n)), localStart,
            reason);
        status = "failed";
      }
      results.add(r);
      nodeResults.add(new NodeResult(n.name, n.info.host(), n.info.cores(), r.total().maxUsers(), status,
          status.equals("completed") ? "" : reason, skew, r.total().counters(), r.total().metrics(), r.generator(),
          firstSkew));
    }
    intervals.removeMessageListener(listener);
    hz.getCluster().removeMembershipListener(membership);

    RunResult merged = describedAsAWhole(RunResult.merge(results), scenarioNames, scenarioLoads);
    List<String> failed = nodeResults.stream().filter(n -> n.status().equals("failed"))
        .map(n -> n.id() + " (" + n.reason() + ")").toList();
    RunStatus status = interrupted ? RunStatus.INTERRUPTED
        : abortReason != null ? RunStatus.ABORTED
        : !failed.isEmpty() ? RunStatus.INTERRUPTED : RunStatus.COMPLETED;
    String reason = interrupted ? "interrupted" : abortReason != null ? abortReason
        : failed.isEmpty() ? "" : failed.size() + " of " + nodes.size() + " workers failed: " + String.join("; ", failed)
            + "; the others completed";
    Instant start = merged.run().start();
    var info = new RunInfo(runId, options.name(), start, merged.run().end(), status, reason, options.describe(),
        Environments.current());
    // the busiest worker's figures, cores once per host; each node keeps its own in the nodes breakdown
    var health = ResultMerger.mergeHealth(results.stream().map(RunResult::generator).toList(),
        nodeResults.stream().map(NodeResult::host).toList(), nodeResults.stream().map(NodeResult::id).toList());
    RunResult withNodes = new RunResult(RunResult.SCHEMA, info, merged.total(), merged.scenarios(), List.of(),
        health, nodeResults, merged.measurements());
    RunResult result = withNodes.withThresholds(monitor.verdicts(withNodes));
    if (options.progress().printsSummary()) {
      System.out.print(SummaryTable.render(result));
    }
    if (options.resultFile() != null) {
      result.write(options.resultFile());
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    return result;
  }

  /** Each scenario's load description, of the population's model {@code load(p)}, as a run in one JVM says it. */
  private List<String> loads(java.util.function.IntFunction<Load> load) {
    var loads = new ArrayList<String>();
    for (int p = 0; p < options.populations().size(); p++) {
      Population population = options.populations().get(p);
      double total = population.members().stream().mapToDouble(Population.Member::weight).sum();
      for (Population.Member m : population.members()) {
        loads.add(load.apply(p).describe() + (population.members().size() > 1 ? " — mix, "
            + java.math.BigDecimal.valueOf(100 * m.weight() / total).round(new java.math.MathContext(3))
            .stripTrailingZeros().toPlainString() + "% of iterations" : ""));
      }
    }
    return loads;
  }

  /** Each scenario's load as one worker ran it: its share of the population's model. */
  private List<String> shareLoads(List<List<Load>> splits, int node) {
    return loads(p -> splits.get(p).get(node));
  }

  /**
   * The merged result described as the whole run, not as the concatenation of the workers' shares: each scenario
   * reads as the run's own load model ("100 users for 15s"), the total as a run in one JVM would.
   */
  static RunResult describedAsAWhole(RunResult merged, List<String> names, List<String> loads) {
    var scenarios = merged.scenarios().stream().map(s -> {
      int i = names.indexOf(s.name());
      return i < 0 ? s : withLoad(s, loads.get(i));
    }).toList();
    String totalLoad = scenarios.stream().map(ScenarioResult::load).distinct()
        .collect(Collectors.joining(" + "));
    return new RunResult(merged.schema(), merged.run(), withLoad(merged.total(), totalLoad), scenarios,
        merged.thresholds(), merged.generator(), merged.nodes(), merged.measurements());
  }

  private static ScenarioResult withLoad(ScenarioResult s, String load) {
    return new ScenarioResult(s.name(), load, s.maxUsers(), s.durationMillis(), s.counters(), s.metrics(),
        s.breakdown(), s.errors(), s.timeSeries());
  }

  private static Messages.NodeOutcome outcome(Future<String> future, NodeState node) {
    try {
      return PlanCodec.fromJson(future.get(5, TimeUnit.SECONDS), Messages.NodeOutcome.class);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return null;
    } catch (ExecutionException | TimeoutException e) {
      if (node.failure == null) {
        node.fail("did not return its result (" + e.getCause() + ")", System.currentTimeMillis());
      }
      return null;
    }
  }

  /** Waits, bounded, for the expected number of workers; the error says who joined and who is missing. */
  private List<NodeState> awaitWorkers(HazelcastInstance hz) {
    IMap<String, String> registry = hz.getMap(Hazelcasts.WORKERS);
    long deadline = System.nanoTime() + settings.joinTimeout().toNanos();
    while (true) {
      var found = new ArrayList<NodeState>();
      boolean anyData = hz.getCluster().getMembers().stream().anyMatch(m -> !m.isLiteMember());
      for (Member m : hz.getCluster().getMembers()) {
        if (m.isLiteMember() || !anyData) {
          continue;
        }
        String json = registry.get(m.getUuid().toString());
        if (json != null) {
          found.add(new NodeState(m, PlanCodec.fromJson(json, Messages.WorkerInfo.class)));
        }
      }
      found.sort(Comparator.comparing(n -> n.name));
      LOG.debug("waiting for workers: members {}, registered {}", hz.getCluster().getMembers(), registry.keySet());
      if (found.size() >= settings.workers()) {
        return List.copyOf(found.subList(0, settings.workers()));
      }
      if (System.nanoTime() > deadline) {
        var joined = found.stream().map(n -> n.name + " (" + n.info.address() + ")").toList();
        var addresses = found.stream().map(n -> n.info.address()).toList();
        var missing = settings.members().stream().filter(a -> !addresses.contains(a)).toList();
        throw new IllegalStateException(found.size() + " of " + settings.workers() + " workers joined cluster '"
            + settings.cluster() + "' within " + settings.joinTimeout() + ": joined " + joined
            + "; no worker answered at " + missing + ". Start the missing workers (dev.liveload.cluster.Worker) "
            + "with the same --cluster name and secret.");
      }
      try {
        Thread.sleep(200);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for workers", e);
      }
    }
  }
}
