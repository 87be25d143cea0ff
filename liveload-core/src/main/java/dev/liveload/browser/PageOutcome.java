package dev.liveload.browser;

import java.util.List;

/**
 * What {@link BrowserPage#run} reports: one result per action that ran, in order (stopping at the first that
 * failed, which is then the last), the samples the page measured meanwhile, and how the batch ran in the page.
 *
 * <p>LiveLoad times a step by the page's clock: a batch counts for {@link #pageMicros()}, and whatever else the
 * user's thread waited for the batch (handing it to the browser and the result back) is the generator's own
 * {@code browser.queue}. {@link #startNanos()} and {@link #endNanos()} place the batch on the JVM's clock, so that
 * samples measured just before, during or after it are recorded under the step they happened in.
 *
 * <pre>{@code
 * PageOutcome out = page.run(List.of(new BrowserAction.Click("#add")), "add to cart");
 * boolean allRan = out.results().size() == 1 && out.results().get(0).ok();
 * }</pre>
 *
 * @param results    one per action that ran, never null
 * @param samples    samples measured since the previous call, never null
 * @param pageMicros how long the batch took in the page, µs: from the start of its first action to the end of its
 *                   last, without the hand-overs between the page and the driver inside the batch (re-arming the
 *                   page after a navigation); -1 when unknown (LiveLoad then uses the sum of the results' durations)
 * @param startNanos when the page began the batch, on this JVM's {@link System#nanoTime()} clock (as the connection
 *                   maps its page's clock onto it), or {@link PageSample#NO_TIME}
 * @param endNanos   when the page finished it, on the same clock, or {@link PageSample#NO_TIME}
 * @since 0.1
 */
public record PageOutcome(List<ActionResult> results, List<PageSample> samples, long pageMicros, long startNanos,
    long endNanos) {
  /** Copies the lists. */
  public PageOutcome {
    results = List.copyOf(results);
    samples = List.copyOf(samples);
  }

  /**
   * An outcome without page timing: the batch counts for the sum of its results' durations.
   *
   * @param results one per action that ran
   * @param samples samples measured since the previous call
   */
  public PageOutcome(List<ActionResult> results, List<PageSample> samples) {
    this(results, samples, -1, PageSample.NO_TIME, PageSample.NO_TIME);
  }

  /** @return the first failed result, or null when every action that ran succeeded */
  public ActionResult failure() {
    for (ActionResult r : results) {
      if (!r.ok()) {
        return r;
      }
    }
    return null;
  }

  /** @return {@link #pageMicros()}, or the sum of the results' durations when it is unknown */
  public long pageTimeMicros() {
    if (pageMicros >= 0) {
      return pageMicros;
    }
    long sum = 0;
    for (ActionResult r : results) {
      sum += r.durationMicros();
    }
    return sum;
  }
}
