package dev.liveload.browser.playwright;

import dev.liveload.browser.testkit.BrowserConnectionContract;

/** The Playwright connection passes the browser connection test kit, on the Chromium discovery finds. */
class PlaywrightContractTest extends BrowserConnectionContract {
  @Override
  protected String connection() {
    return PlaywrightConnection.NAME;
  }
}
