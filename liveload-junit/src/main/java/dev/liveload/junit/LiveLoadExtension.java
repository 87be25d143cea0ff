package dev.liveload.junit;

import dev.liveload.InvalidOptionException;
import dev.liveload.LiveLoad;
import dev.liveload.RunHook;
import dev.liveload.junit.internal.Attachments;
import dev.liveload.junit.internal.Failures;
import dev.liveload.junit.internal.OptionsFactory;
import dev.liveload.junit.internal.Outcome;
import dev.liveload.junit.internal.ResultFiles;
import dev.liveload.result.RunResult;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Runs {@link LoadTest}s: builds the run from the annotations (failing with a clear message naming the test, before
 * any load, when they are inconsistent), runs it right before the test method (after {@code @BeforeEach}), writes
 * the result and report files, hands the {@link RunResult} to the test method, and fails the test when a threshold
 * failed or the run did not complete. When the method body fails too, the failure shows both; any failure of a load
 * test says where its result and report are. Registered by {@link LoadTest}; there is nothing to configure. The
 * {@link RunHook}s on the class path take part: they check their settings before the load, take the result after it
 * (liveload-history's adds it to the history named by {@code -Dliveload.history}), their notes become report entries
 * of the test, and a failure they report fails it.
 *
 * <p>Works with JUnit 5.10 and newer, JUnit 6 included. From JUnit 5.12 on, the two files are also attached to the
 * test with {@code ExtensionContext.publishFile} (JUnit copies them into its reporting directory; configuration
 * parameter {@code liveload.publishFiles=false} turns that off).
 *
 * @since 0.1
 */
public final class LiveLoadExtension implements BeforeTestExecutionCallback, ParameterResolver, InvocationInterceptor {
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(LiveLoadExtension.class);
  private static final String OUTCOME = "outcome";

  @Override
  public void beforeTestExecution(ExtensionContext context) {
    Optional<LoadTest> test = loadTest(context);
    if (test.isPresent()) {
      context.getStore(NAMESPACE).put(OUTCOME, run(context, test.get()));
    }
  }

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
    Throwable body = null;
    try {
      invocation.proceed();
    } catch (OutOfMemoryError e) {
      throw e;
    } catch (Throwable e) {
      body = e;
    }
    Throwable failure = Failures.of(outcome, body);
    if (failure != null) {
      throw failure;
    }
  }

  private static Optional<LoadTest> loadTest(ExtensionContext context) {
    return context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, LoadTest.class));
  }

  private static Outcome outcome(ExtensionContext context) {
    Outcome outcome = context.getStore(NAMESPACE).get(OUTCOME, Outcome.class);
    if (outcome == null) {
      throw new IllegalStateException("the load test " + name(context) + " did not run (LiveLoadExtension's "
          + "beforeTestExecution was not called)");
    }
    return outcome;
  }

  private static String name(ExtensionContext context) {
    return context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
  }

  private static Outcome run(ExtensionContext context, LoadTest test) {
    String name = name(context);
    OptionsFactory.Prepared prepared = OptionsFactory.prepare(context, test);
    List<RunHook> hooks = RunHook.installed();
    RunResult run;
    try {
      hooks.forEach(RunHook::beforeRun);
      run = LiveLoad.run(prepared.options());
    } catch (InvalidOptionException e) {
      throw new ExtensionConfigurationException("@LoadTest on " + name + ": " + e.getMessage(), e);
    }
    var verdicts = new ArrayList<>(run.thresholds());
    prepared.afterwards().forEach(t -> verdicts.add(t.evaluate(run)));
    RunResult result = verdicts.size() == run.thresholds().size() ? run : run.withThresholds(verdicts);
    Path[] files = ResultFiles.write(result, context.getRequiredTestClass(), context.getRequiredTestMethod().getName(),
        Reports.html());
    Attachments.publish(context, files[0], "application/json");
    if (files[1] != null) {
      Attachments.publish(context, files[1], "text/html");
    }
    RunHook.Outcome said = RunHook.afterRun(hooks, result);
    said.notes().forEach(note -> context.publishReportEntry("liveload", note));
    return new Outcome(name, result, verdicts, files[0], files[1], said.failures());
  }
}
