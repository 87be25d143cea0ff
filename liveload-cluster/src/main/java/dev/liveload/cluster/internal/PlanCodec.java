package dev.liveload.cluster.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.liveload.ClosedLoad;
import dev.liveload.InvalidOptionException;
import dev.liveload.Load;
import dev.liveload.OpenLoad;
import dev.liveload.Population;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.Throttle;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.data.Feeder;
import dev.liveload.http.HttpOptions;
import dev.liveload.internal.json.ResultJson;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Plans to and from JSON, and to and from run options. */
public final class PlanCodec {
  private PlanCodec() {}

  public static String toJson(Object value) {
    try {
      return new String(ResultJson.compactBytes(value), java.nio.charset.StandardCharsets.UTF_8);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("could not encode " + value.getClass().getSimpleName() + ": " + e, e);
    }
  }

  public static <T> T fromJson(String json, Class<T> type) {
    try {
      return ResultJson.mapper().readValue(json, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("could not decode " + type.getSimpleName() + ": " + e.getOriginalMessage(),
          e);
    }
  }

  // ---- controller side -------------------------------------------------------------------------------------

  public static Plan.PopulationPart part(Population p, Load share, int[] rowShare) {
    var members = p.members().stream().map(m -> new Plan.Member(m.type().getName(), m.name(), m.weight())).toList();
    Population.Backoff backoff = p.failureBackoff();
    return new Plan.PopulationPart(members, load(share),
        p.iterationTimeout() == null ? null : p.iterationTimeout().toMillis(),
        p.pacing() == null ? null : p.pacing().toMillis(), p.drunkenness(), feeders(p.feeders(), rowShare),
        backoff == null ? null : backoff.first().toMillis(), backoff == null ? null : backoff.max().toMillis());
  }

  /**
   * Feeders with one worker's share of their rows.
   *
   * @param feeders  by name
   * @param rowShare {from, to, cycle}: the worker's positions in each cycle of rows
   */
  public static Map<String, Plan.FeederPart> feeders(Map<String, Feeder> feeders, int[] rowShare) {
    var out = new LinkedHashMap<String, Plan.FeederPart>();
    feeders.forEach((name, f) -> out.put(name, new Plan.FeederPart(f.format().name(),
        f.file() == null ? null : f.file().toString(), String.valueOf(f.separator()), f.rows(),
        f.strategy().name(), f.whenExhausted().name(), rowShare[0], rowShare[1], rowShare[2])));
    return out;
  }

  /**
   * Each worker's share of every feeder's rows, in proportion to its capacity: a cycle of rows split into
   * consecutive blocks (equal workers get one row each per cycle).
   *
   * @return per worker {from, to, cycle}
   */
  public static int[][] rowShares(double[] capacities) {
    long[] w = new long[capacities.length];
    long gcd = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.max(1, Math.round(capacities[i] * 10));
      gcd = java.math.BigInteger.valueOf(gcd).gcd(java.math.BigInteger.valueOf(w[i])).longValue();
    }
    long cycle = 0;
    for (int i = 0; i < w.length; i++) {
      w[i] /= gcd;
      cycle += w[i];
    }
    int[][] out = new int[w.length][];
    long from = 0;
    for (int i = 0; i < w.length; i++) {
      out[i] = new int[] {(int) from, (int) (from + w[i]), (int) cycle};
      from += w[i];
    }
    return out;
  }

  static Plan.LoadPart load(Load load) {
    return switch (load) {
      case ClosedLoad c -> new Plan.LoadPart("closed", c.startUsers(),
          c.stages().stream().map(s -> new Plan.Stage(s.users(), s.duration().toMillis())).toList(),
          c.iterationsPerUser(), c.maxDurationCap() == null ? null : c.maxDurationCap().toMillis(), 0, false);
      case OpenLoad o -> new Plan.LoadPart("open", o.startRatePerSecond(),
          o.stages().stream().map(s -> new Plan.Stage(s.ratePerSecond(), s.duration().toMillis())).toList(),
          0, null, o.maxUsers(), o.queuesWhenBusy());
    };
  }

