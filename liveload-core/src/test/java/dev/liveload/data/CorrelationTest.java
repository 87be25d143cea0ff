package dev.liveload.data;

import static dev.liveload.http.Http.cookie;
import static dev.liveload.http.Http.jsonPath;
import static dev.liveload.http.Http.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.User;
import dev.liveload.http.HttpOptions;
import dev.liveload.http.HttpResponse;
import dev.liveload.result.Breakdown;
import dev.liveload.result.RunResult;
import dev.liveload.result.ScenarioResult;
import dev.liveload.testing.TargetServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fifty users each log in once with their own row of a CSV feeder (in {@code beforeUser}), carry the token and
 * session cookie the server gave them through templates, and log out at the end (in {@code afterUser}). The target
 * checks every request against the token's owner: no request may carry another user's token, cookie or email.
 */
class CorrelationTest {
  private static final int USERS = 50;
  private static final int ITERATIONS = 4;
  private static final Pattern EMAIL = Pattern.compile("\"email\":\"([^\"]+)\",\"password\":\"([^\"]+)\"");

  @TempDir
  Path dir;

  /** Logs in once as its feeder row's account, uses it every iteration, logs out at the end. */
  public static final class Account extends Scenario {
    @Override
    public void beforeUser(User user) {
      HttpResponse login = user.http().post("/login")
          .json("{\"email\":\"{{email}}\",\"password\":\"{{password}}\"}")
          .check(status(200));
      login.extract(jsonPath("$.token"), "token");
      login.extract(cookie("sid"), "sid");
    }

    @Override
    public void run(User user) {
      user.http().get("/users/{{email}}/orders")
          .header("Authorization", "Bearer {{token}}")
          .header("X-Session", "{{sid}}")
          .check(status(200), jsonPath("$.owner").is(user.feed("email")));
    }

    @Override
    public void afterUser(User user) {
      user.http().post("/logout").header("Authorization", "Bearer {{token}}").check(status(204));
    }
  }

  /** The target: accounts, tokens and sessions, and a record of every request that was not the owner's. */
  private static final class Bank {
    final Map<String, String> passwords = new ConcurrentHashMap<>();
    final Map<String, String> tokenOwner = new ConcurrentHashMap<>();
    final Map<String, String> sessionOwner = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> logins = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> logouts = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> ordersOk = new ConcurrentHashMap<>();
    final Set<String> violations = ConcurrentHashMap.newKeySet();

    void login(HttpExchange ex) throws IOException {
      String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Matcher m = EMAIL.matcher(body);
      if (!m.find() || !m.group(2).equals(passwords.get(m.group(1)))) {
        violations.add("bad login " + body);
        TargetServer.send(ex, 401, "{}");
        return;
      }
      String email = m.group(1);
      String token = UUID.randomUUID().toString();
      String sid = UUID.randomUUID().toString();
      tokenOwner.put(token, email);
      sessionOwner.put(sid, email);
      logins.computeIfAbsent(email, k -> new AtomicInteger()).incrementAndGet();
      ex.getResponseHeaders().add("Set-Cookie", "sid=" + sid + "; Path=/; HttpOnly");
      ex.getResponseHeaders().add("Content-Type", "application/json");
      TargetServer.send(ex, 200, "{\"token\":\"" + token + "\"}");
    }

    void orders(HttpExchange ex) throws IOException {
      String path = ex.getRequestURI().getPath(); // /users/{email}/orders
      String pathEmail = path.split("/")[2];
      String owner = owner(ex);
      String session = sessionOwner.get(ex.getRequestHeaders().getFirst("X-Session"));
      String cookie = ex.getRequestHeaders().getFirst("Cookie");
      String cookieOwner = cookie == null || !cookie.startsWith("sid=") ? null : sessionOwner.get(cookie.substring(4));
      String header = ex.getRequestHeaders().getFirst("X-User");
      if (owner == null || !owner.equals(pathEmail) || !owner.equals(session) || !owner.equals(cookieOwner)
          || !owner.equals(header) || ex.getRequestURI().toString().contains("{{")) {
        violations.add(path + " token of " + owner + ", session of " + session + ", cookie of " + cookieOwner
            + ", X-User " + header);
        TargetServer.send(ex, 403, "{}");
        return;
      }
      ordersOk.computeIfAbsent(owner, k -> new AtomicInteger()).incrementAndGet();
      ex.getResponseHeaders().add("Content-Type", "application/json");
      TargetServer.send(ex, 200, "{\"owner\":\"" + owner + "\",\"orders\":[]}");
    }

    void logout(HttpExchange ex) throws IOException {
      String owner = owner(ex);
      if (owner == null) {
        violations.add("logout without a valid token");
        TargetServer.send(ex, 401, "");
        return;
      }
      tokenOwner.values().remove(owner);
      logouts.computeIfAbsent(owner, k -> new AtomicInteger()).incrementAndGet();
      TargetServer.send(ex, 204, "");
    }

    private String owner(HttpExchange ex) {
      String auth = ex.getRequestHeaders().getFirst("Authorization");
      return auth == null || !auth.startsWith("Bearer ") ? null : tokenOwner.get(auth.substring(7));
    }
  }

  @Test
  void fiftyUsersEachLogInWithTheirOwnRowAndCarryTheirOwnToken() throws IOException {
    var bank = new Bank();
    var csv = new StringBuilder("email,password\n");
    for (int i = 1; i <= USERS; i++) {
      String email = "user" + i + "@example.org";
      String password = "pw-" + i + "-" + UUID.randomUUID().toString().substring(0, 8);
      bank.passwords.put(email, password);
      csv.append(email).append(',').append(password).append('\n');
    }
    Path accounts = Files.writeString(dir.resolve("accounts.csv"), csv);

    try (var server = TargetServer.start()) {
      server.route("/login", bank::login).route("/users/", bank::orders).route("/logout", bank::logout);
      RunResult result = LiveLoad.run(RunOptions.builder()
          .feeder("accounts", Feeder.csv(accounts).uniquePerUser())
          .scenario(Account.class, Load.iterations(USERS, ITERATIONS))
          .baseUrl(server.url())
          .http(HttpOptions.defaults().header("X-User", "{{email}}"))
          .build());

      ScenarioResult s = result.scenario("Account");
      assertThat(bank.violations).as("requests carrying another user's credentials").isEmpty();
      assertThat(bank.logins).hasSize(USERS).allSatisfy((email, n) -> assertThat(n.get()).isEqualTo(1));
      assertThat(bank.ordersOk).hasSize(USERS).allSatisfy((email, n) -> assertThat(n.get()).isEqualTo(ITERATIONS));
      assertThat(bank.logouts).hasSize(USERS).allSatisfy((email, n) -> assertThat(n.get()).isEqualTo(1));
      assertThat(s.errors()).isEmpty();
      assertThat(s.iterations()).isEqualTo(USERS * ITERATIONS);
      assertThat(s.failedIterations()).isZero();
      assertThat(s.requests()).isEqualTo(USERS * (ITERATIONS + 2L));
      assertThat(s.failedRequests()).isZero();
      // a URL written with placeholders is reported by its template, whatever the values
      assertThat(s.breakdown()).filteredOn(b -> b.metric().equals("http.duration"))
          .extracting(b -> b.tag("url") + " " + b.histogram().count())
          .containsExactlyInAnyOrder("/login " + USERS, "/users/{email}/orders " + USERS * ITERATIONS,
              "/logout " + USERS);
      assertThat(result.run().options()).extractingByKey("feeders")
          .isEqualTo(Map.of("accounts", "csv " + accounts + ", unique per user, fail when exhausted"));
    }
  }
}
