package dev.liveload.examples;

import dev.liveload.Scenario;
import dev.liveload.User;
import java.time.Duration;

/**
 * A shopper in a real browser: opens the storefront ({@code GET /shop}), signs in as the account its feeder row
 * names, and adds a product to the cart, waiting each time for what a person would wait for. Needs a feeder with
 * an {@code email} column and {@code liveload-browser} on the class path.
 */
public final class BrowserShopper extends Scenario {
  @Override
  public void run(User user) {
    user.browser()
        .navigate("/shop")
        .step("sign in", b -> b
            .fill("#user", "{{email}}")
            .click("#sign-in")
            .waitForText("#hello", "Hello {{email}}"))
        .step("add to cart", b -> b
            .click("button.add[data-id=\"3\"]")
            .waitForText("#cart", "In cart for {{email}}"))
        .think(Duration.ofMillis(300));
  }
}
