package dev.liveload;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Where live progress goes while a run is going, and how often: a compact line every few seconds (elapsed, load
 * phase, users, requests/s, p95, error %, dropped), then an end-of-test summary. Immutable.
 *
 * <pre>{@code
 * RunOptions.builder().progress(Progress.console().every(Duration.ofSeconds(10)))   // the default is console(), 5 s
 * RunOptions.builder().progress(Progress.slf4j())                                   // logger "dev.liveload.progress"
 * RunOptions.builder().progress(Progress.to(snapshot -> dashboard.update(snapshot)))
 * RunOptions.builder().progress(Progress.none())
 * }</pre>
 *
 * @since 0.1
 */
public final class Progress {
  /** Where lines go. */
  enum Sink { CONSOLE, SLF4J, CALLBACK, NONE }

  private final Sink sink;
  private final Consumer<ProgressSnapshot> listener;
  private final Duration every;
  private final boolean summary;

  private Progress(Sink sink, Consumer<ProgressSnapshot> listener, Duration every, boolean summary) {
    this.sink = sink;
    this.listener = listener;
    this.every = every;
    this.summary = summary;
  }

  /** @return lines and the final summary on standard output, every 5 s (the default) */
  public static Progress console() {
    return new Progress(Sink.CONSOLE, null, Duration.ofSeconds(5), true);
  }

  /** @return lines and the final summary as INFO messages of the SLF4J logger {@code dev.liveload.progress} */
  public static Progress slf4j() {
    return new Progress(Sink.SLF4J, null, Duration.ofSeconds(5), true);
  }

  /**
   * @param listener called on the metrics thread with each snapshot (in a distributed run at the controller, with
   *                 the whole cluster's, on a thread of the controller's); keep it quick
   * @return snapshots to a callback (no printed summary)
   */
  public static Progress to(Consumer<ProgressSnapshot> listener) {
    return new Progress(Sink.CALLBACK, Objects.requireNonNull(listener, "listener"), Duration.ofSeconds(5), false);
  }

  /** @return no progress and no summary */
  public static Progress none() {
    return new Progress(Sink.NONE, null, Duration.ofSeconds(5), false);
  }

  /**
   * @param interval time between snapshots, whole seconds from 1 s to 10 minutes
   * @return a copy with the interval
   */
  public Progress every(Duration interval) {
    if (interval == null || interval.toMillis() < 1000 || interval.compareTo(Duration.ofMinutes(10)) > 0
        || interval.toMillis() % 1000 != 0) {
      throw new InvalidOptionException("progress.every", interval, "must be whole seconds from PT1S to PT10M");
    }
    return new Progress(sink, listener, interval, summary);
  }

  /**
   * @param print whether to print the end-of-test summary (console and SLF4J only)
   * @return a copy
   */
  public Progress summary(boolean print) {
    return new Progress(sink, listener, every, print);
  }

  /** @return the interval between snapshots */
  public Duration every() {
    return every;
  }

  /** @return whether the end-of-test summary is printed */
  public boolean printsSummary() {
    return summary && (sink == Sink.CONSOLE || sink == Sink.SLF4J);
  }

  /** @return where snapshots go: {@code console}, {@code slf4j}, {@code callback} or {@code none} */
  public String sink() {
    return sink.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** @return the callback, or null */
  public Consumer<ProgressSnapshot> listener() {
    return listener;
  }
}
