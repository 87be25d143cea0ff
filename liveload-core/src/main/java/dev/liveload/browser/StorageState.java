package dev.liveload.browser;

import java.util.Objects;

/**
 * A snapshot of a browser context's storage: cookies, and local and session storage by origin. Take it once from
 * a logged-in user and restore it into other users' contexts so that they start logged in without visiting the
 * login page. Immutable; the JSON is Playwright's storage-state format (with a {@code sessionStorage} list next to
 * {@code localStorage} in each origin), so a snapshot saved to a file can be reused by Playwright itself.
 *
 * <pre>{@code
 * static final SharedStorage LOGGED_IN = new SharedStorage();
 *
 * public void beforeUser(User user) {
 *   StorageState state = LOGGED_IN.get(() -> user.browser()
 *       .navigate("/login").fill("#name", "ann").fill("#password", "secret").click("button[type=submit]")
 *       .waitForUrl("/account")
 *       .storageState());
 *   user.browser().restore(state);
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class StorageState {
  private final String json;

  private StorageState(String json) {
    this.json = json;
  }

  /**
   * A snapshot from its JSON.
   *
   * @param json Playwright storage-state JSON ({@code {"cookies": [...], "origins": [...]}}), not null
   * @return the snapshot
   */
  public static StorageState fromJson(String json) {
    String j = Objects.requireNonNull(json, "json").strip();
    if (!j.startsWith("{")) {
      throw new IllegalArgumentException("storage state must be a JSON object, was: "
          + (j.length() > 40 ? j.substring(0, 40) + "..." : j));
    }
    return new StorageState(j);
  }

  /** @return the JSON, as taken */
  public String toJson() {
    return json;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StorageState s && s.json.equals(json);
  }

  @Override
  public int hashCode() {
    return json.hashCode();
  }

  @Override
  public String toString() {
    return "StorageState(" + json.length() + " chars)";
  }
}
