package dev.liveload.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs appending to one history at once; then a damaged result file. */
class ConcurrentWritersTest {
  static final int EACH = 50;

  @Test
  void twoJvmsAppendingFiftyRunsEachGiveAHundredRunsAndAConsistentIndex(@TempDir Path dir) throws Exception {
    Process a = fork(dir, "a");
    Process b = fork(dir, "b");
    try {
      var outA = new BufferedReader(new InputStreamReader(a.getInputStream(), StandardCharsets.UTF_8));
      var outB = new BufferedReader(new InputStreamReader(b.getInputStream(), StandardCharsets.UTF_8));
      assertThat(outA.readLine()).isEqualTo("ready");
      assertThat(outB.readLine()).isEqualTo("ready");
      go(a);
      go(b);
      // each has added its first run; then both go on, so their adds overlap whatever the scheduler does
      assertThat(outA.readLine()).isEqualTo("first");
      assertThat(outB.readLine()).isEqualTo("first");
      go(a);
      go(b);
      String doneA = outA.readLine();
      String doneB = outB.readLine();
      assertThat(a.waitFor(180, TimeUnit.SECONDS)).as("writer a ended").isTrue();
      assertThat(b.waitFor(180, TimeUnit.SECONDS)).as("writer b ended").isTrue();
      assertThat(a.exitValue()).as("writer a: " + stderr(a)).isZero();
      assertThat(b.exitValue()).as("writer b: " + stderr(b)).isZero();
      // they really wrote at the same time: each one's adds overlap the other's (same host, one monotonic clock);
      // the hand-shake after the first add makes it so, whatever the machine's load
      long[] ta = times(doneA);
      long[] tb = times(doneB);
      assertThat(Math.max(ta[0], tb[0])).as("both were adding at once").isLessThan(Math.min(ta[1], tb[1]));
    } finally {
      a.destroyForcibly();
      b.destroyForcibly();
    }

    try (History history = History.open(dir)) {
      assertThat(history.problems()).isEmpty();
      List<RunEntry> runs = history.runs(RunQuery.all());
      assertThat(runs).hasSize(2 * EACH);
      var expected = new HashSet<String>();
      IntStream.rangeClosed(1, EACH).forEach(i -> {
        expected.add("a-" + i);
        expected.add("b-" + i);
      });
      assertThat(runs).extracting(RunEntry::id).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(runs).allSatisfy(r -> {
        assertThat(r.labels()).containsEntry("writer", r.id().substring(0, 1));
        assertThat(r.result()).isRegularFile();
        assertThat(r.report()).isRegularFile();
      });
      assertThat(history.verify()).isEmpty();
      assertThat(history.runs(RunQuery.all().label("writer", "a"))).hasSize(EACH);
      assertThat(history.trends(RunQuery.named("Concurrent.b")).get(0).runs()).hasSize(EACH);
      // no file the index does not know, and no temporary file left
      try (var files = Files.list(dir.resolve("runs"))) {
        assertThat(files.map(p -> p.getFileName().toString())).hasSize(3 * 2 * EACH)
            .noneMatch(n -> n.startsWith("."));
      }
      // the index says what the files say: rebuilt from them, it is the same (labels included)
      List<String> rebuilt = history.rebuild();
      assertThat(rebuilt).hasSize(2 * EACH).allMatch(p -> p.endsWith("indexed it now"));
      assertThat(history.runs(RunQuery.all())).usingRecursiveFieldByFieldElementComparatorIgnoringFields("added")
          .containsExactlyElementsOf(runs);
    }
  }

  @Test
  void aTruncatedResultFileIsReportedAndSkipped(@TempDir Path dir) throws IOException {
    RunEntry damaged;
    try (History history = History.open(dir)) {
      for (int n = 1; n <= 6; n++) {
        history.add(SyntheticRuns.run("T", "t" + n, n, new SyntheticRuns.Factors(1, 1, 1)), java.util.Map.of("k",
            "v"));
      }
      damaged = history.find("t3").orElseThrow();
    }
    String whole = Files.readString(damaged.result());
    truncate(damaged.result());
    // a result left half-written beside them, by a copy cut short
    Files.writeString(dir.resolve("runs/20260301-230000-stray.json"), whole.substring(0, 500));
    try (History history = History.open(dir)) {
      assertThat(history.problems()).singleElement().asString()
          .startsWith("runs/20260301-230000-stray.json is damaged and was skipped (");
      assertThat(history.runs(RunQuery.all())).hasSize(6); // the index still has t3's figures
      assertThat(history.trends(RunQuery.all()).get(0).runs()).hasSize(6);
      assertThat(history.verify()).singleElement().asString().startsWith("run t3 (T, ").contains("cannot be read");
      List<String> rebuilt = history.rebuild();
      assertThat(rebuilt).filteredOn(p -> p.contains("damaged")).hasSize(2)
          .anyMatch(p -> p.startsWith(dir.relativize(damaged.result()).toString().replace('\\', '/')));
      assertThat(history.runs(RunQuery.all())).extracting(RunEntry::id).containsExactly("t6", "t5", "t4", "t2", "t1");
      assertThat(history.runs(RunQuery.all())).allSatisfy(r -> assertThat(r.labels()).containsEntry("k", "v"));
    }
  }

  @Test
  void aRunWhoseAddWasCutShortIsIndexedAndADamagedIndexIsRebuilt(@TempDir Path dir) throws IOException {
    try (History history = History.open(dir)) {
      history.add(SyntheticRuns.run("T", "t1", 1, new SyntheticRuns.Factors(1, 1, 1)), java.util.Map.of("k", "v"));
    }
    Files.writeString(dir.resolve("index.db"), "not a database, as after a crash of the disk");
    try (History history = History.open(dir)) {
      assertThat(history.problems()).first().asString().startsWith("the index was damaged (");
      assertThat(history.runs(RunQuery.all())).singleElement().satisfies(r ->
          assertThat(r.labels()).containsEntry("k", "v"));
    }
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("index.db.damaged-"));
    }
  }

  private static void truncate(Path file) throws IOException {
    byte[] bytes = Files.readAllBytes(file);
    Files.write(file, java.util.Arrays.copyOf(bytes, bytes.length / 2));
  }

  private static Process fork(Path dir, String prefix) throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    var command = new ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
        AppendRuns.class.getName(), dir.toString(), prefix, String.valueOf(EACH)));
    return new ProcessBuilder(command).redirectError(dir.resolveSibling(dir.getFileName() + "-" + prefix + ".err")
        .toFile()).start();
  }

  private static void go(Process p) throws IOException {
    OutputStream in = p.getOutputStream();
    in.write("go\n".getBytes(StandardCharsets.UTF_8));
    in.flush();
  }

  private static long[] times(String done) {
    assertThat(done).startsWith("added " + EACH + " ");
    String[] parts = done.split(" ");
    return new long[] {Long.parseLong(parts[2]), Long.parseLong(parts[3])};
  }

  private static String stderr(Process p) {
    return "exit " + p.exitValue();
  }
}
