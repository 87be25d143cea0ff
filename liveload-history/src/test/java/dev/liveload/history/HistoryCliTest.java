package dev.liveload.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.history.SyntheticRuns.Factors;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The history command line on real files. */
class HistoryCliTest {
  record Ran(int status, String out, String err) {}

  static Ran cli(String... args) {
    var out = new ByteArrayOutputStream();
    var err = new ByteArrayOutputStream();
    int status = HistoryCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Ran(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void addListTrendPrune(@TempDir Path tmp) {
    Path dir = tmp.resolve("history");
    var files = new ArrayList<String>();
    for (int n = 1; n <= 8; n++) {
      Path f = tmp.resolve("r" + n + ".json");
      SyntheticRuns.run("Shop", "r" + n, n, new Factors(n == 8 ? 1.5 : 1, 1, 1)).write(f);
      files.add(f.toString());
    }
    List<String> add = new ArrayList<>(List.of("add", "--dir", dir.toString(), "--no-git", "--label", "branch=main"));
    add.addAll(files.subList(0, 7));
    Ran added = cli(add.toArray(String[]::new));
    assertThat(added.status()).as(added.err()).isZero();
    assertThat(added.out()).contains("added Shop (run r1, 2026-03-01 11:00:00 UTC) branch=main")
        .contains("not judged against history: Shop has 4 earlier completed runs there, 5 needed")
        .contains("no regression in Shop against its last 5 runs");

    Ran slow = cli("add", "-d", dir.toString(), "--no-git", "-l", "branch=main", files.get(7), "--fail-on-regression");
    assertThat(slow.status()).isEqualTo(HistoryCli.REGRESSION);
    assertThat(slow.out()).contains("regressions in Shop against its last 7 runs:")
        .contains("Checkout · step pay · p95 = ");

    Ran list = cli("list", "-d", dir.toString(), "--last", "3");
    assertThat(list.status()).isZero();
    assertThat(list.out().lines().toList()).hasSize(5).last().isEqualTo("3 runs");
    assertThat(list.out()).contains("2026-03-01 18:00:00  Shop").contains("completed").contains("1/1 ok");

    Ran trend = cli("trend", "-d", dir.toString(), "--last", "20", "--label", "branch=main");
    assertThat(trend.status()).as(trend.err()).isZero();
    assertThat(trend.out()).contains("Shop: 8 runs,").contains("figure(s) of the latest run flagged")
        .contains("trend report: " + dir.resolve("trend.html").toAbsolutePath());
    assertThat(dir.resolve("trend.html")).content().contains("<title>LiveLoad trends</title>", "runs/");

    Ran pruned = cli("prune", "-d", dir.toString(), "--keep", "5");
    assertThat(pruned.out()).startsWith("removed 3 runs; 5 kept in ");
    try (History h = History.open(dir)) {
      assertThat(h.runs(RunQuery.all())).extracting(RunEntry::id).containsExactly("r8", "r7", "r6", "r5", "r4");
      assertThat(h.problems()).isEmpty();
    }
    assertThat(cli("verify", "-d", dir.toString()).out()).isEqualTo("5 runs, 0 damaged or missing\n");
  }

  @Test
  void badArgumentsAndBadFilesSayWhat(@TempDir Path tmp) {
    Ran none = cli();
    assertThat(none.status()).isEqualTo(2);
    assertThat(none.err()).startsWith("error: no command given").contains("Usage:");
    assertThat(cli("push").err()).startsWith("error: unknown command push: use add, list, trend, prune, verify or "
        + "rebuild");
    assertThat(cli("prune", "-d", tmp.toString()).err()).startsWith("error: prune needs --keep N");
    assertThat(cli("add", "-d", tmp.toString(), "-l", "no-equals").err())
        .startsWith("error: label = no-equals is not allowed: must be key=value");
    assertThat(cli("trend", "--window", "2").err()).startsWith("error: --window 2 is not allowed: must be a whole "
        + "number of at least 3");
    assertThat(cli("trend", "--mads", "-1").err()).startsWith("error: history.mads = -1.0 is not allowed: must be "
        + "between 0 and 100");
    Ran missing = cli("add", "-d", tmp.resolve("h").toString(), "--no-git", tmp.resolve("nope.json").toString());
    assertThat(missing.status()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.json does not exist");
    assertThat(cli("--help").out()).startsWith("Usage: ").contains("prune --keep N");
  }
}
