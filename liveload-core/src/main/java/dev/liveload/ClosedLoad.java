package dev.liveload;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A closed workload model: a target number of concurrent users over time, as a start level and stages, each a
 * linear change to a number of users over a duration (a stage of zero duration is a jump). Immutable; every
 * {@code then...} method returns a new model.
 *
 * <pre>{@code
 * ClosedLoad load = Load.rampUp(0, 50, ofSeconds(30)).thenHold(ofMinutes(5)).thenRampDown(ofSeconds(20));
 * load.usersAt(ofSeconds(15));   // 25.0
 * }</pre>
 *
 * @since 0.1
 */
public final class ClosedLoad implements Load {

  /**
   * A linear change to {@code users} over {@code duration}; a zero duration is a jump.
   *
   * @param users    target users at the end of the stage, >= 0
   * @param duration how long the stage lasts, >= 0
   */
  public record Stage(int users, Duration duration) {}

  private final int startUsers;
  private final List<Stage> stages;
  private final int iterationsPerUser;
  private final Duration maxDuration;
  private final String label;

  ClosedLoad(int startUsers, List<Stage> stages, int iterationsPerUser, Duration maxDuration, String label) {
    this(startUsers, stages, iterationsPerUser, maxDuration, label, false);
  }

  private ClosedLoad(int startUsers, List<Stage> stages, int iterationsPerUser, Duration maxDuration, String label,
      boolean part) {
    this.startUsers = startUsers;
    this.stages = List.copyOf(stages);
    this.iterationsPerUser = iterationsPerUser;
    this.maxDuration = maxDuration;
    this.label = label;
    if (!part && maxUsers() < 1) {
      throw new InvalidOptionException("load.users", 0, "a model must reach at least 1 user");
    }
  }

  /**
   * A closed model from its data, as {@link #startUsers()}, {@link #stages()}, {@link #iterationsPerUser()} list it
   * (for example to rebuild a model sent to another machine).
   *
   * @param startUsers        users at the start, >= 0
   * @param stages            the stages, at least one; durations >= 0, users >= 0
   * @param iterationsPerUser iterations per user, or 0 for a time-based model
   * @param maxDuration       a cap on the model's length, or null
   * @return the model; unlike the factories in {@link Load}, it may have no users at all (a generator's empty
   *     share of a split model)
   */
  public static ClosedLoad of(int startUsers, List<Stage> stages, int iterationsPerUser, Duration maxDuration) {
    InvalidOptionException.atLeast("load.startUsers", startUsers, 0);
    if (stages == null || stages.isEmpty()) {
      throw new InvalidOptionException("load.stages", stages, "needs at least one stage");
    }
    for (Stage s : stages) {
      InvalidOptionException.atLeast("load.users", s.users(), 0);
      InvalidOptionException.notNegative("load.duration", s.duration());
    }
    InvalidOptionException.atLeast("load.iterationsPerUser", iterationsPerUser, 0);
    return new ClosedLoad(startUsers, stages, iterationsPerUser, maxDuration, null, true);
  }

  /** @return the cap on the model's length, or null */
  public Duration maxDurationCap() {
    return maxDuration;
  }

  /** Apportions users at every level by largest remainder, so the parts add up to this model at every level. */
  java.util.List<ClosedLoad> splitClosed(double[] weights) {
    int n = weights.length;
    int[] starts = apportion(startUsers, weights);
    var parts = new java.util.ArrayList<java.util.List<Stage>>();
    for (int i = 0; i < n; i++) {
      parts.add(new ArrayList<>());
    }
    for (Stage s : stages) {
      int[] users = apportion(s.users(), weights);
      for (int i = 0; i < n; i++) {
        parts.get(i).add(new Stage(users[i], s.duration()));
      }
    }
    var out = new java.util.ArrayList<ClosedLoad>();
    for (int i = 0; i < n; i++) {
      String partLabel = label == null ? null : label + " (part " + (i + 1) + " of " + n + ")";
      out.add(new ClosedLoad(starts[i], parts.get(i), iterationsPerUser, maxDuration, partLabel, true));
    }
    return out;
  }

  /** Largest-remainder apportionment of {@code total} by {@code weights}. */
  static int[] apportion(int total, double[] weights) {
    double sum = java.util.Arrays.stream(weights).sum();
    int[] out = new int[weights.length];
    double[] remainder = new double[weights.length];
    int given = 0;
    for (int i = 0; i < weights.length; i++) {
      double exact = total * weights[i] / sum;
      out[i] = (int) Math.floor(exact);
      remainder[i] = exact - out[i];
      given += out[i];
    }
    for (int k = given; k < total; k++) {
      int best = 0;
      for (int i = 1; i < weights.length; i++) {
        if (remainder[i] > remainder[best]) {
          best = i;
        }
      }
      out[best]++;
      remainder[best] = -1;
    }
    return out;
  }

  static ClosedLoad concat(List<ClosedLoad> parts) {
    var stages = new ArrayList<Stage>();
    int level = parts.get(0).startUsers;
    for (ClosedLoad part : parts) {
      if (part.iterationsPerUser > 0 || part.maxDuration != null) {
        throw new InvalidOptionException("load.stages", part.describe(),
            "iteration-count and capped models cannot be staged");
      }
      if (part.startUsers != level) {
        stages.add(new Stage(part.startUsers, Duration.ZERO));
      }
      stages.addAll(part.stages);
      level = part.endUsers();
    }
    return new ClosedLoad(parts.get(0).startUsers, stages, 0, null, null);
  }

  /**
   * Holds the current number of users.
   *
   * @param duration how long, > 0
   * @return the extended model
   */
  public ClosedLoad thenHold(Duration duration) {
    return then(endUsers(), InvalidOptionException.positive("load.hold", duration));
  }