  public static Plan.ThrottlePart throttle(Throttle t) {
    return new Plan.ThrottlePart(t.name(), t.kind().name(), t.limit(), t.per() == null ? null : t.per().toMillis(),
        Double.isNaN(t.rampTarget()) ? null : t.rampTarget(), t.rampOver() == null ? null : t.rampOver().toMillis());
  }

  public static Plan.Http http(HttpOptions h) {
    return new Plan.Http(h.connectTimeout().toMillis(), h.responseTimeout().toMillis(), h.followRedirects(),
        h.maxRedirects(), h.trustAllCertificates(), h.decompress(), h.userAgent(), h.headers());
  }

  public static Plan.Browser browser(BrowserOptions b) {
    if (b == null) {
      return null;
    }
    return new Plan.Browser(b.connection(), b.executable() == null ? null : b.executable().toString(), b.headless(),
        b.actionTimeout().toMillis(), b.navigationTimeout().toMillis(), b.launchTimeout().toMillis(),
        b.viewportWidth(), b.viewportHeight(), b.args(), b.failureScreenshots(), b.screenshotDirectory().toString(),
        b.ignoreHttpsErrors(), b.userAgent());
  }

  // ---- worker side -----------------------------------------------------------------------------------------

  /** Rebuilds run options from a plan; scenario classes are loaded here (a missing one fails clearly). */
  public static RunOptions options(Plan plan, ClassLoader loader) {
    var b = RunOptions.builder().name(plan.name()).seed(plan.seed())
        .gracefulStop(Duration.ofMillis(plan.gracefulStopMillis()))
        .iterationTimeout(Duration.ofMillis(plan.iterationTimeoutMillis()))
        .http(http(plan.http()))
        .progress(dev.liveload.Progress.none());
    if (plan.baseUrl() != null) {
      b.baseUrl(plan.baseUrl());
    }
    if (plan.browser() != null) {
      b.browser(browser(plan.browser()));
    }
    if (plan.feeders() != null) {
      plan.feeders().forEach((name, f) -> b.feeder(name, feeder(f)));
    }
    if (plan.redact() != null) {
      b.redactQueryParameters(plan.redact().toArray(String[]::new)); // workers record the errors
    }
    for (Plan.PopulationPart part : plan.populations()) {
      Load load = load(part.load());
      Population population;
      if (part.members().size() == 1) {
        Plan.Member m = part.members().get(0);
        population = Population.of(scenarioClass(m.className(), loader), load);
        if (!population.name().equals(m.name())) {
          population = population.named(m.name());
        }
      } else {
        population = Population.mix(load);
        for (Plan.Member m : part.members()) {
          population = population.with(scenarioClass(m.className(), loader), m.weight());
        }
      }
      if (part.iterationTimeoutMillis() != null) {
        population = population.iterationTimeout(Duration.ofMillis(part.iterationTimeoutMillis()));
      }
      if (part.pacingMillis() != null) {
        population = population.pacing(Duration.ofMillis(part.pacingMillis()));
      }
      if (part.drunkenness() > 0) {
        population = population.drunkenness(part.drunkenness());
      }
      if (part.backoffFirstMillis() != null && part.backoffMaxMillis() != null) {
        population = part.backoffFirstMillis() == 0 ? population.noFailureBackoff()
            : population.failureBackoff(Duration.ofMillis(part.backoffFirstMillis()),
                Duration.ofMillis(part.backoffMaxMillis()));
      }
      if (part.feeders() != null) {
        for (var f : part.feeders().entrySet()) {
          population = population.feeder(f.getKey(), feeder(f.getValue()));
        }
      }
      b.population(population);
    }
    for (Plan.ThrottlePart t : plan.throttles()) {
      b.throttle(throttle(t));
    }
    return b.build();
  }

