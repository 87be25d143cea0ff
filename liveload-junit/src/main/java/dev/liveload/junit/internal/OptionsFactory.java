package dev.liveload.junit.internal;

import dev.liveload.InvalidOptionException;
import dev.liveload.Load;
import dev.liveload.Population;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.junit.BaseUrl;
import dev.liveload.junit.LoadTest;
import dev.liveload.junit.Threshold;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;
import org.junit.platform.commons.support.ReflectionSupport;

/** Builds a load test's {@link RunOptions} from its annotations and test class; every error before any load. */
public final class OptionsFactory {
  private static final Pattern PROPERTY = Pattern.compile("\\$\\{([^}]+)}");

  private OptionsFactory() {}

  /** The options and the thresholds to evaluate after the run (those that could not be added to the options). */
  public record Prepared(RunOptions options, List<dev.liveload.Threshold> afterwards) {}

  /**
   * @param context the load test's context
   * @param test    its annotation
   * @return the run
   * @throws ExtensionConfigurationException naming the test ({@code @LoadTest on Class.method: ...}) and what is
   *     wrong, before any load
   */
  public static Prepared prepare(ExtensionContext context, LoadTest test) {
    String runName = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
    try {
      return build(context, test, runName);
    } catch (InvalidOptionException | ExtensionConfigurationException e) {
      throw new ExtensionConfigurationException("@LoadTest on " + runName + ": " + e.getMessage(), e);
    }
  }

  private static Prepared build(ExtensionContext context, LoadTest test, String runName) {
    Class<?> testClass = context.getRequiredTestClass();
    Object instance = context.getTestInstance().orElse(null);
    List<dev.liveload.Threshold> thresholds = thresholds(testClass, context.getRequiredTestMethod());
    if (!test.options().isEmpty()) {
      if (test.scenario().length > 0) {
        throw new ExtensionConfigurationException("it gives both scenario and options: use one (the options method "
            + "builds the whole run)");
      }
      Object built = invokeOptionsMethod(testClass, instance, test.options());
      if (built instanceof RunOptions options) {
        return new Prepared(options, thresholds);
      }
      RunOptions.Builder b = (RunOptions.Builder) built;
      applyCommon(b, context, test, runName);
      thresholds.forEach(b::threshold);
      return new Prepared(b.build(), List.of());
    }
    if (test.scenario().length == 0) {
      throw new ExtensionConfigurationException("it needs a scenario class (scenario = MyScenario.class) or an "
          + "options method (options = \"myOptions\")");
    }
    Duration duration = Durations.parse("duration", test.duration());
    Duration rampUp = test.rampUp().isBlank() ? Duration.ZERO : Durations.parse("rampUp", test.rampUp());
    RunOptions.Builder b = RunOptions.builder();
    for (Class<? extends Scenario> scenario : test.scenario()) {
      Load load = rampUp.isZero() ? Load.constant(test.users(), duration)
          : Load.rampUp(0, test.users(), rampUp).thenHold(duration);
      Population p = Population.of(scenario, load);
      if (!test.iterationTimeout().isBlank()) {
        p = p.iterationTimeout(Durations.parse("iterationTimeout", test.iterationTimeout()));
      }
      b.population(p);
    }
    applyCommon(b, context, test, runName);
    thresholds.forEach(b::threshold);
    return new Prepared(b.build(), List.of());
  }

  private static void applyCommon(RunOptions.Builder b, ExtensionContext context, LoadTest test, String runName) {
    b.name(runName);
    String baseUrl = baseUrl(context, test);
    if (baseUrl != null) {
      b.baseUrl(baseUrl);
    }
    if (test.seed() != 0) {
      b.seed(test.seed());
    }
    b.progress("console".equalsIgnoreCase(System.getProperty("liveload.progress")) ? Progress.console()
        : Progress.none());
  }

  /** Method and class thresholds, parsed now so a typo fails before any load. */
  private static List<dev.liveload.Threshold> thresholds(Class<?> testClass, Method method) {
    var out = new ArrayList<dev.liveload.Threshold>();
    for (AnnotatedElement e : List.<AnnotatedElement>of(testClass, method)) {
      for (Threshold t : AnnotationSupport.findRepeatableAnnotations(e, Threshold.class)) {
        dev.liveload.Threshold threshold = dev.liveload.Threshold.of(t.value()); // a typo fails here
        out.add(t.abortOnFail() ? threshold.abortOnFail() : threshold);
      }
    }
    return out;
  }

  private static String baseUrl(ExtensionContext context, LoadTest test) {
    if (!test.baseUrl().isBlank()) {
      return substitute(test.baseUrl());
    }
    Class<?> testClass = context.getRequiredTestClass();
    Object instance = context.getTestInstance().orElse(null);
    for (Field f : AnnotationSupport.findAnnotatedFields(testClass, BaseUrl.class)) {
      Object v = ReflectionSupport.tryToReadFieldValue(f, Modifier.isStatic(f.getModifiers()) ? null : instance)
          .getOrThrow(e -> new ExtensionConfigurationException("cannot read @BaseUrl field " + f.getName(), e));
      return asUrl(v, "@BaseUrl field " + f.getName());
    }
    for (Method m : AnnotationSupport.findAnnotatedMethods(testClass, BaseUrl.class, HierarchyTraversalMode.TOP_DOWN)) {
      if (m.getParameterCount() != 0) {
        throw new ExtensionConfigurationException("@BaseUrl method " + m.getName() + " must take no parameters");
      }
      Object v = ReflectionSupport.invokeMethod(m, Modifier.isStatic(m.getModifiers()) ? null : instance);
      return asUrl(v, "@BaseUrl method " + m.getName() + "()");
    }
    String property = System.getProperty("liveload.baseUrl");
    return property == null || property.isBlank() ? null : property;
  }

  private static String asUrl(Object v, String where) {
    if (v instanceof String || v instanceof URI || v instanceof URL) {
      return v.toString();
    }
    throw new ExtensionConfigurationException(where + " must be a String, URI or URL, but was " + v);
  }

  private static String substitute(String text) {
    Matcher m = PROPERTY.matcher(text);
    var sb = new StringBuilder();
    while (m.find()) {
      String value = System.getProperty(m.group(1));
      if (value == null) {
        throw new ExtensionConfigurationException("baseUrl = \"" + text + "\" uses the system property "
            + m.group(1) + ", which is not set");
      }
      m.appendReplacement(sb, Matcher.quoteReplacement(value));
    }
    m.appendTail(sb);
    return sb.toString();
  }

  private static Object invokeOptionsMethod(Class<?> testClass, Object instance, String name) {
    Method method = ReflectionSupport.findMethod(testClass, name).orElseThrow(() ->
        new ExtensionConfigurationException("options = \"" + name + "\": " + testClass.getSimpleName()
            + " has no method " + name + "() without parameters"));
    Class<?> type = method.getReturnType();
    if (type != RunOptions.class && type != RunOptions.Builder.class) {
      throw new ExtensionConfigurationException("options = \"" + name + "\": the method must return RunOptions or "
          + "RunOptions.Builder, not " + type.getSimpleName());
    }
    Object result = ReflectionSupport.invokeMethod(method, Modifier.isStatic(method.getModifiers()) ? null : instance);
    if (result == null) {
      throw new ExtensionConfigurationException("options = \"" + name + "\": the method returned null");
    }
    return result;
  }
}
