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

  /** A plan accepted and made ready: its engine built, feeders open, browser launched; waiting for its start. */
  static final class Prepared {
    final Plan plan;
    final RunOptions options;
    final Engine engine;
    final java.util.concurrent.atomic.AtomicLong seq = new java.util.concurrent.atomic.AtomicLong();
    volatile long startAt;
    volatile long startNanos;
    volatile double wakeSkewMillis;

    Prepared(Plan plan, RunOptions options, java.util.function.Function<Prepared, EngineHooks> hooks) {
      this.plan = plan;
      this.options = options;
      this.engine = new Engine(options, hooks.apply(this));
    }
  }

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
    // a plan prepared long ago whose start never came (its controller died in between): release what it holds
    long clusterNow = hazelcast.getCluster().getClusterTime();
    prepared.values().removeIf(old -> {
      boolean stale = clusterNow - old.plan.issuedAt() > MAX_PLAN_AGE_MILLIS;
      if (stale) {
        old.engine.discard();
      }
      return stale;
    });
    if (seen.putIfAbsent(plan.runId(), true) != null) {
      return "run " + plan.runId() + " was already prepared here: refused as replayed";
    }
    ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
        ? Thread.currentThread().getContextClassLoader() : WorkerRuntime.class.getClassLoader();
    String otherCode = ScenarioClasses.mismatch(plan.classes(), loader);
    if (otherCode != null) {
      LOG.warn("refused run {}: {}", plan.runId(), otherCode);
      return otherCode;
    }
    try {
      RunOptions options = PlanCodec.options(plan, loader);
      // everything that takes time happens now, before the controller fixes the start: feeders open, the browser
      // launches, the engine's own code loads
      var ready = new Prepared(plan, options, this::hooks);
      try {
        ready.engine.prepareForPlannedStart();
      } catch (RuntimeException e) {
        ready.engine.discard();
        throw e;
      }
      prepared.put(plan.runId(), ready);
      return null;
    } catch (RuntimeException e) {
      return "plan cannot run here: " + e.getMessage();
    }
  }

  /** Drops a prepared plan that will not start (another worker refused its own), closing what it opened. */
  void cancel(String runId) {
    Prepared p = prepared.remove(runId);
    if (p != null) {
      p.engine.discard();
    }
  }

  private EngineHooks hooks(Prepared p) {
    String runId = p.plan.runId();
    ITopic<String> intervals = hazelcast.getTopic(Hazelcasts.INTERVALS + runId);
    Runnable gate = () -> waitFor(p);
    return new EngineHooks(gate, data -> intervals.publish(PlanCodec.toJson(
        new Messages.NodeInterval(runId, info.name(), p.seq.getAndIncrement(), data))), runId);
  }

  /** Runs a prepared plan from {@code startAt} (cluster time) to the end; returns the node's outcome. */
  Messages.NodeOutcome run(String runId, long startAt) {
    Prepared p = prepared.remove(runId);
    if (p == null) {
      return new Messages.NodeOutcome(info.name(), info.host(), info.cores(), 0, null, null,
          "run " + runId + " was not prepared on " + info.name());
    }
    long now = hazelcast.getCluster().getClusterTime();
    if (startAt < now - 5_000 || startAt > now + MAX_PLAN_AGE_MILLIS) {
      p.engine.discard();
      return new Messages.NodeOutcome(info.name(), info.host(), info.cores(), 0, null, null,
          "start time is " + (startAt - now) + " ms from now (cluster time): refused");
    }
    ITopic<String> control = hazelcast.getTopic(Hazelcasts.CONTROL + runId);
    p.startAt = startAt;
    Engine[] engine = {p.engine};
    UUID controller = UUID.fromString(p.plan.controller());
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
        p.engine.discard();
        return new Messages.NodeOutcome(info.name(), info.host(), info.cores(), 0, null, null,
            "the controller is no longer in the cluster: not started");
      }
      RunResult result = engine[0].run();
      long first = engine[0].firstActionNanos();
      Double firstSkew = first == Long.MIN_VALUE ? null
          : Math.round((first - p.startNanos) / 1e4) / 100.0; // ms, to 0.01
      return new Messages.NodeOutcome(info.name(), info.host(), info.cores(), p.wakeSkewMillis, firstSkew,
          result.toJson(), null);
    } finally {
      hazelcast.getCluster().removeMembershipListener(membership);
      control.removeMessageListener(orders);
      Thread.interrupted(); // an engine interrupted by a stop must not leave the executor thread interrupted
    }
  }

  /**
   * Sleeps until cluster time reaches the run's start (the last 2 ms spinning); records how late the release was,
   * in ms, against the start converted to this JVM's clock (cluster time has millisecond resolution), and that
   * planned start on this JVM's clock, which first actions are compared with.
   */
  private void waitFor(Prepared p) {
    long clusterNow = hazelcast.getCluster().getClusterTime();
    long targetNanos = System.nanoTime() + (p.startAt - clusterNow) * 1_000_000L;
    p.startNanos = targetNanos;
    long left;
    while ((left = targetNanos - System.nanoTime()) > 2_000_000L) {
      LockSupport.parkNanos(left - 2_000_000L);
    }
    while (System.nanoTime() - targetNanos < 0) {
      Thread.onSpinWait();
    }
    p.wakeSkewMillis = (System.nanoTime() - targetNanos) / 1e6;
  }
}
