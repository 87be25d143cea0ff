package dev.liveload.internal.engine;

/**
 * Where a user was over its recent past: each change of scenario (a new iteration in a mix) or step, on the
 * {@link System#nanoTime()} clock, so that a sample measured somewhere else and handed back later (a browser page's
 * request, frame or Web Vital) is recorded under the scenario and step that were active when it happened. A ring of
 * the last {@value #SIZE} changes; a time older than all of them gets the oldest. Used by the user's thread only.
 */
final class UserTimeline {
  static final int SIZE = 64;

  private final long[] at = new long[SIZE];
  private final ScenarioSlot[] slots = new ScenarioSlot[SIZE];
  private final String[] steps = new String[SIZE];
  private int newest = -1;
  private int size;

  /** The user is in {@code slot} and {@code step} (null outside steps) from {@code nanos} on. */
  void mark(long nanos, ScenarioSlot slot, String step) {
    if (newest >= 0 && slots[newest] == slot && java.util.Objects.equals(steps[newest], step)) {
      return;
    }
    newest = (newest + 1) & (SIZE - 1);
    at[newest] = nanos;
    slots[newest] = slot;
    steps[newest] = step;
    size = Math.min(SIZE, size + 1);
  }

  /** @return the index of the entry active at {@code nanos}, or -1 when nothing was marked yet */
  int indexAt(long nanos) {
    if (newest < 0) {
      return -1;
    }
    int i = newest;
    for (int n = 1; n < size && at[i] - nanos > 0; n++) {
      i = (i - 1) & (SIZE - 1);
    }
    return i;
  }

  ScenarioSlot slot(int index) {
    return slots[index];
  }

  String step(int index) {
    return steps[index];
  }
}
