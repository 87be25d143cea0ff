package dev.liveload.internal.data;

import dev.liveload.InvalidOptionException;
import dev.liveload.data.Feeder;
import dev.liveload.data.Feeder.Strategy;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import java.util.random.RandomGenerator;

/**
 * One feeder during a run, shared by every user that can see it: hands out rows by its strategy, safely from many
 * virtual threads. In-memory rows and indexed files ({@code random}, {@code shuffle}) are read by position with
 * no lock; streamed files ({@code queue}, {@code circular}, {@code uniquePerUser}) are read in order under a
 * {@link ReentrantLock} (not {@code synchronized}, so a virtual thread waiting for it does not pin its carrier).
 */
public abstract sealed class FeederSource implements AutoCloseable {
  final String name;
  final Feeder feeder;
  final List<String> columns;
  private final ConcurrentLinkedQueue<Row> released = new ConcurrentLinkedQueue<>();
  private final AtomicLong handedOut = new AtomicLong();

  private FeederSource(String name, Feeder feeder, List<String> columns) {
    this.name = name;
    this.feeder = feeder;
    this.columns = columns;
  }

  /**
   * Opens a feeder for a run: in-memory rows as they are; a file streamed (after reading it once to check every
   * row), or indexed first for {@code random} and {@code shuffle} (reading it once, which also checks every row).
   *
   * @param name   the feeder's name
   * @param feeder the feeder
   * @param seed   the run's seed (for {@code shuffle})
   * @return the source
   * @throws InvalidOptionException when the file cannot be read or a row is malformed
   */
  public static FeederSource open(String name, Feeder feeder, long seed) {
    long shuffleSeed = seed ^ (name.hashCode() * 0x9E3779B97F4A7C15L);
    if (feeder.format() == Feeder.Format.MEMORY) {
      List<Row> rows = new java.util.ArrayList<>(feeder.rows().size());
      for (int i = 0; i < feeder.rows().size(); i++) {
        if (feeder.holds(i)) {
          rows.add(new Row(feeder.rows().get(i), "row " + (i + 1)));
        }
      }
      if (rows.isEmpty() && reuses(feeder)) {
        throw new InvalidOptionException("feeder " + name, feeder.describe(), "has no rows in this share");
      }
      return new Indexed(name, feeder, feeder.columns(name), rows.size(), rows::get, null, shuffleSeed);
    }
    List<String> columns = FeederFiles.columns(name, feeder);
    if (feeder.strategy() == Strategy.RANDOM || feeder.strategy() == Strategy.SHUFFLE) {
      return Indexed.ofFile(name, feeder, columns, shuffleSeed);
    }
    checkEveryRow(name, feeder);
    return new Streamed(name, feeder, columns);
  }

  /**
   * Reads a streamed file once before the run, so that a malformed row (a CSV row with too few or too many fields,
   * bad JSON) fails the run before any load instead of the iteration that would draw it. Every row is checked,
   * this generator's share or not.
   */
  private static void checkEveryRow(String name, Feeder feeder) {
    try (RowFile file = RowFile.open(feeder)) {
      while (file.next() != null) {
        // RowFile checks each row as it reads it
      }
    } catch (FeederException e) {
      throw new InvalidOptionException("feeder " + name, feeder.file(), e.getMessage());
    } catch (IOException e) {
      throw new InvalidOptionException("feeder " + name, feeder.file(), "could not be read: " + e);
    }
  }

  /**
   * A share with no rows (fewer rows than generators) is simply exhausted for strategies that hand each row out
   * once; {@code random} and {@code circular} need at least one row to draw from.
   */
  private static boolean reuses(Feeder feeder) {
    return feeder.strategy() == Strategy.RANDOM || feeder.strategy() == Strategy.CIRCULAR;
  }

  /** @return the feeder's name */
  public String name() {
    return name;
  }

  /** @return its columns (a JSON file's: the fields of its first object) */
  public List<String> columns() {
    return columns;
  }

  /** @return the feeder's settings */
  public Feeder feeder() {
    return feeder;
  }

  /**
   * Draws a row.
   *
   * @param random the drawing user's generator (for {@code random})
   * @return the row, or null when the feeder has run out
   * @throws FeederException when the row drawn is malformed (it is used up)
   */
  public Row draw(RandomGenerator random) {
    Row r;
    if (feeder.strategy() == Strategy.UNIQUE_PER_USER && (r = released.poll()) != null) {
      return r;
    }
    r = next(random);
    if (r != null) {
      handedOut.incrementAndGet();
    }
    return r;
  }

  /** Gives a {@code uniquePerUser} row back (its user stopped), for the next user that needs one. */
  public void release(Row row) {
    released.add(row);
  }

  /** @return why there is no row, for messages */
  public String exhaustedMessage() {
    String how = feeder.strategy() == Strategy.UNIQUE_PER_USER
        ? "has no free row: all " + handedOut.get() + " rows are held by running users (unique per user)"
        : "ran out of rows after handing out " + handedOut.get() + " (" + feeder.strategy().name()
            .toLowerCase(java.util.Locale.ROOT) + ")";
    String hint = feeder.whenExhausted() == Feeder.WhenExhausted.STOP ? "" : feeder.strategy()
        == Strategy.UNIQUE_PER_USER ? " (add rows or run fewer users)" : " (use circular() or random() to reuse "
        + "rows, or whenExhausted(STOP) to end without an error)";
    return "feeder \"" + name + "\" " + how + "; its population starts no new iterations" + hint;
  }

