package dev.liveload.history.internal;

import dev.liveload.history.RunEntry;
import dev.liveload.history.RunQuery;
import dev.liveload.report.Delta.Statistic;
import dev.liveload.report.Delta.Subject;
import dev.liveload.result.RunResult;
import dev.liveload.result.RunStatus;
import dev.liveload.result.ThresholdResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.sqlite.SQLiteConfig;

/**
 * A history's index, in SQLite: one row per run (name, times, status, thresholds, file), its labels, its threshold
 * verdicts and its headline {@link Figure}s, so that lists, trends and regression checks never read a result file.
 * Rollback-journal mode with full sync: after every commit {@code index.db} alone is whole (a copy of the directory
 * taken as a CI artifact needs no {@code -wal} file), and writers in several JVMs take turns through SQLite's file
 * locks, each waiting up to a minute. Not thread-safe: {@link dev.liveload.history.History} serializes calls.
 */
public final class Index implements AutoCloseable {
  /** The index format; a newer one is refused, not guessed at. */
  static final int VERSION = 1;
  private static final int BUSY_TIMEOUT_MS = 60_000;
  private static final String RUN_COLUMNS = "id, name, start_ms, end_ms, status, reason, thresholds, "
      + "thresholds_failed, file, added_ms";

  private final Connection c;
  private final RunFiles files;

  private Index(Connection c, RunFiles files) {
    this.c = c;
    this.files = files;
  }

  /**
   * Opens (creating when missing) the index of a history.
   *
   * @param files the history's files
   * @return the index
   * @throws SQLException when the file is not an SQLite database, or one of a newer format
   */
  public static Index open(RunFiles files) throws SQLException {
    var config = new SQLiteConfig();
    config.setBusyTimeout(BUSY_TIMEOUT_MS);
    config.setJournalMode(SQLiteConfig.JournalMode.DELETE);
    config.setSynchronous(SQLiteConfig.SynchronousMode.FULL);
    config.enforceForeignKeys(true);
    config.setTransactionMode(SQLiteConfig.TransactionMode.IMMEDIATE);
    Connection c = config.createConnection("jdbc:sqlite:" + files.index());
    var index = new Index(c, files);
    try {
      index.inTransaction(() -> {
        index.createSchema();
        return null;
      });
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
    return index;
  }

  private void createSchema() throws SQLException {
    try (Statement s = c.createStatement()) {
      int version;
      try (ResultSet rs = s.executeQuery("PRAGMA user_version")) {
        version = rs.next() ? rs.getInt(1) : 0;
      }
      if (version > VERSION) {
        throw new SQLException("the index " + files.index() + " is of format " + version + ", newer than this "
            + "LiveLoad's (" + VERSION + "): use a newer LiveLoad");
      }
      s.executeUpdate("CREATE TABLE IF NOT EXISTS runs (id TEXT PRIMARY KEY, name TEXT NOT NULL, "
          + "start_ms INTEGER NOT NULL, end_ms INTEGER NOT NULL, status TEXT NOT NULL, reason TEXT NOT NULL, "
          + "thresholds INTEGER NOT NULL, thresholds_failed INTEGER NOT NULL, file TEXT NOT NULL UNIQUE, "
          + "added_ms INTEGER NOT NULL)");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS runs_by_name ON runs (name, start_ms)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS labels (run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE "
          + "CASCADE, key TEXT NOT NULL, value TEXT NOT NULL, PRIMARY KEY (run_id, key))");
      s.executeUpdate("CREATE INDEX IF NOT EXISTS labels_by_value ON labels (key, value)");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS thresholds (run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE "
          + "CASCADE, position INTEGER NOT NULL, expression TEXT NOT NULL, passed INTEGER NOT NULL, "
          + "observed TEXT NOT NULL, PRIMARY KEY (run_id, position))");
      s.executeUpdate("CREATE TABLE IF NOT EXISTS figures (run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE "
          + "CASCADE, scenario TEXT NOT NULL, subject TEXT NOT NULL, name TEXT NOT NULL, statistic TEXT NOT NULL, "
          + "unit TEXT NOT NULL, value REAL, samples INTEGER NOT NULL, "
          + "PRIMARY KEY (run_id, scenario, subject, name, statistic))");
      if (version < VERSION) {
        s.executeUpdate("PRAGMA user_version = " + VERSION);
      }
    }
  }

  /** Work inside one transaction. */
  @FunctionalInterface
  public interface Work<T> {
    /** @return the work's result */
    T run() throws SQLException;
  }

  /**
   * Runs work in one write transaction ({@code BEGIN IMMEDIATE}: it holds the write lock from the start, so two
   * writers never deadlock on upgrading), committing when it returns and rolling back when it throws.
   *
   * @param work the work
   * @param <T>  its result
   * @return its result
   * @throws SQLException when the database fails (including a lock not got within a minute)
   */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    c.setAutoCommit(false);
    try {
      T t = work.run();
      c.commit();
      return t;
    } catch (SQLException | RuntimeException | Error e) {
      try {
        c.rollback();
      } catch (SQLException suppressed) {
        e.addSuppressed(suppressed);
      }
      throw e;
    } finally {
      c.setAutoCommit(true);
    }
  }

