package dev.liveload.history.internal;

import dev.liveload.history.Labels;
import dev.liveload.result.RunResult;
import java.io.IOException;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Brings the index and the result files back in line, under the index's write lock: a result file the index lacks
 * (a crash after its file was renamed into place and before its row was committed, or a file copied in) is read and
 * indexed, with the labels of its labels file; a damaged one is reported and skipped; an index row whose result file
 * is gone is reported and removed.
 */
public final class Recovery {
  private Recovery() {}

  /**
   * @param index    the index
   * @param files    the history's files
   * @param problems where to report what was found
   */
  public static void reconcile(Index index, RunFiles files, List<String> problems) throws SQLException {
    if (new TreeSet<>(files.resultNames()).equals(index.files().keySet())) {
      return; // the common case: nothing to take the write lock for
    }
    index.inTransaction(() -> {
      var onDisk = new TreeSet<>(files.resultNames());
      Map<String, String> indexed = index.files();
      for (String name : onDisk) {
        if (!indexed.containsKey(name)) {
          recover(index, files, name, problems);
        }
      }
      indexed.forEach((name, id) -> {
        if (!onDisk.contains(name)) {
          problems.add("run " + id + ": its result file " + name + " is gone; removed from the index");
          try {
            index.delete(id);
          } catch (SQLException e) {
            throw new IllegalStateException(e);
          }
        }
      });
      return null;
    });
  }

  private static void recover(Index index, RunFiles files, String name, List<String> problems) throws SQLException {
    RunResult r;
    try {
      r = RunResult.read(files.resolve(name));
    } catch (RuntimeException e) {
      problems.add(name + " is damaged and was skipped (" + firstLine(e) + ")");
      return;
    }
    if (index.has(r.run().id())) {
      problems.add(name + " holds run " + r.run().id() + ", which the history has under another file; skipped");
      return;
    }
    Map<String, String> labels;
    try {
      labels = files.readLabels(name);
      labels.forEach(Labels::check);
    } catch (IOException | RuntimeException e) {
      problems.add(RunFiles.labelsName(name) + " is damaged; run " + r.run().id() + " was indexed without labels ("
          + firstLine(e) + ")");
      labels = Map.of();
    }
    index.insert(r, labels, name, Figures.of(r), Instant.now());
    problems.add(name + " was not in the index (an add cut short?); indexed it now");
  }

  private static String firstLine(Exception e) {
    String m = String.valueOf(e.getMessage());
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }
}
