package dev.liveload.history;

import dev.liveload.history.internal.HistoryArgs;
import dev.liveload.result.RunResult;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The history command line: adds result files to a {@link History}, lists its runs, writes the trend report, prunes.
 *
 * <pre>{@code
 * java -cp "$CLASSPATH" dev.liveload.history.HistoryCli add target/liveload/result.json --label env=ci
 * java -cp "$CLASSPATH" dev.liveload.history.HistoryCli list --last 10
 * java -cp "$CLASSPATH" dev.liveload.history.HistoryCli trend --last 20 --label branch=main
 * java -cp "$CLASSPATH" dev.liveload.history.HistoryCli prune --keep 100
 * }</pre>
 *
 * <p>Exit status: 0 done, 1 a file or the history could not be read or written, 2 bad arguments, 3 a regression
 * flagged with {@code add --fail-on-regression}.
 *
 * @since 0.1
 */
public final class HistoryCli {
  /** Exit status for a regression with {@code --fail-on-regression}. */
  public static final int REGRESSION = 3;

  static final String USAGE = """
      Usage: java -cp <class path> dev.liveload.history.HistoryCli COMMAND [options]

      Keeps LiveLoad results (liveload.result/v1 JSON) in a run history: a directory with every result, its HTML
      report and its labels, and an index (SQLite) of headline figures per scenario and step.

      Commands:
        add RESULT.json ...   add results (labelled with the git commit, branch and tag, and --label), then judge
                              each against the runs of its name before it
        list                  the runs, newest first
        trend                 write the HTML trend report (a chart per scenario, step and metric, a table of runs)
        prune --keep N        keep the newest N runs of each run name (of those --name and --label select)
        verify                read every result file and report damaged or missing ones
        rebuild               rebuild the index from the files (only while nothing else writes to the history)

      Options:
        -d, --dir DIR           the history (default: $LIVELOAD_HISTORY, else ./liveload-history)
        -l, --label KEY=VALUE   add: label the runs; list, trend, prune: only runs with this label (repeatable,
                                or comma-separated: branch=main,env=ci)
        -n, --name NAME         list, trend, prune: only runs of this name
            --last N            list, trend: the newest N runs of each name (trend: 20; list: all)
        -o, --out FILE          trend: the report (default DIR/trend.html)
            --keep N            prune: runs of each name to keep
            --no-git            add: no git labels
        -b, --baseline K=V      add: judge against earlier runs with this label only (e.g. branch=main)
            --window N          the regression rule: the last N runs form the history (default 20)
            --min-runs N        judge a figure only with at least N earlier runs (default 5)
            --mads X            flag beyond the median plus X scaled MADs (default 3)
            --tolerance PCT     and only changes of more than PCT percent (default 10; floors 1 ms, 0.1 points)
            --fail-on-regression  add: exit with status 3 when a regression is flagged
        -h, --help              this message

      Exit status: 0 done, 1 a file or the history could not be read or written, 2 bad arguments, 3 regression
      (with --fail-on-regression).
      """;

