package dev.liveload.history.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;

/**
 * A history's files: {@code index.db}, and per run in {@code runs/} its result ({@code <base>.json}, the
 * {@code liveload.result/v1} JSON as the run wrote it), its HTML report ({@code <base>.html}) and its labels
 * ({@code <base>.labels.json}), where {@code <base>} is the run's start in UTC and its id. Every file is written
 * under a hidden temporary name, forced to disk, then renamed into place, so that a name in {@code runs/} is always
 * a whole file.
 */
public final class RunFiles {
  /** The index file. */
  public static final String INDEX = "index.db";
  private static final String RUNS = "runs";
  private static final String RESULT = ".json";
  private static final String REPORT = ".html";
  private static final String LABELS = ".labels.json";
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT).withZone(ZoneOffset.UTC);
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Path directory;
  private final Path runs;

  /**
   * @param directory the history's directory (created when missing)
   */
  public RunFiles(Path directory) {
    this.directory = directory.toAbsolutePath().normalize();
    this.runs = this.directory.resolve(RUNS);
    try {
      Files.createDirectories(runs);
    } catch (IOException e) {
      throw new UncheckedIOException("could not create the history directory " + runs, e);
    }
  }

  /** @return the history's directory, absolute */
  public Path directory() {
    return directory;
  }

  /** @return the index file */
  public Path index() {
    return directory.resolve(INDEX);
  }

  /**
   * @param start the run's start
   * @param id    the run's id
   * @return the run's base name, e.g. {@code 20260301-100000-3f2a…}
   */
  public static String base(Instant start, String id) {
    var safe = new StringBuilder();
    for (char c : id.toCharArray()) {
      safe.append(Character.isLetterOrDigit(c) && c < 128 || c == '-' || c == '_' ? c : '_');
    }
    String s = safe.length() > 100 ? safe.substring(0, 100) : safe.toString();
    return STAMP.format(start) + "-" + s;
  }

  /** @return the run's result file, relative to the history directory ({@code runs/<base>.json}) */
  public static String resultName(String base) {
    return RUNS + "/" + base + RESULT;
  }

  /** @return the run's report file, relative to the history directory */
  public static String reportName(String resultName) {
    return resultName.substring(0, resultName.length() - RESULT.length()) + REPORT;
  }

  /** @return the run's labels file, relative to the history directory */
  public static String labelsName(String resultName) {
    return resultName.substring(0, resultName.length() - RESULT.length()) + LABELS;
  }

  /** @return a file of the history by its relative name */
  public Path resolve(String name) {
    return directory.resolve(name);
  }

  /**
   * The result files in {@code runs/}, relative to the history directory; temporary files are not among them.
   *
   * @return the names, sorted
   */
  public List<String> resultNames() {
    try (Stream<Path> files = Files.list(runs)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(RESULT) && !n.endsWith(LABELS) && !n.startsWith("."))
          .map(n -> RUNS + "/" + n).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException("could not list " + runs, e);
    }
  }

  /**
   * Writes text under a hidden temporary name beside its final one and forces it to disk.
   *
   * @param name the final name, relative to the history directory
   * @param text the content
   * @return the temporary file
   */
  public Path writeTemporary(String name, String text) {
    Path target = resolve(name);
    Path tmp = target.resolveSibling("." + target.getFileName() + "." + Long.toHexString(ThreadLocalRandom.current()
        .nextLong()) + ".tmp");
    try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer bytes = StandardCharsets.UTF_8.encode(text);
      while (bytes.hasRemaining()) {
        ch.write(bytes);
      }
      ch.force(true);
    } catch (IOException e) {
      deleteQuietly(tmp);
      throw new UncheckedIOException("could not write " + tmp, e);
    }
    return tmp;
  }

  /**
   * Renames a temporary file into place, atomically where the file system can.
   *
   * @param tmp  from {@link #writeTemporary}
   * @param name the final name, relative to the history directory
   */
  public void publish(Path tmp, String name) {
    Path target = resolve(name);
    try {
      try {
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("could not move " + tmp + " to " + target, e);
    }
  }

  /** @return labels as the labels file holds them */
  public static String labelsJson(Map<String, String> labels) {
    try {
      return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("labels", new TreeMap<>(labels)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a run's labels file.
   *
   * @param resultName the run's result file name
   * @return its labels; empty when there is no labels file
   * @throws IOException when it cannot be read or is damaged
   */
  public Map<String, String> readLabels(String resultName) throws IOException {
    Path file = resolve(labelsName(resultName));
    if (!Files.exists(file)) {
      return Map.of();
    }
    Map<String, Map<String, String>> m = JSON.readValue(file.toFile(), new TypeReference<>() {});
    return m.get("labels") == null ? Map.of() : m.get("labels");
  }

  /**
   * Deletes a run's files (result, report, labels).
   *
   * @param resultName the run's result file name
   * @return the files that could not be deleted, never null
   */
  public List<String> delete(String resultName) {
    var failed = new ArrayList<String>();
    for (String n : List.of(resultName, reportName(resultName), labelsName(resultName))) {
      try {
        Files.deleteIfExists(resolve(n));
      } catch (IOException e) {
        failed.add(n + ": " + e.getMessage());
      }
    }
    return failed;
  }

  /** Deletes a file, ignoring failure. */
  public static void deleteQuietly(Path p) {
    try {
      Files.deleteIfExists(p);
    } catch (IOException ignored) {
      // a stray temporary file is hidden and harmless
    }
  }
}
