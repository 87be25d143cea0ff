/**
 * Test data and correlation: {@link dev.liveload.data.Feeder feeders} (CSV, JSON, in-memory rows handed out by a
 * strategy) and {@link dev.liveload.data.Template templates} ({@code {{name}}} placeholders expanded with the user's
 * variables, feeder columns and builtins).
 *
 * <pre>{@code
 * RunOptions.builder()
 *     .feeder("accounts", Feeder.csv(Path.of("accounts.csv")).uniquePerUser())
 *     .scenario(Orders.class, Load.constant(50, ofMinutes(5)))
 *
 * public final class Orders extends Scenario {
 *   public void beforeUser(User user) {                  // once per user: log in as this user's account
 *     user.http().post("/login").json("{\"email\":\"{{email}}\",\"password\":\"{{password}}\"}")
 *         .check(status(200)).extract(jsonPath("$.token"), "token");
 *   }
 *   public void run(User user) {
 *     user.http().get("/orders").header("Authorization", "Bearer {{token}}").check(status(200));
 *   }
 *   public void afterUser(User user) {                   // once per user, at the end: log out
 *     user.http().post("/logout").header("Authorization", "Bearer {{token}}").check(status(204));
 *   }
 * }
 * }</pre>
 */
package dev.liveload.data;