  private static final DateTimeFormatter UTC =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT).withZone(ZoneOffset.UTC);

  private HistoryCli() {}

  /**
   * Runs the command line and exits with its status.
   *
   * @param args see {@code --help}
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the command line.
   *
   * @param args arguments
   * @param out  where results go
   * @param err  where problems, errors and the usage message go
   * @return the exit status
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    HistoryArgs a;
    try {
      a = HistoryArgs.parse(args, System.getenv());
    } catch (HistoryArgs.UsageException e) {
      err.println("error: " + e.getMessage());
      err.println();
      err.print(USAGE);
      return 2;
    }
    if (a.command().equals("help")) {
      out.print(USAGE);
      return 0;
    }
    try (History history = History.open(a.dir())) {
      history.problems().forEach(p -> err.println("warning: " + p));
      RunQuery query = new RunQuery(a.name(), a.labels(), a.last());
      return switch (a.command()) {
        case "add" -> add(history, a, out, err);
        case "list" -> list(history.runs(query), out);
        case "trend" -> trend(history, query, a, out);
        case "prune" -> {
          List<RunEntry> removed = history.prune(a.keep(), query.last(0));
          out.println("removed " + removed.size() + (removed.size() == 1 ? " run" : " runs") + "; "
              + history.runs(RunQuery.all()).size() + " kept in " + history.directory());
          yield 0;
        }
        case "verify" -> {
          List<String> found = history.verify();
          found.forEach(f -> err.println("damaged: " + f));
          out.println(history.runs(RunQuery.all()).size() + " runs, " + found.size() + " damaged or missing");
          yield found.isEmpty() ? 0 : 1;
        }
        default -> {
          history.rebuild().forEach(p -> err.println("warning: " + p));
          out.println("rebuilt the index of " + history.directory() + ": " + history.runs(RunQuery.all()).size()
              + " runs");
          yield 0;
        }
      };
    } catch (RuntimeException e) {
      err.println("error: " + e.getMessage());
      return 1;
    }
  }

  private static int add(History history, HistoryArgs a, PrintStream out, PrintStream err) {
    var labels = new LinkedHashMap<String, String>();
    if (a.git()) {
      labels.putAll(GitLabels.detect());
    }
    labels.putAll(a.labels());
    boolean regressed = false;
    for (Path file : a.files()) {
      if (!Files.isRegularFile(file)) {
        err.println("error: result file " + file + (Files.exists(file) ? " is not a file" : " does not exist"));
        return 1;
      }
      RunResult result;
      try {
        result = RunResult.read(file);
      } catch (RuntimeException e) {
        err.println("error: " + file + " is not a LiveLoad result: " + e.getMessage());
        return 1;
      }
      RunEntry entry = history.add(result, labels);
      out.println("added " + entry.name() + " (run " + entry.id() + ", " + UTC.format(entry.start()) + " UTC) "
          + describe(entry.labels()));
      RegressionCheck check = history.check(result, new RunQuery(null, a.baseline(), 0), a.rule());
      out.println(check.describe());
      regressed |= check.regressed();
    }
    return regressed && a.failOnRegression() ? REGRESSION : 0;
  }

  private static int list(List<RunEntry> runs, PrintStream out) {
    out.printf(Locale.ROOT, "%-19s  %-36s  %-11s  %-10s  %s%n", "start (UTC)", "name", "status", "thresholds",
        "labels");
    for (RunEntry r : runs) {
      out.printf(Locale.ROOT, "%-19s  %-36s  %-11s  %-10s  %s%n", UTC.format(r.start()), r.name(),
          r.status().name().toLowerCase(Locale.ROOT), r.thresholds() == 0 ? "-" : (r.thresholds() - r.thresholdsFailed())
          + "/" + r.thresholds() + " ok", describe(r.labels()));
    }
    out.println(runs.size() + (runs.size() == 1 ? " run" : " runs"));
    return 0;
  }

  private static int trend(History history, RunQuery query, HistoryArgs a, PrintStream out) {
    List<Trend> trends = history.trends(query, a.rule());
    Path file = a.out() != null ? a.out() : history.directory().resolve("trend.html");
    TrendReport.write(trends, file);
    for (Trend t : trends) {
      int last = t.runs().size() - 1;
      long flagged = t.series().stream().filter(s -> last >= 0 && s.flagged().get(last)).count();
      out.println(t.name() + ": " + t.runs().size() + (t.runs().size() == 1 ? " run" : " runs")
          + (flagged == 0 ? "" : ", " + flagged + " figure(s) of the latest run flagged"));
    }
    out.println("trend report: " + file.toAbsolutePath());
    return 0;
  }

  private static String describe(Map<String, String> labels) {
    var sb = new StringBuilder();
    labels.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : " ").append(k).append('=')
        .append(k.equals(GitLabels.COMMIT) && v.length() > 10 ? v.substring(0, 10) : v));
    return sb.toString();
  }
}
