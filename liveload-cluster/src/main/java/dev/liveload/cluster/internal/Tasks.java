package dev.liveload.cluster.internal;

import java.io.Serializable;
import java.util.concurrent.Callable;

/** The tasks a controller sends to workers (their class must be on every worker's class path; it is). */
public final class Tasks {
  private Tasks() {}

  /** Checks a signed plan and keeps it ready; answers a {@link Messages.Prepared} as JSON. */
  public record Prepare(String planJson, String signature) implements Callable<String>, Serializable {
    @Override
    public String call() {
      WorkerRuntime runtime = WorkerRuntime.current();
      return PlanCodec.toJson(new Messages.Prepared(runtime.info.name(), runtime.prepare(planJson, signature)));
    }
  }

  /** Drops a prepared run that will not start (signed like a start order for time 0); answers "ok". */
  public record Cancel(String runId, String signature) implements Callable<String>, Serializable {
    public static String message(String runId) {
      return "cancel " + runId;
    }

    @Override
    public String call() {
      WorkerRuntime runtime = WorkerRuntime.current();
      if (runtime.signer.verify(message(runId), signature)) {
        runtime.cancel(runId);
      }
      return "ok";
    }
  }

  /** Starts a prepared run at a cluster time; answers a {@link Messages.NodeOutcome} as JSON when it ends. */
  public record Start(String runId, long startAt, String signature) implements Callable<String>, Serializable {
    public static String message(String runId, long startAt) {
      return "start " + runId + " at " + startAt;
    }

    @Override
    public String call() {
      WorkerRuntime runtime = WorkerRuntime.current();
      if (!runtime.signer.verify(message(runId, startAt), signature)) {
        return PlanCodec.toJson(new Messages.NodeOutcome(runtime.info.name(), runtime.info.host(),
            runtime.info.cores(), 0, null, null, "start order signature does not match: no load started"));
      }
      return PlanCodec.toJson(runtime.run(runId, startAt));
    }
  }
}
