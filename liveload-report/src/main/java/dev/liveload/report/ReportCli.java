package dev.liveload.report;

import dev.liveload.report.internal.CliArgs;
import dev.liveload.result.RunResult;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The command line: renders reports from result JSON files (written by {@link RunResult#write(Path)}, by a
 * JUnit load test, or by {@code RunOptions.Builder.resultFile(...)}).
 *
 * <pre>{@code
 * java -cp liveload-report.jar:liveload-core.jar:... dev.liveload.report.ReportCli result.json
 * java -cp ... dev.liveload.report.ReportCli result.json --baseline main.json --markdown summary.md \
 *     --fail-on-regression
 * java -cp ... dev.liveload.report.ReportCli node-1.json node-2.json --merge --out report.html
 * }</pre>
 *
 * <p>Exit status: 0 when done, 1 when a file could not be read or written (or is not a LiveLoad result), 2 for
 * bad arguments, 3 when {@code --fail-on-regression} is given and the comparison found a regression.
 *
 * @since 0.1
 */
public final class ReportCli {
  /** Exit status for a regression with {@code --fail-on-regression}. */
  public static final int REGRESSION = 3;

  static final String USAGE = """
      Usage: java -cp <class path> dev.liveload.report.ReportCli RESULT.json [RESULT.json ...] [options]

      Renders LiveLoad result files (liveload.result/v1 JSON) as self-contained HTML reports that work offline,
      and prints each run's summary.

      Options:
        -o, --out FILE          the HTML report to write (default: next to the result, .json replaced by .html)
        -b, --baseline FILE     compare with this baseline result; regressions are flagged in every output
        -t, --tolerance PCT     regression tolerance in percent (default 5; latency changes under 1 ms and
                                error-ratio changes under 0.1 percentage points are ignored)
        -m, --markdown FILE     also write the Markdown summary ('-' for standard output)
            --merge             render several result files as one run (e.g. one per load generator)
            --no-html           write no HTML report
        -q, --quiet             do not print the console summary
            --fail-on-regression  exit with status 3 when the comparison finds a regression
        -h, --help              this message

      Exit status: 0 done, 1 a file could not be read or written, 2 bad arguments, 3 regression
      (with --fail-on-regression).
      """;

  private ReportCli() {}

  /**
   * Runs the command line and exits with its status.
   *
   * @param args see the usage message ({@code --help})
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line.
   *
   * @param args arguments
   * @param out  where the summary and the names of written files go
   * @param err  where errors and the usage message go
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CliArgs cli;
    try {
      cli = CliArgs.parse(args);
    } catch (CliArgs.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.print(USAGE);
      return 2;
    }
    if (cli.help()) {
      out.print(USAGE);
      return 0;
    }
    try {
      RunResult baseline = cli.baseline() == null ? null : read(cli.baseline(), "baseline");
      Tolerance tolerance = Tolerance.percent(cli.tolerancePercent());
      List<RunResult> results = new ArrayList<>();
      for (Path p : cli.results()) {
        results.add(read(p, "result"));
      }
      boolean regressed = false;
      if (cli.merge() && results.size() > 1) {
        RunResult merged = RunResult.merge(results);
        regressed = render(cli, merged, cli.results().get(0), baseline, tolerance, out);
      } else {
        for (int i = 0; i < results.size(); i++) {
          regressed |= render(cli, results.get(i), cli.results().get(i), baseline, tolerance, out);
        }
      }
      return regressed && cli.failOnRegression() ? REGRESSION : 0;
    } catch (CliFailure e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static boolean render(CliArgs cli, RunResult result, Path source, RunResult baseline,
      Tolerance tolerance, PrintStream out) throws CliFailure {
    Comparison comparison = baseline == null ? null : Comparison.of(baseline, result, tolerance);
    if (!cli.quiet()) {
      out.print(Summary.console(result, comparison));
      out.println();
    }
    if (cli.html()) {
      Path html = cli.out() != null ? cli.out() : sibling(source, ".html");
      write(html, HtmlReport.render(result, comparison));
      out.println("HTML report: " + html.toAbsolutePath());
    }
    if (cli.markdown() != null) {
      String md = Summary.markdown(result, comparison);
      if (cli.markdown().equals("-")) {
        out.print(md);
      } else {
        Path file = Path.of(cli.markdown());
        write(file, md);
        out.println("Markdown summary: " + file.toAbsolutePath());
      }
    }
    if (comparison != null && comparison.hasRegressions()) {
      out.println(comparison.regressions().size() + " regression(s) against baseline " + baseline.run().name()
          + " beyond a " + dev.liveload.report.internal.Fmt.num(tolerance.relative() * 100) + "% tolerance");
    }
    return comparison != null && comparison.hasRegressions();
  }

  private static Path sibling(Path json, String extension) {
    String name = json.getFileName().toString();
    String base = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return json.resolveSibling(base + extension);
  }

  private static RunResult read(Path file, String what) throws CliFailure {
    if (!Files.isRegularFile(file)) {
      throw new CliFailure(what + " file " + file + (Files.exists(file) ? " is not a file" : " does not exist"));
    }
    try {
      return RunResult.fromJson(Files.readString(file, StandardCharsets.UTF_8));
    } catch (NoSuchFileException e) {
      throw new CliFailure(what + " file " + file + " does not exist");
    } catch (IOException | UncheckedIOException e) {
      throw new CliFailure("could not read " + what + " file " + file + ": " + e.getMessage());
    } catch (RuntimeException e) {
      throw new CliFailure(what + " file " + file + " is not a LiveLoad result: " + e.getMessage());
    }
  }

  private static void write(Path file, String text) throws CliFailure {
    try {
      Path parent = file.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new CliFailure("could not write " + file + ": " + e);
    }
  }

  /** A file that could not be read or written; exit status 1. */
  private static final class CliFailure extends Exception {
    private static final long serialVersionUID = 1L;

    CliFailure(String message) {
      super(message);
    }
  }
}
