package dev.liveload;

import dev.liveload.result.RunResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.ServiceLoader;

/**
 * A step that {@link LiveLoad#runAndExit(RunOptions)} and the JUnit extension take around every run, found on the
 * class path with {@link ServiceLoader} (list the class in {@code META-INF/services/dev.liveload.RunHook}). A hook
 * is configured by itself (system properties, environment), not by the run's options, and does nothing when it is
 * not configured. {@code liveload-history} registers one: with {@code -Dliveload.history=DIR} it adds each result to
 * that run history and flags regressions against the runs before it.
 *
 * <pre>{@code
 * public final class Announce implements RunHook {
 *   public RunHook.Outcome afterRun(RunResult result) {
 *     return RunHook.Outcome.note("run " + result.run().id() + " finished");
 *   }
 * }
 * }</pre>
 *
 * <p>Stability: experimental; may gain default methods.
 *
 * @since 0.1
 */
public interface RunHook {

  /**
   * Checks the hook's own configuration before any load starts.
   *
   * @throws InvalidOptionException naming the setting, what it was and what is allowed
   */
  default void beforeRun() {}

  /**
   * Takes the finished run.
   *
   * @param result the run's result, with every verdict; not null
   * @return what the hook has to say, never null
   */
  Outcome afterRun(RunResult result);

  /**
   * What a hook had to say about a run.
   *
   * @param notes    lines for the person reading the verdict; never null, possibly empty
   * @param failures why the run must fail, one line each; never null, empty when it need not
   * @since 0.1
   */
  record Outcome(List<String> notes, List<String> failures) {
    /** Nothing to say. */
    public static final Outcome NONE = new Outcome(List.of(), List.of());

    /** Copies the lists. */
    public Outcome {
      notes = List.copyOf(notes);
      failures = List.copyOf(failures);
    }

    /**
     * @param line what to tell
     * @return an outcome with one note and no failure
     */
    public static Outcome note(String line) {
      return new Outcome(List.of(line), List.of());
    }
  }

  /**
   * The hooks on the class path (of the thread's context class loader), in the order {@link ServiceLoader} finds
   * them.
   *
   * @return the hooks, never null, possibly empty
   */
  static List<RunHook> installed() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    var hooks = new ArrayList<RunHook>();
    ServiceLoader.load(RunHook.class, loader == null ? RunHook.class.getClassLoader() : loader).forEach(hooks::add);
    return hooks;
  }

  /**
   * Runs every hook's {@link #afterRun}; a hook that throws becomes a failure naming it, so one broken hook neither
   * hides the others nor loses the result.
   *
   * @param hooks  the hooks
   * @param result the run's result
   * @return all they said, in order
   */
  static Outcome afterRun(List<RunHook> hooks, RunResult result) {
    Objects.requireNonNull(result, "result");
    var notes = new ArrayList<String>();
    var failures = new ArrayList<String>();
    for (RunHook hook : hooks) {
      try {
        Outcome o = hook.afterRun(result);
        notes.addAll(o.notes());
        failures.addAll(o.failures());
      } catch (RuntimeException e) {
        failures.add(hook.getClass().getName() + " failed after the run: " + e);
      }
    }
    return new Outcome(notes, failures);
  }
}
