package dev.liveload.examples;

import static dev.liveload.http.Http.jsonPath;
import static dev.liveload.http.Http.status;

import dev.liveload.Scenario;
import dev.liveload.User;
import java.time.Duration;
import java.util.Map;

/**
 * A shopper: logs in once, then each iteration browses the catalogue, looks at a product, adds it to the cart
 * and asks for recommendations (which fail now and then).
 */
public final class ShopScenario extends Scenario {

  @Override
  public void beforeUser(User user) {
    String token = user.http().post("/api/login").json(Map.of("user", "shopper-" + user.id()))
        .check(status(200)).extract(jsonPath("$.token"));
    user.set("token", token);
  }

  @Override
  public void run(User user) {
    user.step("browse", () -> user.http().get("/api/products").check(status(200), jsonPath("$.products[0].id").is(1)));
    int product = 1 + user.random().nextInt(20);
    user.step("product", () -> user.http().get("/api/products/" + product).check(status(200)));
    user.think(Duration.ofMillis(100), 0.5);
    user.step("add to cart", () -> user.http().post("/api/cart")
        .header("Authorization", "Bearer " + user.get("token"))
        .json(Map.of("product", product, "qty", 1))
        .check(status(201)));
    user.http().get("/api/recommendations").send();
    user.think(Duration.ofMillis(200), 0.5);
  }
}