  /**
   * @param id a run id
   * @return whether the index has it
   */
  public boolean has(String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM runs WHERE id = ?")) {
      p.setString(1, id);
      try (ResultSet rs = p.executeQuery()) {
        return rs.next();
      }
    }
  }

  /**
   * Adds a run's rows (call inside {@link #inTransaction}).
   *
   * @param r       the result
   * @param labels  its labels
   * @param file    its result file name
   * @param figures its figures
   * @param added   when it was added
   */
  public void insert(RunResult r, Map<String, String> labels, String file, List<Figure> figures, Instant added)
      throws SQLException {
    try (PreparedStatement p = c.prepareStatement("INSERT INTO runs (" + RUN_COLUMNS + ") VALUES "
        + "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
      p.setString(1, r.run().id());
      p.setString(2, r.run().name());
      p.setLong(3, r.run().start().toEpochMilli());
      p.setLong(4, r.run().end().toEpochMilli());
      p.setString(5, r.run().status().name());
      p.setString(6, r.run().reason() == null ? "" : r.run().reason());
      p.setInt(7, r.thresholds().size());
      p.setInt(8, (int) r.thresholds().stream().filter(t -> !t.passed()).count());
      p.setString(9, file);
      p.setLong(10, added.toEpochMilli());
      p.executeUpdate();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO labels (run_id, key, value) VALUES (?, ?, ?)")) {
      for (var l : labels.entrySet()) {
        p.setString(1, r.run().id());
        p.setString(2, l.getKey());
        p.setString(3, l.getValue());
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT INTO thresholds (run_id, position, expression, passed, "
        + "observed) VALUES (?, ?, ?, ?, ?)")) {
      int i = 0;
      for (ThresholdResult t : r.thresholds()) {
        p.setString(1, r.run().id());
        p.setInt(2, i++);
        p.setString(3, t.expression());
        p.setInt(4, t.passed() ? 1 : 0);
        p.setString(5, t.observedText() == null ? "" : t.observedText());
        p.addBatch();
      }
      p.executeBatch();
    }
    try (PreparedStatement p = c.prepareStatement("INSERT OR REPLACE INTO figures (run_id, scenario, subject, name, "
        + "statistic, unit, value, samples) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
      for (Figure f : figures) {
        p.setString(1, r.run().id());
        p.setString(2, f.scenario());
        p.setString(3, f.subject().name());
        p.setString(4, f.name());
        p.setString(5, f.statistic().name());
        p.setString(6, f.unit());
        if (Double.isFinite(f.value())) {
          p.setDouble(7, f.value());
        } else {
          p.setNull(7, java.sql.Types.REAL);
        }
        p.setLong(8, f.samples());
        p.addBatch();
      }
      p.executeBatch();
    }
  }

  /**
   * Removes a run's rows (its labels, thresholds and figures go with it).
   *
   * @param id the run's id
   */
  public void delete(String id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement("DELETE FROM runs WHERE id = ?")) {
      p.setString(1, id);
      p.executeUpdate();
    }
  }

  /** @return result file name to run id, for every run in the index */
  public Map<String, String> files() throws SQLException {
    var m = new TreeMap<String, String>();
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT file, id FROM runs")) {
      while (rs.next()) {
        m.put(rs.getString(1), rs.getString(2));
      }
    }
    return m;
  }

  /** @return how many runs the index has */
  public int count() throws SQLException {
    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM runs")) {
      return rs.next() ? rs.getInt(1) : 0;
    }
  }

  /**
   * Runs a query.
   *
   * @param q             the query (its {@code last} applies per run name)
   * @param before        only runs that started before this, or null
   * @param exclude       a run id to leave out, or null
   * @param completedOnly whether to take only completed runs
   * @return the runs, newest first (by start, then id)
   */
  public List<RunEntry> runs(RunQuery q, Instant before, String exclude, boolean completedOnly) throws SQLException {
    var where = new StringBuilder(" WHERE 1 = 1");
    var args = new ArrayList<Object>();
    if (q.name() != null) {
      where.append(" AND r.name = ?");
      args.add(q.name());
    }
    q.labels().forEach((k, v) -> {
      where.append(" AND EXISTS (SELECT 1 FROM labels l WHERE l.run_id = r.id AND l.key = ? AND l.value = ?)");
      args.add(k);
      args.add(v);
    });
    if (before != null) {
      where.append(" AND r.start_ms < ?");
      args.add(before.toEpochMilli());
    }
    if (exclude != null) {
      where.append(" AND r.id <> ?");
      args.add(exclude);
    }
    if (completedOnly) {
      where.append(" AND r.status = 'COMPLETED'");
    }
    return select(where, args, q.last());
  }

  /**
   * @param id a run id
   * @return the run, or empty
   */
  public java.util.Optional<RunEntry> find(String id) throws SQLException {
    var args = new ArrayList<Object>();
    args.add(id);
    return select(new StringBuilder(" WHERE r.id = ?"), args, 0).stream().findFirst();
  }

  private List<RunEntry> select(StringBuilder where, List<Object> args, int last) throws SQLException {
    String sql = "SELECT " + RUN_COLUMNS + " FROM (SELECT r.*, row_number() OVER (PARTITION BY r.name ORDER BY "
        + "r.start_ms DESC, r.id DESC) AS nth FROM runs r" + where + ")" + (last > 0 ? " WHERE nth <= ?" : "")
        + " ORDER BY start_ms DESC, id DESC";
    if (last > 0) {
      args.add(last);
    }
    var rows = new ArrayList<Object[]>();
    try (PreparedStatement p = c.prepareStatement(sql)) {
      for (int i = 0; i < args.size(); i++) {
        p.setObject(i + 1, args.get(i));
      }
      try (ResultSet rs = p.executeQuery()) {
        while (rs.next()) {
          rows.add(new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getString(5),
              rs.getString(6), rs.getInt(7), rs.getInt(8), rs.getString(9), rs.getLong(10)});
        }
      }
    }
    Map<String, Map<String, String>> labels = labels(rows.stream().map(r -> (String) r[0]).toList());
    var out = new ArrayList<RunEntry>(rows.size());
    for (Object[] r : rows) {
      String file = (String) r[8];
      out.add(new RunEntry((String) r[0], (String) r[1], Instant.ofEpochMilli((Long) r[2]),
          Instant.ofEpochMilli((Long) r[3]), RunStatus.valueOf((String) r[4]), (String) r[5], (Integer) r[6],
          (Integer) r[7], labels.getOrDefault((String) r[0], Map.of()), files.resolve(file),
          files.resolve(RunFiles.reportName(file)), Instant.ofEpochMilli((Long) r[9])));
    }
    return out;
  }

  private Map<String, Map<String, String>> labels(List<String> ids) throws SQLException {
    var out = new HashMap<String, Map<String, String>>();
    forEachChunk(ids, "SELECT run_id, key, value FROM labels WHERE run_id IN ", rs ->
        out.computeIfAbsent(rs.getString(1), k -> new TreeMap<>()).put(rs.getString(2), rs.getString(3)));
    return out;
  }

  /**
   * The figures of runs.
   *
   * @param ids run ids
   * @return each run's figures, by run id
   */
  public Map<String, List<Figure>> figures(Collection<String> ids) throws SQLException {
    var out = new LinkedHashMap<String, List<Figure>>();
    forEachChunk(new ArrayList<>(ids), "SELECT run_id, scenario, subject, name, statistic, unit, value, samples "
        + "FROM figures WHERE run_id IN ", rs -> {
          double v = rs.getDouble(7);
          if (rs.wasNull()) {
            v = Double.NaN;
          }
          out.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(new Figure(rs.getString(2),
              Subject.valueOf(rs.getString(3)), rs.getString(4), Statistic.valueOf(rs.getString(5)), rs.getString(6),
              v, rs.getLong(8)));
        });
    return out;
  }

  private interface RowHandler {
    void row(ResultSet rs) throws SQLException;
  }

  private void forEachChunk(List<String> ids, String sqlPrefix, RowHandler handler) throws SQLException {
    for (int from = 0; from < ids.size(); from += 500) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + 500));
      String sql = sqlPrefix + "(" + String.join(", ", java.util.Collections.nCopies(chunk.size(), "?")) + ")";
      try (PreparedStatement p = c.prepareStatement(sql)) {
        for (int i = 0; i < chunk.size(); i++) {
          p.setString(i + 1, chunk.get(i));
        }
        try (ResultSet rs = p.executeQuery()) {
          while (rs.next()) {
            handler.row(rs);
          }
        }
      }
    }
  }

  @Override
  public void close() throws SQLException {
    c.close();
  }
}
