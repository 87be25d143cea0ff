package dev.liveload.report.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The report command line, parsed.
 *
 * @param results          result files to render, at least one
 * @param out              HTML file to write, or null for the default (next to each result)
 * @param baseline         baseline result file, or null
 * @param tolerancePercent regression tolerance in percent
 * @param markdown         Markdown summary file ({@code -} for standard output), or null
 * @param merge            whether several results are merged into one report
 * @param html             whether to write HTML
 * @param quiet            whether to skip the console summary
 * @param failOnRegression whether a regression makes the exit status 3
 * @param help             whether help was asked for
 */
public record CliArgs(List<Path> results, Path out, Path baseline, double tolerancePercent, String markdown,
    boolean merge, boolean html, boolean quiet, boolean failOnRegression, boolean help) {

  /** Bad arguments: the message says which and what is allowed. */
  public static final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
      super(message);
    }
  }

  /**
   * Parses arguments.
   *
   * @throws UsageException when they are not valid
   */
  public static CliArgs parse(String[] args) throws UsageException {
    var results = new ArrayList<Path>();
    Path out = null;
    Path baseline = null;
    double tolerance = 5;
    String markdown = null;
    boolean merge = false;
    boolean html = true;
    boolean quiet = false;
    boolean fail = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      switch (a) {
        case "-h", "--help" -> {
          return new CliArgs(List.of(), null, null, 5, null, false, true, false, false, true);
        }
        case "--out", "-o" -> out = Path.of(value(args, ++i, a));
        case "--baseline", "-b" -> baseline = Path.of(value(args, ++i, a));
        case "--markdown", "-m" -> markdown = value(args, ++i, a);
        case "--tolerance", "-t" -> tolerance = percent(value(args, ++i, a));
        case "--merge" -> merge = true;
        case "--no-html" -> html = false;
        case "--quiet", "-q" -> quiet = true;
        case "--fail-on-regression" -> fail = true;
        default -> {
          if (a.startsWith("-") && !a.equals("-")) {
            throw new UsageException("unknown option " + a);
          }
          results.add(Path.of(a));
        }
      }
    }
    if (results.isEmpty()) {
      throw new UsageException("no result file given");
    }
    boolean oneReport = results.size() == 1 || merge;
    if (!oneReport && out != null) {
      throw new UsageException("--out names one report, but " + results.size() + " result files were given: add "
          + "--merge to render them as one run, or leave out --out to write each report next to its result");
    }
    if (!oneReport && markdown != null) {
      throw new UsageException("--markdown writes one summary, but " + results.size() + " result files were given: "
          + "add --merge to summarize them as one run");
    }
    if (!html && markdown == null && quiet) {
      throw new UsageException("--no-html with --quiet and no --markdown would produce nothing");
    }
    if (fail && baseline == null) {
      throw new UsageException("--fail-on-regression needs --baseline");
    }
    return new CliArgs(List.copyOf(results), out, baseline, tolerance, markdown, merge, html, quiet, fail, false);
  }

  private static String value(String[] args, int i, String option) throws UsageException {
    if (i >= args.length || args[i].startsWith("--")) {
      throw new UsageException(option + " needs a value");
    }
    return args[i];
  }

  private static double percent(String text) throws UsageException {
    String t = text.endsWith("%") ? text.substring(0, text.length() - 1) : text;
    try {
      double v = Double.parseDouble(t);
      if (v >= 0 && v <= 1000) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new UsageException("--tolerance " + text + " is not allowed: must be a percentage between 0 and 1000 "
        + "(e.g. 5 or 5%)");
  }
}
