package dev.liveload.cluster.internal;

import com.hazelcast.cluster.MembershipEvent;
import com.hazelcast.cluster.MembershipListener;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.topic.ITopic;
import dev.liveload.RunOptions;
import dev.liveload.internal.engine.Engine;
import dev.liveload.internal.engine.EngineHooks;
import dev.liveload.result.RunResult;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker JVM's state: its member, its secret, the plans it accepted. Tasks sent by a controller find it here
 * (there is one worker per JVM).
 */
public final class WorkerRuntime {
  private static final Logger LOG = LoggerFactory.getLogger(WorkerRuntime.class);
  /** A plan older than this (cluster time) is refused: replays of captured plans do not start load. */
  static final long MAX_PLAN_AGE_MILLIS = 60_000;

  private static volatile WorkerRuntime current;

  final HazelcastInstance hazelcast;
  final Signer signer;
  final Messages.WorkerInfo info;
  private final Map<String, Prepared> prepared = new ConcurrentHashMap<>();
  private final Map<String, Boolean> seen = new ConcurrentHashMap<>();

  record Prepared(Plan plan, RunOptions options) {}

  public WorkerRuntime(HazelcastInstance hazelcast, Signer signer, Messages.WorkerInfo info) {
    this.hazelcast = hazelcast;
    this.signer = signer;
    this.info = info;
  }

  public static void install(WorkerRuntime runtime) {
    current = runtime;
  }

  static WorkerRuntime current() {
    WorkerRuntime r = current;
    if (r == null) {
      throw new IllegalStateException("this member is not a LiveLoad worker");
    }
    return r;
  }

  /** Checks a signed plan and keeps it ready to start; returns null or why it was refused. */
  String prepare(String planJson, String signature) {
    if (!signer.verify(planJson, signature)) {
      return "plan signature does not match: the controller's secret differs from this worker's "
          + "(LIVELOAD_CLUSTER_SECRET or --secret-file); no load started";
    }
    Plan plan;
    try {
      plan = PlanCodec.fromJson(planJson, Plan.class);
    } catch (IllegalArgumentException e) {
      return "plan is not readable: " + e.getMessage();
    }
    long age = hazelcast.getCluster().getClusterTime() - plan.issuedAt();
    if (Math.abs(age) > MAX_PLAN_AGE_MILLIS) {
      return "plan was issued " + age + " ms ago (cluster time): refused as stale or replayed";
    }
    if (seen.putIfAbsent(plan.runId(), true) != null) {
      return "run " + plan.runId() + " was already prepared here: refused as replayed";
    }
    try {
      RunOptions options = PlanCodec.options(plan, Thread.currentThread().getContextClassLoader() != null
          ? Thread.currentThread().getContextClassLoader() : WorkerRuntime.class.getClassLoader());
      prepared.put(plan.runId(), new Prepared(plan, options));
      return null;
    } catch (RuntimeException e) {
      return "plan cannot run here: " + e.getMessage();
    }
  }

  /** Runs a prepared plan from {@code startAt} (cluster time) to the end; returns the node's outcome. */
  Messages.NodeOutcome run(String runId, long startAt) {
    Prepared p = prepared.remove(runId);
    if (p == null) {
      return new Messages.NodeOutcome(info.name(), info.host(), info.cores(), 0, null,
          "run " + runId + " was not prepared on " + info.name());
    }
    long now = hazelcast.getCluster().getClusterTime();
    if (startAt < now - 5_000 || startAt > now + MAX_PLAN_AGE_MILLIS) {
      return new Messages.NodeOutcome(info.name(), info.host(), info.cores(), 0, null,
          "start time is " + (startAt - now) + " ms from now (cluster time): refused");
    }
    ITopic<String> intervals = hazelcast.getTopic(Hazelcasts.INTERVALS + runId);
    ITopic<String> control = hazelcast.getTopic(Hazelcasts.CONTROL + runId);
    AtomicLong seq = new AtomicLong();
    double[] skew = new double[1];
    Engine[] engine = new Engine[1];
    Runnable gate = () -> skew[0] = waitFor(startAt);
    var hooks = new EngineHooks(gate, data -> intervals.publish(PlanCodec.toJson(
        new Messages.NodeInterval(runId, info.name(), seq.getAndIncrement(), data))), runId);
    engine[0] = new Engine(p.options(), hooks);
    UUID controller = UUID.fromString(p.plan().controller());
    UUID membership = hazelcast.getCluster().addMembershipListener(new MembershipListener() {
      @Override
      public void memberAdded(MembershipEvent event) {}

      @Override
      public void memberRemoved(MembershipEvent event) {
        if (event.getMember().getUuid().equals(controller)) {
          LOG.warn("controller left the cluster: stopping run {}", runId);
          engine[0].abort("the controller left the cluster");
        }
      }
    });
    UUID orders = control.addMessageListener(m -> {
      String msg = m.getMessageObject();
      if (msg.startsWith("abort:")) {
        engine[0].abort(msg.substring(6));
      }
    });
    try {
      if (hazelcast.getCluster().getMembers().stream().noneMatch(m -> m.getUuid().equals(controller))) {
        return new Messages.NodeOutcome(info.name(), info.host(), info.cores(), 0, null,
            "the controller is no longer in the cluster: not started");
      }
      RunResult result = engine[0].run();
      return new Messages.NodeOutcome(info.name(), info.host(), info.cores(), skew[0], result.toJson(), null);
    } finally {
      hazelcast.getCluster().removeMembershipListener(membership);
      control.removeMessageListener(orders);
      Thread.interrupted(); // an engine interrupted by a stop must not leave the executor thread interrupted
    }
  }

  /**
   * Sleeps until cluster time reaches {@code startAt} (the last 2 ms spinning); returns how late the release was,
   * in ms, against the start converted to this JVM's clock (cluster time has millisecond resolution).
   */
  private double waitFor(long startAt) {
    long clusterNow = hazelcast.getCluster().getClusterTime();
    long targetNanos = System.nanoTime() + (startAt - clusterNow) * 1_000_000L;
    long left;
    while ((left = targetNanos - System.nanoTime()) > 2_000_000L) {
      LockSupport.parkNanos(left - 2_000_000L);
    }
    while (System.nanoTime() - targetNanos < 0) {
      Thread.onSpinWait();
    }
    return (System.nanoTime() - targetNanos) / 1e6;
  }
}
