package dev.liveload.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportCliTest {
  final ByteArrayOutputStream out = new ByteArrayOutputStream();
  final ByteArrayOutputStream err = new ByteArrayOutputStream();

  int run(String... args) {
    return ReportCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void withoutArgumentsItPrintsUsage() {
    assertThat(run()).isEqualTo(2);
    assertThat(err()).contains("error: no result file given", "Usage: java -cp <class path> "
        + "dev.liveload.report.ReportCli RESULT.json");
    assertThat(run("--help")).isZero();
    assertThat(out()).contains("--baseline FILE", "Exit status");
  }

  @Test
  void badArgumentsAndFilesAreExplained(@TempDir Path dir) throws Exception {
    assertThat(run("--bogus", "x.json")).isEqualTo(2);
    assertThat(err()).contains("unknown option --bogus");
    assertThat(run("a.json", "--tolerance", "lots")).isEqualTo(2);
    assertThat(err()).contains("--tolerance lots is not allowed");
    assertThat(run("a.json", "b.json", "--out", "r.html")).isEqualTo(2);
    assertThat(err()).contains("add --merge");
    assertThat(run(dir.resolve("missing.json").toString())).isEqualTo(1);
    assertThat(err()).contains("result file " + dir.resolve("missing.json") + " does not exist");
    Path junk = Files.writeString(dir.resolve("junk.json"), "{\"hello\": 1}");
    assertThat(run(junk.toString())).isEqualTo(1);
    assertThat(err()).contains("is not a LiveLoad result");
  }

  @Test
  void rendersHtmlAndMarkdownAndComparesWithABaseline(@TempDir Path dir) throws Exception {
    Path base = ComparisonTest.run("baseline", 1, 1, 1, 0, false).write(dir.resolve("base.json"));
    Path current = ComparisonTest.run("current", 1.2, 1, 1, 0, false).write(dir.resolve("current.json"));
    assertThat(run(current.toString(), "--markdown", dir.resolve("summary.md").toString())).isZero();
    assertThat(dir.resolve("current.html")).exists();
    assertThat(Files.readString(dir.resolve("current.html"))).startsWith("<!DOCTYPE html>").contains("current");
    assertThat(Files.readString(dir.resolve("summary.md"))).startsWith("## LiveLoad run current");
    assertThat(out()).contains("LiveLoad run current", "HTML report: ");

    Path report = dir.resolve("out/compared.html");
    assertThat(run(current.toString(), "--baseline", base.toString(), "--out", report.toString(), "-q",
        "--fail-on-regression", "--tolerance", "5%")).isEqualTo(ReportCli.REGRESSION);
    assertThat(Files.readString(report)).contains("Compared with baseline");
    assertThat(out()).contains("regression(s) against baseline baseline beyond a 5% tolerance");
    assertThat(run(current.toString(), "--baseline", base.toString(), "--no-html", "-q", "--markdown", "-",
        "--fail-on-regression", "--tolerance", "30")).isZero();
  }

  @Test
  void mergesSeveralResultsIntoOneReport(@TempDir Path dir) {
    Path a = ComparisonTest.run("node", 1, 1, 1, 0, false).write(dir.resolve("a.json"));
    Path b = ComparisonTest.run("node", 1, 1, 1, 5, false).write(dir.resolve("b.json"));
    assertThat(run(a.toString(), b.toString(), "--merge", "--out", dir.resolve("all.html").toString(), "-q"))
        .isZero();
    assertThat(dir.resolve("all.html")).exists();
    assertThat(run(a.toString(), b.toString(), "-q")).isZero();
    assertThat(dir.resolve("a.html")).exists();
    assertThat(dir.resolve("b.html")).exists();
  }
}