  static Load load(Plan.LoadPart l) {
    if (l.kind().equals("closed")) {
      var stages = new ArrayList<ClosedLoad.Stage>();
      l.stages().forEach(s -> stages.add(new ClosedLoad.Stage((int) s.level(), Duration.ofMillis(s.millis()))));
      return ClosedLoad.of((int) l.start(), stages, l.iterationsPerUser(),
          l.maxDurationMillis() == null ? null : Duration.ofMillis(l.maxDurationMillis()));
    }
    List<OpenLoad.Stage> stages = l.stages().stream()
        .map(s -> new OpenLoad.Stage(s.level(), Duration.ofMillis(s.millis()))).toList();
    return OpenLoad.of(l.start(), stages, l.maxUsers(), l.queueWhenBusy());
  }

  static Throttle throttle(Plan.ThrottlePart t) {
    Throttle throttle = switch (Throttle.Kind.valueOf(t.kind())) {
      case RATE -> Throttle.rate(t.name(), t.limit(), Duration.ofMillis(t.perMillis()));
      case GAP -> Throttle.gap(t.name(), Duration.ofNanos((long) (t.limit() * 1_000_000)));
      case PARALLELISM -> Throttle.parallelism(t.name(), (int) t.limit());
    };
    return t.rampTo() == null ? throttle : throttle.rampingTo(t.rampTo(), Duration.ofMillis(t.rampOverMillis()));
  }

  static Feeder feeder(Plan.FeederPart p) {
    Feeder f = switch (Feeder.Format.valueOf(p.format())) {
      case CSV -> Feeder.csv(Path.of(p.file())).separator(p.separator().charAt(0));
      case JSON -> Feeder.json(Path.of(p.file()));
      case MEMORY -> Feeder.of(p.rows());
    };
    f = switch (Feeder.Strategy.valueOf(p.strategy())) {
      case QUEUE -> f.queue();
      case CIRCULAR -> f.circular();
      case RANDOM -> f.random();
      case SHUFFLE -> f.shuffle();
      case UNIQUE_PER_USER -> f.uniquePerUser();
    };
    f = f.whenExhausted(Feeder.WhenExhausted.valueOf(p.whenExhausted()));
    return p.shareCycle() > 1 ? f.share(p.shareFrom(), p.shareTo(), p.shareCycle()) : f;
  }

  static BrowserOptions browser(Plan.Browser p) {
    BrowserOptions o = BrowserOptions.defaults().headless(p.headless())
        .actionTimeout(Duration.ofMillis(p.actionTimeoutMillis()))
        .navigationTimeout(Duration.ofMillis(p.navigationTimeoutMillis()))
        .launchTimeout(Duration.ofMillis(p.launchTimeoutMillis())).viewport(p.viewportWidth(), p.viewportHeight())
        .args(p.args().toArray(String[]::new)).failureScreenshots(p.failureScreenshots())
        .screenshotDirectory(Path.of(p.screenshotDirectory())).ignoreHttpsErrors(p.ignoreHttpsErrors());
    if (p.connection() != null) {
      o = o.connection(p.connection());
    }
    if (p.executable() != null) {
      o = o.executable(Path.of(p.executable()));
    }
    if (p.userAgent() != null) {
      o = o.userAgent(p.userAgent());
    }
    return o;
  }

  static HttpOptions http(Plan.Http h) {
    HttpOptions o = HttpOptions.defaults().connectTimeout(Duration.ofMillis(h.connectTimeoutMillis()))
        .responseTimeout(Duration.ofMillis(h.responseTimeoutMillis())).followRedirects(h.followRedirects())
        .maxRedirects(h.maxRedirects()).trustAllCertificates(h.trustAllCertificates()).decompress(h.decompress())
        .userAgent(h.userAgent());
    for (var e : h.headers().entrySet()) {
      o = o.header(e.getKey(), e.getValue());
    }
    return o;
  }

  @SuppressWarnings("unchecked")
  static Class<? extends Scenario> scenarioClass(String name, ClassLoader loader) {
    try {
      Class<?> c = Class.forName(name, false, loader);
      if (!Scenario.class.isAssignableFrom(c)) {
        throw new InvalidOptionException("scenario", name, "is not a dev.liveload.Scenario");
      }
      return (Class<? extends Scenario>) c;
    } catch (ClassNotFoundException e) {
      throw new InvalidOptionException("scenario", name, "is not on this worker's class path; start the worker "
          + "with the jar that holds the scenarios");
    }
  }
}
