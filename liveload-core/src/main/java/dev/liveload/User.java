package dev.liveload;

import dev.liveload.browser.BrowserSession;
import dev.liveload.http.HttpSession;
import dev.liveload.ws.WsOptions;
import dev.liveload.ws.WsSession;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;

/**
 * One virtual user: its identity, its variables and its sessions. Each user runs on its own virtual thread, and
 * everything reached from it (its HTTP connections, cookies, browser context) belongs to it alone. Implemented by
 * LiveLoad; not for implementation by users.
 *
 * <pre>{@code
 * public void run(User user) {
 *   user.step("search", () -> user.http().get("/search").query("q", "shoes").check(status(200)));
 *   user.think(Duration.ofSeconds(2), 0.5);          // 1 to 3 s
 *   if (user.random().nextDouble() < 0.2) {
 *     user.http().post("/cart").json(Map.of("sku", 42)).check(status(201));
 *   }
 * }
 * }</pre>
 *
 * @since 0.1
 */
public interface User {

  /** @return this user's number, unique in the run, starting at 1 */
  int id();

  /** @return the name of the scenario this user runs */
  String scenario();

  /** @return the number of this user's current iteration, starting at 0 */
  long iteration();

  /**
   * This user's HTTP session: its own keep-alive connections (one per origin) and cookies, kept across
   * iterations.
   *
   * @return the session, never null
   */
  HttpSession http();

  /**
   * This user's browser: its own isolated browser context and page, kept across iterations (a crashed one is
   * replaced). The browser launches before the load when the run has {@code RunOptions.Builder.browser(...)}
   * options, else when the first user calls this; it needs a browser connection on the class path
   * ({@code liveload-browser}).
   *
   * <pre>{@code
   * user.browser().navigate("/").click("#add").waitForText("#cart", "1 item");
   * }</pre>
   *
   * @return the session, never null
   */
  BrowserSession browser();

  /**
   * Pauses like a person reading, for exactly {@code duration}. Time spent thinking is part of the iteration's
   * duration but not of any request or step.
   *
   * @param duration how long, >= 0
   */
  void think(Duration duration);

  /**
   * Pauses for {@code base} ± {@code jitter} (a fraction): {@code think(ofSeconds(2), 0.5)} waits between 1 and 3
   * seconds, uniformly.
   *
   * @param base   the mean pause, >= 0
   * @param jitter fraction of {@code base} to vary by, in [0, 1]
   */
  void think(Duration base, double jitter);

  /**
   * Pauses for a uniformly random time between {@code min} and {@code max}.
   *
   * @param min shortest pause, >= 0
   * @param max longest pause, >= min
   */
  void thinkBetween(Duration min, Duration max);

  /**
   * Runs a named, timed transaction (a k6 group, a Gatling group). Its time goes to {@code step.duration} and
   * every request inside is tagged with the step name; nested steps are named {@code outer / inner}.
   *
   * @param name step name, not blank
   * @param body what the step does
   */
  void step(String name, StepBody body);

  /**
   * Runs a named, timed transaction that produces a value.
   *
   * @param name step name, not blank
   * @param body what the step does
   * @param <T>  the value's type
   * @return what {@code body} returned
   */
  <T> T step(String name, Callable<T> body);

  /**
   * Stores a per-user variable, kept across iterations.
   *
   * @param name  variable name
   * @param value its value; null removes it
   */
  void set(String name, Object value);

  /**
   * A per-user variable as text.
   *
   * @param name variable name
   * @return its {@code toString()}, or null when unset
   */
  String get(String name);

  /**
   * A per-user variable of a given type.
   *
   * @param name variable name
   * @param type expected type
   * @param <T>  the type
   * @return the value, or null when unset
   * @throws ClassCastException when it holds another type
   */
  <T> T get(String name, Class<T> type);

  /** @return a read-only snapshot of this user's variables */
  Map<String, Object> vars();

  /**
   * A random generator for this user, seeded from the run's seed and the user id, so a run with the same seed
   * makes the same choices.
   *
   * @return this user's generator, never null
   */
  RandomGenerator random();

