package dev.liveload.browser;

import java.util.List;

/**
 * One user's isolated browser context and page, made by {@link BrowserConnection#newPage}. Used by one thread at a
 * time (the user's); implementations may do the work elsewhere (Playwright's: on the thread that owns the
 * browser) and hand the results back.
 *
 * <pre>{@code
 * PageOutcome out = page.run(List.of(
 *     new BrowserAction.Navigate("http://127.0.0.1:8080/", WaitUntil.LOAD),
 *     new BrowserAction.Click("#add"),
 *     new BrowserAction.WaitForLoading(Loading.CLICK, "#add")), "add to cart");
 * }</pre>
 *
 * @since 0.1
 */
public interface BrowserPage {

  /**
   * Runs actions in order, each bounded by the action (or navigation) timeout, and returns when all are done or
   * one failed (the rest are not run). Samples the page measured since the previous call come back with it, each
   * with the time it was taken ({@link PageSample#nanoTime()}), and the outcome says how long the batch ran in the
   * page and when ({@link PageOutcome#pageMicros()}, {@link PageOutcome#startNanos()}): LiveLoad times steps by
   * them and records every sample under the step it happened in.
   *
   * <p>If the calling thread is interrupted while waiting, the running action stops and comes back failed with
   * {@link ActionResult#INTERRUPTED}; the thread's interrupt status stays set. A crashed page or browser fails the
   * running action with {@link ActionResult#PAGE_CRASHED} or {@link ActionResult#BROWSER_CRASHED}, and
   * {@link #usable()} turns false.
   *
   * @param actions what to do, not empty
   * @param step    the user's step, for samples without a time ({@link PageSample#NO_TIME}); null outside steps
   * @return one result per action that ran, and the samples; never null
   */
  PageOutcome run(List<BrowserAction> actions, String step);

  /** @return false once the page crashed or was closed: LiveLoad then closes it and asks for a new one */
  boolean usable();

  /**
   * Closes the context. Must not throw.
   *
   * @return samples measured since the last {@link #run} (for example the page's final CLS), never null
   */
  List<PageSample> close();
}
