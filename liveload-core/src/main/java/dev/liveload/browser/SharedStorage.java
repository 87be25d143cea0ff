package dev.liveload.browser;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A {@link StorageState} computed once for every user of a run: the first user to ask logs in and takes the
 * snapshot; the others wait for it and reuse it. If computing it fails, the next user to ask tries again.
 * Thread-safe.
 *
 * <pre>{@code
 * static final SharedStorage LOGGED_IN = new SharedStorage();
 *
 * public void beforeUser(User user) {
 *   user.browser().restore(LOGGED_IN.get(() -> logIn(user.browser()).storageState()));
 * }
 * }</pre>
 *
 * @since 0.1
 */
public final class SharedStorage {
  private final ReentrantLock lock = new ReentrantLock();
  private volatile StorageState state;

  /** Creates an empty holder. */
  public SharedStorage() {}

  /**
   * The shared snapshot, computing it with {@code login} if there is none yet.
   *
   * @param login takes the snapshot (called by one user at a time, until one succeeds)
   * @return the snapshot, never null
   * @throws Exception what {@code login} threw
   */
  public StorageState get(Callable<StorageState> login) throws Exception {
    StorageState s = state;
    if (s != null) {
      return s;
    }
    lock.lockInterruptibly();
    try {
      if (state == null) {
        state = Objects.requireNonNull(login.call(), "login returned no storage state");
      }
      return state;
    } finally {
      lock.unlock();
    }
  }

  /** @return the snapshot if one was taken, else null */
  public StorageState peek() {
    return state;
  }

  /** Forgets the snapshot (for example after the session expired); the next {@link #get} takes a new one. */
  public void reset() {
    state = null;
  }
}