  /**
   * A column of this user's current feeder row (see {@link dev.liveload.data.Feeder}): the row is drawn from the
   * feeder that has this column the first time it is read in an iteration, and stays the same until the
   * iteration ends ({@code uniquePerUser}: until the user stops). {@code {{column}}} in a URL, header or body
   * reads the same value.
   *
   * <pre>{@code
   * user.http().post("/login").form(Map.of("email", user.feed("email"), "password", user.feed("password")));
   * }</pre>
   *
   * @param column a column of exactly one of the feeders this user sees
   * @return its value; null only when a JSON row has no value for it
   * @throws IterationFailedException kind {@code feeder} when the feeder has run out (see
   *     {@link dev.liveload.data.Feeder#whenExhausted}) or the row is malformed; an unknown or ambiguous column
   *     aborts the run (a scenario bug)
   */
  String feed(String column);

  /**
   * The whole current row of the only feeder this user sees.
   *
   * @return column → value, unmodifiable, never null
   * @throws IterationFailedException as {@link #feed(String)}; with no feeder or several, the run aborts with a
   *     message saying to use {@link #feedRow(String)}
   */
  Map<String, String> feed();

  /**
   * The whole current row of a named feeder.
   *
   * @param feeder the feeder's name
   * @return column → value, unmodifiable, never null
   * @throws IterationFailedException as {@link #feed(String)}
   */
  Map<String, String> feedRow(String feeder);

  /**
   * Draws a new row from a named feeder now, replacing the current one (to use several rows in one iteration).
   *
   * @param feeder the feeder's name
   * @return the new row, unmodifiable, never null
   * @throws IterationFailedException as {@link #feed(String)}
   */
  Map<String, String> feedNext(String feeder);

  /**
   * Opens a WebSocket with the default options: it closes when the iteration (or {@code beforeUser}/
   * {@code afterUser}) ends. To keep one across iterations, see {@link #ws(String, WsOptions)}.
   *
   * <pre>{@code
   * WsSession ws = user.ws("/echo");                        // ws://<base host>/echo; wss:// for an https base
   * ws.send("hello {{random_string:8}}");
   * ws.expect(Ws.regex("^hello "), Duration.ofSeconds(2));  // round trip recorded as ws.roundtrip
   * }</pre>
   *
   * @param url {@code ws://}, {@code wss://}, or relative to the base URL; templates allowed
   * @return the open session, never null
   * @throws IterationFailedException kind {@code ws_connect} when the connection or handshake fails
   */
  WsSession ws(String url);

  /**
   * Opens a WebSocket with options (headers, subprotocols, timeouts, kept across iterations). With
   * {@link WsOptions#keepAcrossIterations(boolean) keepAcrossIterations(true)} it stays open until the user stops,
   * and later calls with the same URL as written (or {@link WsOptions#name(String) name}) and equal options return
   * it while it is open; once it closed, the next call opens a new one.
   *
   * @param url     {@code ws://}, {@code wss://}, or relative to the base URL; templates allowed
   * @param options the options
   * @return the open session, never null
   * @throws IterationFailedException kind {@code ws_connect} when the connection or handshake fails
   */
  WsSession ws(String url, WsOptions options);

  /**
   * Waits until the named throttle admits this user (see {@link dev.liveload.Throttle}); the wait is part of the
   * iteration. Close the permit to leave a parallelism throttle early; it is closed at the end of the iteration.
   *
   * @param name a throttle configured with {@link RunOptions.Builder#throttle(Throttle...)}
   * @return the permit, never null
   */
  dev.liveload.Throttle.Permit throttle(String name);

  /**
   * Fails the current iteration with a check failure.
   *
   * @param message what was wrong
   * @throws IterationFailedException always
   */
  void fail(String message);

  /**
   * A step body.
   *
   * @since 0.1
   */
  @FunctionalInterface
  interface StepBody {
    /** @throws Exception to fail the step and the iteration */
    void run() throws Exception;
  }
}
