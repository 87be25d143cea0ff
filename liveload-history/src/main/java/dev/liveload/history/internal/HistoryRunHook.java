package dev.liveload.history.internal;

import dev.liveload.RunHook;
import dev.liveload.history.GitLabels;
import dev.liveload.history.History;
import dev.liveload.history.Regression;
import dev.liveload.history.RegressionCheck;
import dev.liveload.history.RunEntry;
import dev.liveload.history.RunQuery;
import dev.liveload.history.TrendReport;
import dev.liveload.result.RunResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;

/**
 * The {@link RunHook} of liveload-history: with {@code -Dliveload.history=DIR} (or {@code LIVELOAD_HISTORY}), adds
 * each run to that history with the git labels and {@code liveload.history.labels}, judges it against the runs of
 * its name before it, and rewrites {@code DIR/trend.html}. A regression is a note, or with
 * {@code liveload.history.failOnRegression=true} a failure naming the step, the figure, the current value and the
 * historical range. See {@link HookSettings.Setting} for every setting.
 */
public final class HistoryRunHook implements RunHook {
  /** Found by {@link java.util.ServiceLoader}. */
  public HistoryRunHook() {}

  @Override
  public void beforeRun() {
    HookSettings.current(); // a bad setting fails before any load
  }

  @Override
  public Outcome afterRun(RunResult result) {
    HookSettings settings = HookSettings.current();
    if (settings.directory() == null) {
      return Outcome.NONE;
    }
    var notes = new ArrayList<String>();
    var failures = new ArrayList<String>();
    try (History history = History.open(settings.directory())) {
      history.problems().forEach(p -> notes.add("history: " + p));
      var labels = new LinkedHashMap<>(GitLabels.detect());
      labels.putAll(settings.labels());
      RunEntry entry = history.add(result, labels);
      int runs = history.runs(RunQuery.named(entry.name())).size();
      notes.add("history: run " + entry.id() + " added to " + history.directory() + " (" + runs
          + (runs == 1 ? " run of " : " runs of ") + entry.name() + ")");
      RegressionCheck check = history.check(result, new RunQuery(null, settings.baseline(), 0), settings.rule());
      if (check.regressed() && settings.failOnRegression()) {
        for (Regression r : check.regressions()) {
          failures.add("regression against history in " + check.name() + ": " + r.describe());
        }
      } else {
        notes.add("history: " + check.describe() + (check.regressed() ? "\n  (not failing the run: set "
            + HookSettings.Setting.FAIL.property() + "=true to)" : ""));
      }
      Path trend = history.directory().resolve("trend.html");
      Path tmp = trend.resolveSibling(".trend.html." + ProcessHandle.current().pid() + "." + Thread.currentThread()
          .threadId() + ".tmp");
      TrendReport.write(history.trends(RunQuery.all().last(settings.rule().window())), tmp);
      java.nio.file.Files.move(tmp, trend, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      notes.add("history: trend report " + trend);
    } catch (java.io.IOException | RuntimeException e) {
      failures.add("could not add the run to the history " + settings.directory() + ": " + e.getMessage());
    }
    return new Outcome(notes, failures);
  }
}
