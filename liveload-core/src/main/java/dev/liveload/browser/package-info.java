/**
 * Browser users: the fluent {@link dev.liveload.browser.BrowserSession} a scenario gets from
 * {@code user.browser()}, its options ({@link dev.liveload.browser.BrowserOptions}), and the service provider
 * interface a browser implementation plugs in through ({@link dev.liveload.browser.BrowserConnection},
 * {@link dev.liveload.browser.BrowserPage}, {@link dev.liveload.browser.BrowserAction}). The Playwright
 * implementation lives in the {@code liveload-browser} module; this package never depends on it.
 *
 * <pre>{@code
 * user.browser()
 *     .navigate("/shop")
 *     .waitForLiveView()
 *     .step("add to cart", b -> b.click("#add").waitForLoading(Loading.CLICK, "#add"))
 *     .think(Duration.ofSeconds(1));
 * }</pre>
 *
 * @since 0.1
 */
package dev.liveload.browser;
