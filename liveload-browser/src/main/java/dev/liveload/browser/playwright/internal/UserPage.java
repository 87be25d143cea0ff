package dev.liveload.browser.playwright.internal;

import dev.liveload.browser.ActionResult;
import dev.liveload.browser.BrowserAction;
import dev.liveload.browser.BrowserPage;
import dev.liveload.browser.BrowserUnavailableException;
import dev.liveload.browser.PageOutcome;
import dev.liveload.browser.PageSample;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The user's side of a page: hands a batch to the owner thread and waits (a virtual thread parks cheaply) until the
 * page reported back. Every wait is bounded: the page's own timeouts, the owner's deadlines, and here the sum of the
 * batch's timeouts as a last resort.
 */
final class UserPage implements BrowserPage {
  private static final long MARGIN_MILLIS = 10_000;

  private final Owner owner;
  private final PageState state;

  UserPage(Owner owner, PageState state) {
    this.owner = owner;
    this.state = state;
  }

  @Override
  public PageOutcome run(List<BrowserAction> actions, String step) {
    var batch = new Batch(actions, step);
    long bound = MARGIN_MILLIS;
    for (BrowserAction a : actions) {
      bound += (Actions.navigation(a) ? owner.options.navigationTimeout() : owner.options.actionTimeout()).toMillis()
          + 3_000;
    }
    try {
      owner.submit(() -> state.start(batch));
      return batch.outcome.get(bound, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      abandon(batch);
      Thread.currentThread().interrupt();
      return partial(batch, ActionResult.INTERRUPTED, "interrupted while waiting for the page");
    } catch (TimeoutException e) {
      abandon(batch);
      return partial(batch, ActionResult.TIMEOUT, "the browser did not answer within " + bound + " ms");
    } catch (ExecutionException | BrowserUnavailableException e) {
      return partial(batch, ActionResult.BROWSER_CRASHED, String.valueOf(e.getMessage()));
    }
  }

  private void abandon(Batch batch) {
    try {
      owner.submit(() -> state.abandon(batch));
    } catch (BrowserUnavailableException e) {
      // closed: nothing runs any more
    }
  }

  private static PageOutcome partial(Batch batch, String kind, String message) {
    var results = new ArrayList<>(batch.results());
    if (results.size() < batch.actions.size()) {
      results.add(ActionResult.failed(0, null, kind, message));
    }
    return new PageOutcome(results, List.of());
  }

  @Override
  public boolean usable() {
    return state.usable && owner.running(); // a stopped owner thread serves no page: the next one fails clearly
  }

  @Override
  public List<PageSample> close() {
    try {
      return owner.call(() -> owner.close(state)).get(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return List.of();
    } catch (ExecutionException | TimeoutException | BrowserUnavailableException e) {
      return List.of();
    }
  }
}
