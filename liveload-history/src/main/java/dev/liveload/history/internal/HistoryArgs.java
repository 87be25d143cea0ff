package dev.liveload.history.internal;

import dev.liveload.InvalidOptionException;
import dev.liveload.history.Labels;
import dev.liveload.history.RegressionRule;
import dev.liveload.report.Tolerance;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The history command line, parsed.
 *
 * @param command          add, list, trend, prune, verify or rebuild (or help)
 * @param files            result files (add)
 * @param dir              the history directory
 * @param labels           labels (add: to give; others: to filter by)
 * @param name             run name filter, or null
 * @param last             newest runs per name; 0 for all
 * @param out              trend report file, or null for the default
 * @param keep             prune: runs per name to keep
 * @param git              add: whether to add the git labels
 * @param baseline         add: labels the baseline runs must have
 * @param rule             the regression rule
 * @param failOnRegression whether a flagged regression makes the exit status 3
 */
public record HistoryArgs(String command, List<Path> files, Path dir, Map<String, String> labels, String name,
    int last, Path out, int keep, boolean git, Map<String, String> baseline, RegressionRule rule,
    boolean failOnRegression) {

  private static final Set<String> COMMANDS = Set.of("add", "list", "trend", "prune", "verify", "rebuild");

  /** Bad arguments: the message says which and what is allowed. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * @param args the arguments
   * @param env  the environment ({@code LIVELOAD_HISTORY} is the default directory)
   * @return the parsed command line
   * @throws UsageException when they are not valid
   */
  public static HistoryArgs parse(String[] args, Map<String, String> env) throws UsageException {
    if (args.length == 0) {
      throw new UsageException("no command given");
    }
    String command = args[0];
    if (command.equals("-h") || command.equals("--help") || command.equals("help")) {
      return new HistoryArgs("help", List.of(), null, Map.of(), null, 0, null, 0, false, Map.of(),
          RegressionRule.DEFAULT, false);
    }
    if (!COMMANDS.contains(command)) {
      throw new UsageException("unknown command " + command + ": use add, list, trend, prune, verify or rebuild");
    }
    var files = new ArrayList<Path>();
    String defaultDir = env.get("LIVELOAD_HISTORY");
    Path dir = Path.of(defaultDir == null || defaultDir.isBlank() ? "liveload-history" : defaultDir);
    var labels = new LinkedHashMap<String, String>();
    var baseline = new LinkedHashMap<String, String>();
    String name = null;
    int last = command.equals("trend") ? 20 : 0;
    Path out = null;
    int keep = 0;
    boolean git = true;
    boolean fail = false;
    RegressionRule rule = RegressionRule.DEFAULT;
    try {
      for (int i = 1; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "-d", "--dir" -> dir = Path.of(value(args, ++i, a));
          case "-l", "--label" -> labels.putAll(Labels.parse(value(args, ++i, a)));
          case "-b", "--baseline" -> baseline.putAll(Labels.parse(value(args, ++i, a)));
          case "-n", "--name" -> name = value(args, ++i, a);
          case "--last" -> last = count(a, value(args, ++i, a), 0);
          case "-o", "--out" -> out = Path.of(value(args, ++i, a));
          case "--keep" -> keep = count(a, value(args, ++i, a), 1);
          case "--no-git" -> git = false;
          case "--window" -> rule = rule.window(count(a, value(args, ++i, a), 3));
          case "--min-runs" -> rule = rule.minRuns(count(a, value(args, ++i, a), 3));
          case "--mads" -> rule = rule.mads(number(a, value(args, ++i, a)));
          case "--tolerance" -> rule = rule.tolerance(Tolerance.percent(number(a, strip(value(args, ++i, a)))));
          case "--fail-on-regression" -> fail = true;
          default -> {
            if (a.startsWith("-")) {
              throw new UsageException("unknown option " + a);
            }
            files.add(Path.of(a));
          }
        }
      }
    } catch (InvalidOptionException e) {
      throw new UsageException(e.getMessage());
    }
    if (command.equals("add") && files.isEmpty()) {
      throw new UsageException("add needs at least one result file");
    }
    if (!command.equals("add") && !files.isEmpty()) {
      throw new UsageException(command + " takes no files, but was given " + files.get(0));
    }
    if (command.equals("prune") && keep == 0) {
      throw new UsageException("prune needs --keep N: how many runs of each run name to keep");
    }
    if (!command.equals("add") && (!baseline.isEmpty() || fail)) {
      throw new UsageException("--baseline and --fail-on-regression are for add");
    }
    if (!command.equals("trend") && out != null) {
      throw new UsageException("--out is for trend");
    }
    return new HistoryArgs(command, List.copyOf(files), dir, labels, name, last, out, keep, git, baseline, rule, fail);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static String strip(String percent) {
    return percent.endsWith("%") ? percent.substring(0, percent.length() - 1) : percent;
  }

  private static int count(String option, String text, int min) throws UsageException {
    try {
      int n = Integer.parseInt(text);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException(option + " " + text + " is not allowed: must be a whole number of at least " + min);
  }

  private static double number(String option, String text) throws UsageException {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      throw new UsageException(option + " " + text + " is not a number");
    }
  }
}
