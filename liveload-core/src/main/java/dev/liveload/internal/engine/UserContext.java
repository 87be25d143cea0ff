package dev.liveload.internal.engine;

import dev.liveload.IterationFailedException;

/**
 * What a user's sessions (HTTP, WebSocket, browser) need from the engine: recording samples and errors under the
 * user's scenario and current step, and knowing why the thread was interrupted.
 */
public interface UserContext {

  /** @return the user's current step path, or null outside any step */
  String step();

  /**
   * Records one sample (allocation-free when the tag combination was seen before by this user).
   *
   * @param metric metric name, e.g. {@code http.duration}
   * @param step   step tag or null
   * @param method method tag or null
   * @param url    url tag or null
   * @param status status tag, 0 for none
   * @param error  error kind, null for a successful sample
   * @param value  the value in the metric's recording unit (µs for durations)
   */
  void record(String metric, String step, String method, String url, int status, String error, long value);

  /**
   * Records a sample measured elsewhere and handed back later (a browser page's request, frame or Web Vital) under
   * the scenario and step the user was in when it happened: at {@code nanos}, on the {@link System#nanoTime()}
   * clock. A time before the user's recent past gets the oldest scenario and step still known.
   *
   * @param nanos  when it happened (a span: when it began)
   * @param metric metric name
   * @param method method tag or null
   * @param url    url tag or null
   * @param status status tag, 0 for none
   * @param error  error kind, null for a successful sample
   * @param value  the value in the metric's recording unit
   */
  void recordAt(long nanos, String metric, String method, String url, int status, String error, long value);

  /**
   * An action is handed to the target now or began at {@code nanos} (a browser batch dispatched to its page): the
   * run's first action is the earliest of these and of its requests' starts.
   *
   * @param nanos when, on the {@link System#nanoTime()} clock
   */
  default void actionBegan(long nanos) {}

  /**
   * Time the user's thread spent waiting on the generator's own work rather than the target's: a browser batch
   * waiting for the browser thread and its result coming back. It is taken out of the duration of the step and the
   * iteration it happened in (they count the page's time instead) and watched by the generator's health.
   *
   * @param nanos how long, >= 0
   */
  void handOver(long nanos);

  /**
   * Time the user's thread spent on the generator's own set-up, once per user or after a crash (opening a browser
   * context): taken out of the step's and iteration's durations, like a hand-over, but not a sign of saturation.
   *
   * @param nanos how long, >= 0
   */
  void setUp(long nanos);

  /**
   * Records a failure in the error groups and marks the current iteration failed.
   *
   * @param kind    error kind
   * @param message what happened
   * @param step    step tag or null
   * @param method  method tag or null
   * @param url     url tag or null
   */
  void recordError(String kind, String message, String step, String method, String url);

  /**
   * Records a failure and returns the exception that ends the iteration (already recorded, so the engine does
   * not count it twice).
   */
  default IterationFailedException fail(String kind, String message, String method, String url, Throwable cause) {
    recordError(kind, message, step(), method, url);
    return new RecordedFailure(kind, message, cause);
  }

  /**
   * Takes secrets out of text that goes to a log line (recorded errors are redacted already).
   *
   * @param text the text
   * @return it without secret parameter values, secret header values and URL user info
   */
  default String redact(String text) {
    return dev.liveload.internal.metrics.Redactor.DEFAULT.redact(text);
  }

  /** @return {@code iteration_timeout} or {@code interrupted} when the engine interrupted this thread, else null */
  String interruptKind();

  /**
   * Starts a response timeout: past {@code deadlineNanos} ({@link System#nanoTime()} scale) the user's thread is
   * interrupted, which closes a socket it is blocked on. Pair every call with {@link #endIo()}.
   */
  void beginIo(long deadlineNanos);

  /** Ends the response timeout; true when it fired (the interrupt it made has been cleared). */
  boolean endIo();

  /** Stores a user variable. */
  void set(String name, Object value);

  /** Aborts the whole run: a scenario bug that every iteration would repeat. */
  IterationFailedException usageError(String message);

  /**
   * Aborts the whole run for a reason outside the scenario (a browser that cannot come back); the result says why.
   */
  void abortRun(String reason);

  /**
   * Expands {@code {{name}}} placeholders with the user's variables, feeder rows and the builtins (see
   * {@link dev.liveload.internal.data.Templates}); text without placeholders comes back as it is.
   *
   * @param text the text
   * @return the expanded text
   * @throws IterationFailedException kind {@code template} (unknown name, bad syntax) or {@code feeder}, already
   *     recorded
   */
  String render(String text);

  /** As {@link #render(String)}, with values escaped for the inside of JSON strings. */
  String renderJson(String text);

  /**
   * A counter of the user's current scenario, for counts made off the user's thread (WebSocket frames counted on
   * the socket's read thread). Keep it while the user stays in the scenario.
   *
   * @param name counter name, e.g. {@code ws.frames.received}
   * @return the adder, shared by every user of the scenario
   */
  java.util.concurrent.atomic.LongAdder counter(String name);
}
