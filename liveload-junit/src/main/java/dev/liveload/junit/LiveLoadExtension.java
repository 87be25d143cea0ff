package dev.liveload.junit;

import dev.liveload.LiveLoad;
import dev.liveload.junit.internal.OptionsFactory;
import dev.liveload.junit.internal.ResultFiles;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ThresholdResult;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.MediaType;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;

/**
 * Runs {@link LoadTest}s: builds the run from the annotations (failing with a clear message, before any load, when
 * they are inconsistent), runs it, writes the result and report files, hands the {@link RunResult} to the test
 * method, and fails the test when a threshold failed or the run did not complete. Registered by {@link LoadTest};
 * there is nothing to configure.
 *
 * @since 0.1
 */
public final class LiveLoadExtension implements ParameterResolver, InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LiveLoadExtension.class);

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    return parameter.getParameter().getType() == RunResult.class && loadTest(context).isPresent();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    return outcome(context).result();
  }

  @Override
  public void interceptTestMethod(Invocation<Void> invocation, ReflectiveInvocationContext<Method> invocationContext,
      ExtensionContext context) throws Throwable {
    if (loadTest(context).isEmpty()) {
      invocation.proceed();
      return;
    }
    Outcome outcome = outcome(context);
    invocation.proceed();
    String failure = failure(outcome, context);
    if (failure != null) {
      throw new AssertionFailedError(failure);
    }
  }

  private static Optional<LoadTest> loadTest(ExtensionContext context) {
    return context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, LoadTest.class));
  }

  /** What one load test produced. */
  private record Outcome(RunResult result, List<ThresholdResult> verdicts, Path json, Path html) {}

  /** Runs the load test once per test method, however many times it is asked for. */
  private static Outcome outcome(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent("outcome", key -> run(context), Outcome.class);
  }

  private static Outcome run(ExtensionContext context) {
    LoadTest test = loadTest(context).orElseThrow();
    OptionsFactory.Prepared prepared = OptionsFactory.prepare(context, test);
    RunResult run = LiveLoad.run(prepared.options());
    var verdicts = new ArrayList<>(run.thresholds());
    prepared.afterwards().forEach(t -> verdicts.add(t.evaluate(run)));
    RunResult result = verdicts.size() == run.thresholds().size() ? run : run.withThresholds(verdicts);
    Path[] files = ResultFiles.write(result, context.getRequiredTestClass(), context.getRequiredTestMethod().getName(),
        Reports.html());
    publish(context, files[0], MediaType.APPLICATION_JSON);
    if (files[1] != null) {
      publish(context, files[1], MediaType.create("text", "html"));
    }
    return new Outcome(result, verdicts, files[0], files[1]);
  }

  /**
   * Attaches a file to the test in the JUnit Platform's reports, where the launcher keeps test outputs (some do
   * not: then the file under {@code target/liveload} is the one to read).
   */
  private static void publish(ExtensionContext context, Path file, MediaType type) {
    try {
      context.publishFile(file.getFileName().toString(), type,
          path -> java.nio.file.Files.copy(file, path, java.nio.file.StandardCopyOption.REPLACE_EXISTING));
    } catch (RuntimeException outputsDisabled) {
      // the launcher keeps no outputs; nothing lost
    }
  }

  /** The failure message, or null when the load test passed. */
  private static String failure(Outcome o, ExtensionContext context) {
    RunResult r = o.result();
    List<ThresholdResult> failed = o.verdicts().stream().filter(t -> !t.passed()).toList();
    boolean incomplete = r.run().status() != RunStatus.COMPLETED;
    if (failed.isEmpty() && !incomplete) {
      return null;
    }
    var sb = new StringBuilder();
    String test = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    if (!failed.isEmpty()) {
      sb.append(failed.size()).append(" of ").append(o.verdicts().size()).append(" LiveLoad thresholds failed in ")
          .append(test).append(':');
      for (ThresholdResult t : failed) {
        sb.append("\n  ✗ ").append(t.expression()).append(" — observed ").append(t.observedText())
            .append(" (").append(t.detail()).append(')');
      }
    }
    if (incomplete) {
      sb.append(sb.isEmpty() ? "" : "\n").append("the load test ").append(test).append(" did not complete: ")
          .append(r.run().status().name().toLowerCase(Locale.ROOT));
      if (!r.run().reason().isEmpty()) {
        sb.append(" (").append(r.run().reason()).append(')');
      }
    }
    sb.append(String.format(Locale.ROOT, "%n  run: %d requests, %d failed, %d iterations, up to %d users, %.1f s",
        r.total().requests(), r.total().failedRequests(), r.total().iterations(), r.total().maxUsers(),
        r.run().durationMillis() / 1000.0));
    sb.append("\n  result: ").append(o.json().toAbsolutePath());
    if (o.html() != null) {
      sb.append("\n  report: ").append(o.html().toAbsolutePath());
    }
    return sb.toString();
  }
}