  /**
   * Ramps linearly to a new number of users.
   *
   * @param users    target users, >= 0
   * @param duration ramp time, > 0
   * @return the extended model
   */
  public ClosedLoad thenRampTo(int users, Duration duration) {
    InvalidOptionException.atLeast("load.users", users, 0);
    return then(users, InvalidOptionException.positive("load.duration", duration));
  }

  /**
   * Ramps linearly down to zero users.
   *
   * @param duration ramp time, > 0
   * @return the extended model
   */
  public ClosedLoad thenRampDown(Duration duration) {
    return then(0, InvalidOptionException.positive("load.rampDown", duration));
  }

  /**
   * Jumps to a new number of users at once.
   *
   * @param users target users, >= 0
   * @return the extended model; continue with {@link #thenHold(Duration)}
   */
  public ClosedLoad thenJumpTo(int users) {
    InvalidOptionException.atLeast("load.users", users, 0);
    return then(users, Duration.ZERO);
  }

  /**
   * Caps the run time of an iteration-count model ({@link Load#iterations(int, int)}), or of any closed model.
   *
   * @param max the longest the model may run, > 0
   * @return the capped model
   */
  public ClosedLoad maxDuration(Duration max) {
    InvalidOptionException.positive("load.maxDuration", max);
    if (iterationsPerUser > 0) {
      return new ClosedLoad(startUsers, List.of(new Stage(startUsers, max)), iterationsPerUser, null, null);
    }
    return new ClosedLoad(startUsers, stages, 0, max, label);
  }

  private ClosedLoad then(int users, Duration duration) {
    if (iterationsPerUser > 0) {
      throw new InvalidOptionException("load", describe(), "an iteration-count model cannot have stages");
    }
    var next = new ArrayList<>(stages);
    next.add(new Stage(users, duration));
    return new ClosedLoad(startUsers, next, 0, maxDuration, null);
  }

  private int endUsers() {
    return stages.isEmpty() ? startUsers : stages.get(stages.size() - 1).users();
  }

  /**
   * The target number of users at a point of the run (fractional during ramps).
   *
   * @param elapsed time since the start of the model
   * @return target users; 0 after the end
   */
  public double usersAt(Duration elapsed) {
    return usersAtNanos(elapsed.toNanos());
  }

  /**
   * {@link #usersAt(Duration)} in nanoseconds, for the scheduler.
   *
   * @param elapsedNanos time since the start of the model
   * @return target users; 0 after the end
   */
  public double usersAtNanos(long elapsedNanos) {
    if (elapsedNanos < 0 || elapsedNanos >= duration().toNanos()) {
      return 0;
    }
    double level = startUsers;
    long t = elapsedNanos;
    for (Stage s : stages) {
      long d = s.duration().toNanos();
      if (t < d) {
        return level + (s.users() - level) * (t / (double) d);
      }
      t -= d;
      level = s.users();
    }
    return level;
  }

  @Override
  public String phaseAt(Duration elapsed) {
    long t = elapsed.toNanos();
    if (t < 0 || t >= duration().toNanos()) {
      return "done";
    }
    if (iterationsPerUser > 0) {
      return startUsers + " users × " + iterationsPerUser + " iterations";
    }
    int level = startUsers;
    for (Stage s : stages) {
      long d = s.duration().toNanos();
      if (t < d) {
        return s.users() == level ? "hold " + level + " users" : "ramp " + level + "→" + s.users() + " users";
      }
      t -= d;
      level = s.users();
    }
    return "hold " + level + " users";
  }

  /** @return iterations each user runs, or 0 when the model is time-based */
  public int iterationsPerUser() {
    return iterationsPerUser;
  }

  /** @return users at the start of the model */
  public int startUsers() {
    return startUsers;
  }

  /** @return the stages, in order, never null */
  public List<Stage> stages() {
    return stages;
  }

  @Override
  public Duration duration() {
    Duration total = stages.stream().map(Stage::duration).reduce(Duration.ZERO, Duration::plus);
    return maxDuration != null && maxDuration.compareTo(total) < 0 ? maxDuration : total;
  }

  @Override
  public int maxUsers() {
    return Math.max(startUsers, stages.stream().mapToInt(Stage::users).max().orElse(0));
  }

  @Override
  public String describe() {
    if (iterationsPerUser > 0) {
      return startUsers + " users × " + iterationsPerUser + " iterations (max " + format(duration()) + ")";
    }
    if (label != null) {
      return label + (maxDuration != null ? " (max " + format(maxDuration) + ")" : "");
    }
    var sb = new StringBuilder();
    int level = startUsers;
    for (Stage s : stages) {
      if (!sb.isEmpty()) {
        sb.append(", ");
      }
      if (s.duration().isZero()) {
        sb.append("jump to ").append(s.users()).append(" users");
      } else if (s.users() == level) {
        sb.append(sb.isEmpty() ? level + " users for " : "hold ").append(format(s.duration()));
      } else {
        sb.append("ramp ").append(level).append("→").append(s.users()).append(" users over ")
            .append(format(s.duration()));
      }
      level = s.users();
    }
    if (maxDuration != null) {
      sb.append(" (max ").append(format(maxDuration)).append(')');
    }
    return sb.toString();
  }

  @Override
  public String toString() {
    return describe();
  }

  static String format(Duration d) {
    long ms = d.toMillis();
    if (ms != 0 && ms % 3_600_000 == 0) {
      return ms / 3_600_000 + "h";
    }
    if (ms != 0 && ms % 60_000 == 0) {
      return ms / 60_000 + "m";
    }
    if (ms % 1000 == 0) {
      return ms / 1000 + "s";
    }
    return ms + "ms";
  }
}
