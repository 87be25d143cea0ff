package dev.liveload.history;

import dev.liveload.history.SyntheticRuns.Factors;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/**
 * A JVM that appends synthetic runs to a history, as a CI job would: it prints {@code ready}, waits for a line on its
 * standard input (so that two of them start together), then opens the history, adds one run and closes it, again
 * and again; finally it prints the time of its first and last add.
 *
 * <p>Arguments: history directory, run id prefix, number of runs.
 */
public final class AppendRuns {
  private AppendRuns() {}

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args[0]);
    String prefix = args[1];
    int count = Integer.parseInt(args[2]);
    System.out.println("ready");
    System.out.flush();
    var orders = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    orders.readLine();
    long first = 0;
    long last = 0;
    for (int i = 1; i <= count; i++) {
      try (History history = History.open(dir)) {
        history.add(SyntheticRuns.run("Concurrent." + prefix, prefix + "-" + i, i, new Factors(1, 1, 1)),
            Map.of("writer", prefix));
      }
      long now = System.nanoTime();
      first = first == 0 ? now : first;
      last = now;
      if (i == 1) {
        // wait until the other writer has added its first run too: the rest are added while both are writing
        System.out.println("first");
        System.out.flush();
        orders.readLine();
      }
    }
    System.out.println("added " + count + " " + (first / 1_000_000) + " " + (last / 1_000_000));
  }
}
