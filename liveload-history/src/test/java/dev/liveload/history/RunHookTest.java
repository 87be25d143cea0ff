package dev.liveload.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.history.SyntheticRuns.Factors;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code LiveLoad.runAndExit} with liveload-history on the class path: real runs in forked JVMs. */
class RunHookTest {
  @TempDir
  Path tmp;
  Path dir;

  record Exit(int status, String out, String err) {}

  @BeforeEach
  void historyOfFastPayments() {
    dir = tmp.resolve("history");
    try (History history = History.open(dir)) {
      for (int n = 1; n <= 6; n++) {
        // pay: 50-200 ms (p50 about 125 ms); the real runs below take 600 ms
        history.add(SyntheticRuns.run("Shop.checkout", "earlier-" + n, n, new Factors(1, 1, 1)));
      }
    }
  }

  @Test
  void aRunIsAddedWithItsLabelsAndARegressionFailsItWhenAsked() throws Exception {
    Exit noted = runAndExit("-Dliveload.history=" + dir);
    assertThat(noted.status()).as(noted.out() + noted.err()).isZero(); // reported, not failing
    assertThat(noted.out()).contains("PASSED").contains("history: run ").contains(" runs of Shop.checkout)")
        .contains("regressions in Shop.checkout against its last 6 runs:")
        .containsPattern("Checkout · step pay · p95 = [0-9.,]+ ms, above the last 6 runs: 193 ms–193 ms")
        .contains("(not failing the run: set liveload.history.failOnRegression=true to)")
        .contains("history: trend report " + dir.resolve("trend.html"));

    Exit failed = runAndExit("-Dliveload.history=" + dir, "-Dliveload.history.failOnRegression=true",
        "-Dliveload.history.labels=env=test");
    assertThat(failed.status()).isEqualTo(1);
    assertThat(failed.out()).contains("PASSED").contains("FAILED after the run:")
        .contains("✗ regression against history in Shop.checkout: Checkout · step pay · p95 = ")
        .containsPattern("step pay · p95 = [0-9.,]+ ms, above the last 7 runs: [0-9.,]+ ms–[0-9.,]+ ms, median [0-9.,]+ ms");

    try (History history = History.open(dir)) {
      List<RunEntry> runs = history.runs(RunQuery.named("Shop.checkout"));
      assertThat(runs).hasSize(8);
      assertThat(runs.get(0).labels()).containsEntry("env", "test").containsEntry("commit", "0123456789abcdef")
          .containsEntry("branch", "main");
      assertThat(runs.get(1).labels()).doesNotContainKey("env").containsEntry("branch", "main");
      assertThat(runs.get(0).report()).isRegularFile();
      assertThat(dir.resolve("trend.html")).isRegularFile();
    }
  }

  @Test
  void aBadSettingFailsBeforeAnyLoad() throws Exception {
    Exit bad = runAndExit("-Dliveload.history=" + dir, "-Dliveload.history.window=many");
    assertThat(bad.status()).isNotZero();
    assertThat(bad.err()).contains("liveload.history.window = many is not allowed: must be a whole number");
    assertThat(bad.out()).doesNotContain("PASSED").doesNotContain("FAILED");
    try (History history = History.open(dir)) {
      assertThat(history.runs(RunQuery.all())).hasSize(6);
    }
  }

  @Test
  void withoutAHistoryNothingChanges() throws Exception {
    Exit plain = runAndExit();
    assertThat(plain.status()).isZero();
    assertThat(plain.out()).startsWith("PASSED").doesNotContain("history");
  }

  private Exit runAndExit(String... properties) throws IOException, InterruptedException {
    var command = new ArrayList<String>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(List.of(properties));
    command.addAll(List.of("-cp", System.getProperty("java.class.path"), RunAndExitMain.class.getName(), "600"));
    Path out = Files.createTempFile(tmp, "out", ".txt");
    Path err = Files.createTempFile(tmp, "err", ".txt");
    var pb = new ProcessBuilder(command).directory(tmp.toFile()).redirectOutput(out.toFile())
        .redirectError(err.toFile());
    pb.environment().put("GITHUB_SHA", "0123456789abcdef");
    pb.environment().put("GITHUB_REF_NAME", "main");
    pb.environment().remove("LIVELOAD_HISTORY");
    Process p = pb.start();
    if (!p.waitFor(120, TimeUnit.SECONDS)) {
      p.destroyForcibly();
      throw new AssertionError("runAndExit did not end within 120 s");
    }
    return new Exit(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err,
        StandardCharsets.UTF_8));
  }
}
