package dev.liveload.internal.engine;

import dev.liveload.data.Feeder;
import dev.liveload.internal.data.FeederException;
import dev.liveload.internal.data.RunFeeders;
import dev.liveload.internal.data.Templates;
import dev.liveload.internal.data.UserFeeds;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * A user's test data: its feeder rows, template expansion over its variables and rows, and what a feeder problem
 * means for the run. Used by the user's own thread only.
 */
final class UserData {
  private final VirtualUser user;
  private final RunFeeders.View view;
  private final long seed;
  private final Templates.Scope scope = new Scope();
  private UserFeeds feeds;

  /**
   * @param user the user
   * @param view the feeders its population sees
   * @param seed seed of its generator for {@code random} feeders (apart from {@code user.random()}, so that
   *             drawing rows does not change its other random choices)
   */
  UserData(VirtualUser user, RunFeeders.View view, long seed) {
    this.user = user;
    this.view = view;
    this.seed = seed;
  }

  String feed(String column) {
    try {
      return feeds().column(column);
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  Map<String, String> feed() {
    try {
      return feeds().only();
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  Map<String, String> feedRow(String feeder) {
    try {
      return feeds().row(feeder);
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  Map<String, String> feedNext(String feeder) {
    try {
      return feeds().next(feeder);
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  private UserFeeds feeds() {
    if (feeds == null) {
      var f = new UserFeeds(view, new SplittableRandom(seed));
      user.attach(f);
      feeds = f;
    }
    return feeds;
  }

  /** Expands placeholders; a bad template fails the iteration with kind {@code template}. */
  String render(String text, boolean json) {
    if (!Templates.has(text)) {
      return text;
    }
    try {
      return Templates.render(text, scope, json);
    } catch (Templates.TemplateException e) {
      String shown = text.length() > 120 ? text.substring(0, 120) + "…" : text;
      throw user.fail("template", "template \"" + shown + "\": " + e.getMessage(), null, null, null);
    } catch (RuntimeException e) {
      throw failure(e);
    }
  }

  /**
   * What a feeder problem means: a feeder that ran out ends the population (the iteration fails with kind
   * {@code feeder}, or is counted interrupted under {@code STOP}); a malformed row fails the iteration; an unknown
   * feeder or column is a scenario bug that aborts the run.
   */
  private RuntimeException failure(RuntimeException e) {
    if (e instanceof UserFeeds.Exhausted x) {
      user.runner().endEarly(x.getMessage());
      if (x.feeder().whenExhausted() == Feeder.WhenExhausted.STOP) {
        return user.interruptedByData();
      }
      return user.fail("feeder", x.getMessage(), null, null, null);
    }
    if (e instanceof UserFeeds.Misuse) {
      return user.usageError(e.getMessage());
    }
    if (e instanceof FeederException) {
      return user.fail("feeder", e.getMessage(), null, null, null);
    }
    return e;
  }

  /** Names in templates: user variables first, then feeder columns (drawing the row if needed). */
  private final class Scope implements Templates.Scope {
    @Override
    public String value(String name) {
      Object v = user.variables().get(name);
      if (v != null) {
        return v.toString();
      }
      return view.isEmpty() ? null : feeds().lookup(name);
    }

    @Override
    public String known() {
      Map<String, Object> vars = user.variables();
      String variables = vars.isEmpty() ? "no user variables"
          : "user variables: " + String.join(", ", new TreeSet<>(vars.keySet()));
      return variables + "; " + (view.isEmpty() ? "no feeders" : feeds().known());
    }

    @Override
    public RandomGenerator random() {
      return user.random();
    }
  }
}
