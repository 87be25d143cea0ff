package dev.liveload.history;

import dev.liveload.history.internal.Figure;
import dev.liveload.history.internal.Figures;
import dev.liveload.history.internal.Index;
import dev.liveload.history.internal.Recovery;
import dev.liveload.history.internal.RunFiles;
import dev.liveload.history.internal.Trends;
import dev.liveload.report.HtmlReport;
import dev.liveload.result.RunResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * A run history: a directory that keeps every run's result ({@code liveload.result/v1} JSON, as written), its HTML
 * report and its labels, with an index (SQLite, {@code index.db}) of each run's name, times, status, labels,
 * threshold verdicts and headline figures per scenario and step, so that lists, trends and regression checks read no
 * result file. A directory works in any CI as an artifact or a cache.
 *
 * <pre>{@code
 * try (History history = History.open(Path.of("perf-history"))) {
 *   history.add(result, GitLabels.detect());                          // one call; the run is kept
 *   RegressionCheck check = history.check(result, RunQuery.all().label("branch", "main"), RegressionRule.DEFAULT);
 *   System.out.println(check.describe());
 *   TrendReport.write(history.trends(RunQuery.all().last(20)), history.directory().resolve("trend.html"));
 * }
 * }</pre>
 *
 * <p>A history never loses a run. Adding is append-only: files are written under hidden temporary names, forced to
 * disk and renamed into place while the index's write lock is held, and the index rows are committed in the same
 * step; several threads, JVMs or CI jobs may add to one directory at once (SQLite's file locks make them take turns).
 * {@link #open} brings index and files back in line: a result file the index lacks (an add cut short by a crash) is
 * indexed, a damaged one is reported in {@link #problems()} and skipped, never fatal; a damaged index is set aside
 * and rebuilt from the files. Thread-safe; close it when done.
 *
 * @since 0.1
 */
public final class History implements AutoCloseable {
  private final RunFiles files;
  private final List<String> problems = new ArrayList<>();
  private Index index;

  private History(RunFiles files) {
    this.files = files;
  }

  /**
   * Opens a history, creating the directory and its index when missing, and reconciles index and files.
   *
   * @param directory the history's directory
   * @return the history
   * @throws IllegalStateException when the index cannot be opened (locked by another writer for over a minute, or
   *     made by a newer LiveLoad)
   * @throws java.io.UncheckedIOException when the directory cannot be created
   */
  public static History open(Path directory) {
    var h = new History(new RunFiles(Objects.requireNonNull(directory, "directory")));
    h.index = h.openIndex();
    h.reconcile();
    return h;
  }

  private Index openIndex() {
    try {
      return Index.open(files);
    } catch (SQLException e) {
      if (!damaged(e)) {
        throw failure("could not open the index", e);
      }
      Path aside = setAside("damaged");
      problems.add("the index was damaged (" + e.getMessage() + "); set aside as " + aside.getFileName()
          + " and rebuilt from the result files");
      try {
        return Index.open(files);
      } catch (SQLException again) {
        throw failure("could not create a new index", again);
      }
    }
  }

  private static boolean damaged(SQLException e) {
    return e instanceof SQLiteException s && (s.getResultCode() == SQLiteErrorCode.SQLITE_NOTADB
        || s.getResultCode() == SQLiteErrorCode.SQLITE_CORRUPT);
  }

  private Path setAside(String why) {
    Path aside = files.index().resolveSibling(RunFiles.INDEX + "." + why + "-" + System.currentTimeMillis());
    try {
      Files.move(files.index(), aside);
      Files.deleteIfExists(files.index().resolveSibling(RunFiles.INDEX + "-journal"));
    } catch (IOException e) {
      throw new java.io.UncheckedIOException("could not set the index " + files.index() + " aside", e);
    }
    return aside;
  }

  private void reconcile() {
    try {
      Recovery.reconcile(index, files, problems);
    } catch (SQLException e) {
      throw failure("could not reconcile the index with the result files", e);
    }
  }

  /** @return the history's directory, absolute */
  public Path directory() {
    return files.directory();
  }

  /**
   * What opening (and {@link #rebuild()}) found: damaged result files skipped, files indexed late, rows of files
   * that are gone.
   *
   * @return one line each, never null, possibly empty
   */
  public synchronized List<String> problems() {
    return List.copyOf(problems);
  }

  /**
   * Adds a run without labels; see {@link #add(RunResult, Map)}.
   *
   * @param result the run's result
   * @return its entry
   */
  public RunEntry add(RunResult result) {
    return add(result, Map.of());
  }

  /**
   * Adds a run: writes its result, its HTML report and its labels, and indexes it. Adding a run the history
   * already has (by {@code RunInfo.id}) changes nothing and returns the entry it has.
   *
   * @param result the run's result, not null
   * @param labels its labels ({@link Labels}), e.g. {@link GitLabels#detect()} plus your own; not null
   * @return its entry
   * @throws dev.liveload.InvalidOptionException when a label is not allowed (before anything is written)
   * @throws IllegalStateException when the index fails; the result files may then be in place, and the next
   *     {@link #open} indexes them
   */
  public synchronized RunEntry add(RunResult result, Map<String, String> labels) {
    Objects.requireNonNull(result, "result");
    var sorted = new java.util.TreeMap<>(Objects.requireNonNull(labels, "labels"));
    sorted.forEach(Labels::check);
    String id = result.run().id();
    Optional<RunEntry> had = find(id);
    if (had.isPresent()) {
      return had.get();
    }
    String json = RunFiles.resultName(RunFiles.base(result.run().start(), id));
    List<Figure> figures = Figures.of(result);
    Path report = files.writeTemporary(RunFiles.reportName(json), HtmlReport.render(result));
    Path labelFile = null;
    Path resultFile = null;
    try {
      labelFile = files.writeTemporary(RunFiles.labelsName(json), RunFiles.labelsJson(sorted));
      resultFile = files.writeTemporary(json, result.toJson());
      Path r = resultFile;
      Path l = labelFile;
      index.inTransaction(() -> {
        if (!index.has(id)) {
          index.insert(result, sorted, json, figures, Instant.now());
          files.publish(report, RunFiles.reportName(json));
          files.publish(l, RunFiles.labelsName(json));
          files.publish(r, json); // last: a result file in place is a run
        }
        return null;
      });
    } catch (SQLException e) {
      throw failure("could not add run " + id, e);
    } finally {
      for (Path tmp : new Path[] {report, labelFile, resultFile}) {
        if (tmp != null) {
          RunFiles.deleteQuietly(tmp);
        }
      }
    }
    return find(id).orElseThrow();
  }

  /**
   * @param id a run id
   * @return the run, or empty when the history does not have it
   */
  public synchronized Optional<RunEntry> find(String id) {
    try {
      return index.find(id);
    } catch (SQLException e) {
      throw failure("could not read the index", e);
    }
  }

  /**
   * The runs a query selects, from the index only.
   *
   * @param query which runs
   * @return newest first, never null
   */
  public synchronized List<RunEntry> runs(RunQuery query) {
    try {
      return index.runs(query, null, null, false);
    } catch (SQLException e) {
      throw failure("could not read the index", e);
    }
  }

  /**
   * Trends with the default rule for the flags; see {@link #trends(RunQuery, RegressionRule)}.
   *
   * @param query which runs
   * @return one trend per run name
   */
  public List<Trend> trends(RunQuery query) {
    return trends(query, RegressionRule.DEFAULT);
  }

  /**
   * The figures of the runs a query selects, per run name, oldest run first; each value is flagged when the rule
   * flags it against the completed runs before it (of those the query's labels select).
   *
   * @param query which runs ({@code last} per run name)
   * @param rule  the rule for the flags
   * @return one trend per run name, by name; never null
   */
  public synchronized List<Trend> trends(RunQuery query, RegressionRule rule) {
    try {
      var wider = query.last(query.last() == 0 ? 0 : query.last() + rule.window());
      var byName = new LinkedHashMap<String, List<RunEntry>>();
      index.runs(wider, null, null, false).stream().sorted(java.util.Comparator.comparing(RunEntry::name))
          .forEach(r -> byName.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r));
      var figures = index.figures(byName.values().stream().flatMap(List::stream).map(RunEntry::id).toList());
      var out = new ArrayList<Trend>();
      byName.forEach((name, runs) -> out.add(Trends.of(name, runs, query.last(), figures, rule)));
      return out;
    } catch (SQLException e) {
      throw failure("could not read the index", e);
    }
  }

  /**
   * Judges a run against all earlier runs of its name, by the default rule.
   *
   * @param current the run (in the history or not)
   * @return the check
   */
  public RegressionCheck check(RunResult current) {
    return check(current, RunQuery.all(), RegressionRule.DEFAULT);
  }

  /**
   * Judges a run against earlier runs of its name: the last {@code rule.window()} completed runs that started
   * before it and that the baseline query's labels select (its name and {@code last} are not used). The run itself
   * may be in the history already; it is never its own baseline.
   *
   * @param current  the run
   * @param baseline which earlier runs count, e.g. {@code RunQuery.all().label("branch", "main")}
   * @param rule     the rule
   * @return the check
   */
  public synchronized RegressionCheck check(RunResult current, RunQuery baseline, RegressionRule rule) {
    String name = current.run().name();
    try {
      List<RunEntry> runs = index.runs(baseline.name(name).last(rule.window()), current.run().start(),
          current.run().id(), true);
      var judged = Trends.regressions(Figures.of(current), index.figures(runs.stream().map(RunEntry::id).toList()),
          rule);
      return new RegressionCheck(name, runs, rule, judged.judged(), judged.regressions());
    } catch (SQLException e) {
      throw failure("could not read the index", e);
    }
  }

  /**
   * Removes all but the newest {@code keep} runs of each run name among those the query selects (runs it does not
   * select are kept), files and index rows.
   *
   * @param keep  how many runs of each name to keep, at least 1
   * @param query which runs may go (its {@code last} is not used)
   * @return the runs removed, newest first
   */
  public synchronized List<RunEntry> prune(int keep, RunQuery query) {
    if (keep < 1) {
      throw new dev.liveload.InvalidOptionException("keep", keep, "must be at least 1 run per name");
    }
    try {
      return index.inTransaction(() -> {
        var seen = new java.util.HashMap<String, Integer>();
        var removed = new ArrayList<RunEntry>();
        for (RunEntry r : index.runs(query.last(0), null, null, false)) {
          if (seen.merge(r.name(), 1, Integer::sum) > keep) {
            String name = files.directory().relativize(r.result()).toString().replace('\\', '/');
            files.delete(name).forEach(problems::add);
            index.delete(r.id());
            removed.add(r);
          }
        }
        return removed;
      });
    } catch (SQLException e) {
      throw failure("could not prune", e);
    }
  }

  /**
   * Reads every indexed result file and reports those that are missing or damaged (the index keeps their figures;
   * their full results are lost).
   *
   * @return one line per such run, never null
   */
  public synchronized List<String> verify() {
    var found = new ArrayList<String>();
    for (RunEntry r : runs(RunQuery.all())) {
      try {
        RunResult read = r.read();
        if (!read.run().id().equals(r.id())) {
          found.add(r.result() + " holds run " + read.run().id() + ", not " + r.id());
        }
      } catch (RuntimeException e) {
        found.add("run " + r.id() + " (" + r.name() + ", " + r.start() + "): " + r.result() + " cannot be read: "
            + e.getMessage());
      }
    }
    return found;
  }

  /**
   * Rebuilds the index from the result and label files (the old index is set aside): damaged result files are
   * skipped and reported. Only while nothing else writes to the history.
   *
   * @return what the rebuild found, as {@link #problems()} lists it
   */
  public synchronized List<String> rebuild() {
    try {
      index.close();
    } catch (SQLException e) {
      throw failure("could not close the index", e);
    }
    problems.clear();
    setAside("old");
    index = openIndex();
    reconcile();
    return List.copyOf(problems);
  }

  @Override
  public synchronized void close() {
    try {
      index.close();
    } catch (SQLException e) {
      throw failure("could not close the index", e);
    }
  }

  private IllegalStateException failure(String what, SQLException e) {
    return new IllegalStateException("history " + files.directory() + ": " + what + ": " + e.getMessage(), e);
  }
}