  abstract Row next(RandomGenerator random);

  @Override
  public abstract void close();

  /** Rows read by position: in memory, or at indexed offsets in a file. */
  static final class Indexed extends FeederSource {
    interface Rows {
      Row get(int index);
    }

    private final int size;
    private final Rows rows;
    private final FileChannel channel;
    private final int[] order;
    private final AtomicLong cursor = new AtomicLong();

    Indexed(String name, Feeder feeder, List<String> columns, int size, Rows rows, FileChannel channel,
        long shuffleSeed) {
      super(name, feeder, columns);
      this.size = size;
      this.rows = rows;
      this.channel = channel;
      this.order = feeder.strategy() == Strategy.SHUFFLE ? permutation(size, shuffleSeed) : null;
    }

    static Indexed ofFile(String name, Feeder feeder, List<String> columns, long shuffleSeed) {
      long[] offsets = new long[1024];
      int n = 0;
      long position = 0;
      try (RowFile file = RowFile.open(feeder)) {
        while (file.next() != null) {
          if (!feeder.holds(position++)) {
            continue;
          }
          if (n == offsets.length) {
            offsets = Arrays.copyOf(offsets, offsets.length * 2);
          }
          offsets[n++] = file.lastOffset();
        }
      } catch (FeederException e) {
        throw new InvalidOptionException("feeder " + name, feeder.file(), e.getMessage());
      } catch (IOException e) {
        throw new InvalidOptionException("feeder " + name, feeder.file(), "could not be read: " + e);
      }
      if (n == 0 && reuses(feeder)) {
        throw new InvalidOptionException("feeder " + name, feeder.file(), "has no rows in this share ("
            + feeder.describe() + ")");
      }
      long[] index = Arrays.copyOf(offsets, n);
      FileChannel channel;
      try {
        channel = FileChannel.open(feeder.file(), StandardOpenOption.READ);
      } catch (IOException e) {
        throw new InvalidOptionException("feeder " + name, feeder.file(), "could not be opened: " + e);
      }
      Rows rows = i -> {
        try {
          return RowFile.readAt(channel, feeder, columns, index[i], feeder.file().getFileName() + " row "
              + (feeder.sharePosition(i) + 1));
        } catch (IOException e) {
          throw new FeederException("feeder \"" + name + "\": could not read " + feeder.file() + ": " + e);
        }
      };
      return new Indexed(name, feeder, columns, n, rows, channel, shuffleSeed);
    }

    private static int[] permutation(int n, long seed) {
      int[] p = new int[n];
      for (int i = 0; i < n; i++) {
        p[i] = i;
      }
      var r = new SplittableRandom(seed);
      for (int i = n - 1; i > 0; i--) {
        int j = r.nextInt(i + 1);
        int t = p[i];
        p[i] = p[j];
        p[j] = t;
      }
      return p;
    }

    @Override
    Row next(RandomGenerator random) {
      return switch (feeder.strategy()) {
        case RANDOM -> rows.get(random.nextInt(size));
        case CIRCULAR -> rows.get((int) (cursor.getAndIncrement() % size));
        case SHUFFLE -> {
          long k = cursor.getAndIncrement();
          yield k < size ? rows.get(order[(int) k]) : null;
        }
        case QUEUE, UNIQUE_PER_USER -> {
          long k = cursor.getAndIncrement();
          yield k < size ? rows.get((int) k) : null;
        }
      };
    }

    @Override
    public void close() {
      if (channel != null) {
        try {
          channel.close();
        } catch (IOException e) {
          // closing
        }
      }
    }
  }

  /** A file read in order, row by row, as rows are drawn. */
  static final class Streamed extends FeederSource {
    private final ReentrantLock lock = new ReentrantLock();
    private RowFile file;
    private long position; // rows read from the file since it was (re)opened
    private boolean exhausted;
    private boolean closed;

    Streamed(String name, Feeder feeder, List<String> columns) {
      super(name, feeder, columns);
    }

    @Override
    Row next(RandomGenerator random) {
      lock.lock();
      try {
        if (exhausted || closed) {
          return null;
        }
        for (int pass = 0; pass < 2; pass++) {
          if (file == null) {
            file = RowFile.open(feeder);
            position = 0;
          }
          Row r;
          while ((r = file.next()) != null && !feeder.holds(position++)) {
            // another generator's share of the rows
          }
          if (r != null) {
            return r;
          }
          file.close();
          file = null;
          if (feeder.strategy() != Strategy.CIRCULAR) {
            exhausted = true;
            return null;
          }
        }
        throw new FeederException("feeder \"" + name + "\": " + feeder.file() + " has no rows any more");
      } catch (IOException e) {
        throw new FeederException("feeder \"" + name + "\": could not read " + feeder.file() + ": " + e);
      } finally {
        lock.unlock();
      }
    }

    @Override
    public void close() {
      lock.lock();
      try {
        closed = true;
        if (file != null) {
          file.close();
          file = null;
        }
      } catch (IOException e) {
        // closing
      } finally {
        lock.unlock();
      }
    }
  }
}
