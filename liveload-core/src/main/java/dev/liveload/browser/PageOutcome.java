package dev.liveload.browser;

import java.util.List;

/**
 * What {@link BrowserPage#run} reports: one result per action that ran, in order (stopping at the first that
 * failed, which is then the last), and the samples the page measured meanwhile.
 *
 * <pre>{@code
 * PageOutcome out = page.run(List.of(new BrowserAction.Click("#add")), "add to cart");
 * boolean allRan = out.results().size() == 1 && out.results().get(0).ok();
 * }</pre>
 *
 * @param results one per action that ran, never null
 * @param samples samples measured since the previous call, never null
 * @since 0.1
 */
public record PageOutcome(List<ActionResult> results, List<PageSample> samples) {
  /** Copies the lists. */
  public PageOutcome {
    results = List.copyOf(results);
    samples = List.copyOf(samples);
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
}
