package dev.liveload.browser.playwright.internal;

import dev.liveload.browser.ActionResult;
import dev.liveload.browser.BrowserAction;
import dev.liveload.browser.PageOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One {@code BrowserPage.run} call: the actions, their results as they come, and the future the user waits on. */
final class Batch {
  final List<BrowserAction> actions;
  final String step;
  final CompletableFuture<PageOutcome> outcome = new CompletableFuture<>();
  private final List<ActionResult> results = new ArrayList<>();

  Batch(List<BrowserAction> actions, String step) {
    this.actions = List.copyOf(actions);
    this.step = step;
  }

  synchronized void add(ActionResult r) {
    results.add(r);
  }

  synchronized List<ActionResult> results() {
    return List.copyOf(results);
  }

  synchronized int done() {
    return results.size();
  }
}
