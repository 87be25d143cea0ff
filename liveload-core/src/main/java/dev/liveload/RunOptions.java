package dev.liveload;

import dev.liveload.data.Feeder;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.http.HttpOptions;
import dev.liveload.internal.metrics.Redactor;
import dev.liveload.internal.threshold.ThresholdNames;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Everything a run needs: who runs what (populations), against which base URL, and how it stops. Build it with
 * {@link #builder()}; {@link Builder#build()} checks every option, so bad input fails before any load starts.
 * Immutable.
 *
 * <pre>{@code
 * RunOptions options = RunOptions.builder()
 *     .scenario(Checkout.class, Load.rampUp(0, 50, ofSeconds(30)).thenHold(ofMinutes(5)))
 *     .scenario(Api.class, Load.constant(20, ofMinutes(5)))
 *     .baseUrl("http://localhost:8080")
 *     .iterationTimeout(ofSeconds(60))
 *     .build();
 * RunResult result = LiveLoad.run(options);
 * }</pre>
 *
 * @since 0.1
 */
public final class RunOptions {
  private final String name;
  private final List<Population> populations;
  private final URI baseUrl;
  private final Duration gracefulStop;
  private final Duration iterationTimeout;
  private final HttpOptions http;
  private final BrowserOptions browser;
  private final long seed;
  private final Path resultFile;
  private final List<Threshold> thresholds;
  private final Progress progress;
  private final List<Throttle> throttles;
  private final Distribution distribution;
  private final Map<String, Feeder> feeders;
  private final Set<String> customMetrics;
  private final Set<String> redactedParameters;
  private final Duration warmUp;

  private RunOptions(Builder b) {
    this.name = b.name;
    this.populations = List.copyOf(b.populations);
    this.baseUrl = b.baseUrl;
    this.gracefulStop = b.gracefulStop;
    this.iterationTimeout = b.iterationTimeout;
    this.http = b.http;
    this.browser = b.browser;
    this.seed = b.seed;
    this.resultFile = b.resultFile;
    this.thresholds = List.copyOf(b.thresholds);
    this.progress = b.progress;
    this.throttles = List.copyOf(b.throttles);
    this.distribution = b.distribution;
    this.feeders = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(b.feeders));
    this.customMetrics = Set.copyOf(b.customMetrics);
    this.redactedParameters = Redactor.of(b.redacted).parameters();
    this.warmUp = b.warmUp;
  }

  /** @return a builder with the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the run's name, never null */
  public String name() {
    return name;
  }

  /** @return the populations, in the order given, never empty */
  public List<Population> populations() {
    return populations;
  }

  /** @return the base URL relative request URLs resolve against, or null */
  public URI baseUrl() {
    return baseUrl;
  }

  /** @return how long in-flight iterations may finish once a population's time is up */
  public Duration gracefulStop() {
    return gracefulStop;
  }

  /** @return the default iteration timeout */
  public Duration iterationTimeout() {
    return iterationTimeout;
  }

  /** @return the HTTP settings */
  public HttpOptions http() {
    return http;
  }

  /**
   * @return the browser settings given with {@link Builder#browser}, or null when none were given (a browser then
   *     launches with {@link BrowserOptions#defaults()} when the first user asks for one)
   */
  public BrowserOptions browser() {
    return browser;
  }

  /** @return the seed of every user's random generator */
  public long seed() {
    return seed;
  }

  /** @return where the result JSON is written at the end (also on interrupt), or null */
  public Path resultFile() {
    return resultFile;
  }

  /** @return the thresholds, in the order given, never null */
  public List<Threshold> thresholds() {
    return thresholds;
  }

  /** @return the named throttles, never null */
  public List<Throttle> throttles() {
    return throttles;
  }

  /** @return the run's feeders by name, shared by every population, in the order given; never null */
  public Map<String, Feeder> feeders() {
    return feeders;
  }

  /**
   * @return the query parameter names whose values never appear in the result, reports or logs: the defaults
   *     ({@code token}, {@code access_token}, {@code api_key}, {@code key}, {@code password}, {@code secret},
   *     {@code signature}) and those added with {@link Builder#redactQueryParameters}; lower case, never null
   */
  public Set<String> redactedParameters() {
    return redactedParameters;
  }

  /** @return the warm-up at the start of the run, left out of the result ({@link Duration#ZERO}: none) */
  public Duration warmUp() {
    return warmUp;
  }

  /** @return metric names declared with {@link Builder#customMetrics}, never null */
  public Set<String> customMetrics() {
    return customMetrics;
  }

  /** @return how the run is distributed, or null to run in this JVM */
  public Distribution distribution() {
    return distribution;
  }

  /**
   * A copy of these options for one part of a distributed run: other populations (each generator's share of the
   * load), other throttles (each generator's share), no distribution.
   *
   * @param parts     the populations this part runs
   * @param throttles this part's throttles
   * @param seed      this part's seed
   * @return the copy
   */
  public RunOptions forPart(List<Population> parts, List<Throttle> throttles, long seed) {
    Builder b = new Builder();
    b.name = name;
    b.populations.addAll(parts);
    b.baseUrl = baseUrl;
    b.gracefulStop = gracefulStop;
    b.iterationTimeout = iterationTimeout;
    b.http = http;
    b.seed = seed;
    b.thresholds.addAll(thresholds);
    b.progress = Progress.none();
    b.throttles.addAll(throttles);
    b.feeders.putAll(feeders);
    b.browser = browser;
    b.customMetrics.addAll(customMetrics);
    b.redacted.addAll(redactedParameters);
    b.warmUp = warmUp;
    return new RunOptions(b);
  }

  /** @return where live progress goes */
  public Progress progress() {
    return progress;
  }

  /** @return the options as plain values, as recorded in the result */
  public Map<String, Object> describe() {
    var m = new LinkedHashMap<String, Object>();
    m.put("name", name);
    var pops = new ArrayList<Map<String, Object>>();
    for (Population p : populations) {
      var pm = new LinkedHashMap<String, Object>();
      if (p.members().size() == 1) {
        pm.put("scenario", p.name());
      } else {
        var mix = new LinkedHashMap<String, Object>();
        p.members().forEach(member -> mix.put(member.name(), member.weight()));
        pm.put("mix", mix);
      }
      pm.put("load", p.load().describe());
      pm.put("maxUsers", p.load().maxUsers());
      pm.put("duration", p.load().duration().toString());
      pm.put("iterationTimeout", Objects.requireNonNullElse(p.iterationTimeout(), iterationTimeout).toString());
      if (p.pacing() != null) {
        pm.put("pacing", p.pacing().toString());
      }
      if (p.drunkenness() > 0) {
        pm.put("drunkenness", p.drunkenness());
      }
      if (p.load() instanceof ClosedLoad) {
        pm.put("failureBackoff", p.failureBackoff() != null ? p.failureBackoff().describe()
            : "browser users " + Population.Backoff.BROWSER_DEFAULT.describe() + ", others none");
      }
      if (!p.feeders().isEmpty()) {
        pm.put("feeders", describe(p.feeders()));
      }
      pops.add(pm);
    }
    m.put("populations", pops);
    m.put("baseUrl", baseUrl == null ? "" : Redactor.DEFAULT.redact(baseUrl.toString()));
    m.put("gracefulStop", gracefulStop.toString());
    if (!warmUp.isZero()) {
      m.put("warmUp", warmUp.toString());
    }
    m.put("seed", seed);
    m.put("http", http.describe());
    if (browser != null) {
      m.put("browser", browser.describe());
    }
    m.put("thresholds", thresholds.stream().map(Threshold::toString).toList());
    m.put("throttles", throttles.stream().map(Throttle::describe).toList());
    if (!feeders.isEmpty()) {
      m.put("feeders", describe(feeders));
    }
    if (distribution != null) {
      m.put("distributed", distribution.describe());
    }
    if (!Redactor.DEFAULT.parameters().containsAll(redactedParameters)) {
      m.put("redactQueryParameters", redactedParameters.stream().sorted().toList());
    }
    return m;
  }

  private static Map<String, Object> describe(Map<String, Feeder> feeders) {
    var m = new LinkedHashMap<String, Object>();
    feeders.forEach((name, f) -> m.put(name, f.describe()));
    return m;
  }

  /**
   * Builds {@link RunOptions}. Not thread-safe.
   *
   * @since 0.1
   */
  public static final class Builder {
    private String name = "liveload";
    private final List<Population> populations = new ArrayList<>();
    private URI baseUrl;
    private Duration gracefulStop = Duration.ofSeconds(30);
    private Duration iterationTimeout = Duration.ofMinutes(2);
    private HttpOptions http = HttpOptions.defaults();
    private BrowserOptions browser;
    private long seed = System.nanoTime();
    private Path resultFile;
    private final List<Threshold> thresholds = new ArrayList<>();
    private Progress progress = Progress.console();
    private final List<Throttle> throttles = new ArrayList<>();
    private Distribution distribution;
    private final Map<String, Feeder> feeders = new LinkedHashMap<>();
    private final Set<String> customMetrics = new HashSet<>();
    private final Set<String> redacted = new HashSet<>();
    private Duration warmUp = Duration.ZERO;

    private Builder() {}

    /**
     * Adds users of a scenario class under a load model.
     *
     * @param scenario the scenario class (a new instance per user)
     * @param load     the load model
     * @return this builder
     */
    public Builder scenario(Class<? extends Scenario> scenario, Load load) {
      return population(Population.of(scenario, load));
    }

    /**
     * Adds users of a lambda scenario under a load model.
     *
     * @param name scenario name
     * @param body the iteration
     * @param load the load model
     * @return this builder
     */
    public Builder scenario(String name, Scenario.Body body, Load load) {
      return population(Population.of(name, body, load));
    }

    /**
     * Adds a population (scenario, load model and its settings).
     *
     * @param population the population
     * @return this builder
     */
    public Builder population(Population population) {
      populations.add(Objects.requireNonNull(population, "population"));
      return this;
    }

    /**
     * @param name the run's name in results and reports, not blank (default {@code liveload})
     * @return this builder
     */
    public Builder name(String name) {
      if (name == null || name.isBlank()) {
        throw new InvalidOptionException("name", name, "must not be blank");
      }
      this.name = name;
      return this;
    }

    /**
     * Sets the URL that relative request URLs resolve against.
     *
     * @param url an absolute {@code http} or {@code https} URL, e.g. {@code http://localhost:8080}
     * @return this builder
     * @throws InvalidOptionException when it is not an absolute http(s) URL
     */
    public Builder baseUrl(String url) {
      this.baseUrl = parseBaseUrl(url);
      return this;
    }

    /**
     * @param grace how long in-flight iterations may finish after a population's time is up, >= 0 (default
     *              30 s); after it they are interrupted and counted as {@code iterations.interrupted}
     * @return this builder
     */
    public Builder gracefulStop(Duration grace) {
      this.gracefulStop = InvalidOptionException.notNegative("gracefulStop", grace);
      return this;
    }

    /**
     * @param timeout default iteration timeout for populations that set none, > 0 (default 2 minutes)
     * @return this builder
     */
    public Builder iterationTimeout(Duration timeout) {
      this.iterationTimeout = InvalidOptionException.positive("iterationTimeout", timeout);
      return this;
    }

    /**
     * @param http HTTP settings (default {@link HttpOptions#defaults()})
     * @return this builder
     */
    public Builder http(HttpOptions http) {
      this.http = Objects.requireNonNull(http, "http");
      return this;
    }

    /**
     * Sets the browser users' options. With them the browser launches before the load starts, so a missing browser
     * fails the run at once ({@link dev.liveload.browser.BrowserUnavailableException} from {@code LiveLoad.run});
     * without them it launches with the defaults when the first user calls {@code user.browser()}.
     *
     * @param browser browser settings, not null
     * @return this builder
     */
    public Builder browser(BrowserOptions browser) {
      this.browser = Objects.requireNonNull(browser, "browser");
      return this;
    }

    /**
     * @param seed seed of every user's random generator (default: from the clock); the same seed makes the same
     *             random choices
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param file where to write the result JSON when the run ends, even when interrupted (default: nowhere)
     * @return this builder
     */
    public Builder resultFile(Path file) {
      this.resultFile = file;
      return this;
    }

    /**
     * Adds thresholds; each expression is parsed now, so a typo fails before any load starts.
     *
     * @param expressions e.g. {@code "p95(http.duration) < 300ms"}, {@code "error_ratio < 1%"}
     * @return this builder
     * @throws InvalidOptionException with the position of the first error
     */
    public Builder threshold(String... expressions) {
      for (String e : expressions) {
        thresholds.add(Threshold.of(e));
      }
      return this;
    }

    /**
     * Leaves the first part of the run out of the result, as Gatling and k6 users do by hand: the load runs as
     * its models say from the start, but what is recorded before the warm-up ends (a request counts when it
     * ends) is in no total, histogram, breakdown, counter, error group or threshold of the result. The time
     * series keeps those intervals, so the cold start stays visible: they are the points that start before
     * {@link dev.liveload.result.RunInfo#measuredFrom()}, and a point ends exactly there. A scenario's
     * {@code durationMillis} (and so its throughput) counts from the end of the warm-up. The warm-up is part of
     * the load models' time: to measure 5 minutes after 30 s of warm-up, make the load 5 minutes 30 s.
     *
     * <pre>{@code
     * .scenario(Api.class, Load.constant(50, ofSeconds(330)))
     * .warmUp(ofSeconds(30))
     * }</pre>
     *
     * @param warmUp >= 0 and shorter than the longest load (default 0: none); not yet for distributed runs
     * @return this builder
     */
    public Builder warmUp(Duration warmUp) {
      this.warmUp = InvalidOptionException.notNegative("warmUp", warmUp);
      return this;
    }

    /**
     * Adds query parameter names whose values are kept out of everything the run records: error messages and
     * their groups in the result (so the HTML report and summaries), the abort reason and log lines. The value of
     * such a parameter in a URL or form text ({@code ?session=abc}), or of such a JSON field
     * ({@code "session": "abc"}), is replaced by {@code REDACTED}. Always redacted, without being named here:
     * {@code token}, {@code access_token}, {@code api_key}, {@code key}, {@code password}, {@code secret},
     * {@code signature}; the values of the {@code Authorization}, {@code Proxy-Authorization}, {@code Cookie}
     * and {@code Set-Cookie} headers; the user info of URLs ({@code http://user:pass@host}); and what browser
     * users type into fields.
     *
     * <pre>{@code
     * .redactQueryParameters("session", "sig")
     * }</pre>
     *
     * @param names parameter names, matched without regard to case; letters, digits and {@code _ - .}
     * @return this builder
     */
    public Builder redactQueryParameters(String... names) {
      for (String n : names) {
        if (n == null || !n.matches("[A-Za-z0-9_.-]+")) {
          throw new InvalidOptionException("redactQueryParameters", n, "must be a parameter name: letters, digits "
              + "and _ - .");
        }
        redacted.add(n.toLowerCase(java.util.Locale.ROOT));
      }
      return this;
    }

    /**
     * Declares metric or counter names that a custom connection records (a {@link
     * dev.liveload.browser.BrowserConnection}'s samples may carry any name), so that thresholds may name them.
     * LiveLoad's own names need no declaration; {@link #build()} rejects a threshold on any other name.
     *
     * @param names metric or counter names, not blank
     * @return this builder
     */
    public Builder customMetrics(String... names) {
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new InvalidOptionException("customMetrics", n, "must not be blank");
        }
        customMetrics.add(n);
      }
      return this;
    }

    /**
     * Adds thresholds (for example with {@link Threshold#abortOnFail()}).
     *
     * @param thresholds the thresholds
     * @return this builder
     */
    public Builder threshold(Threshold... thresholds) {
      for (Threshold t : thresholds) {
        this.thresholds.add(Objects.requireNonNull(t, "threshold"));
      }
      return this;
    }

    /**
     * Adds a feeder that every population's users can read (see {@link Feeder}); a {@code queue} hands each row
     * out once in the whole run. Its file is checked by {@link #build()}.
     *
     * <pre>{@code
     * .feeder("accounts", Feeder.csv(Path.of("accounts.csv")).uniquePerUser())
     * }</pre>
     *
     * @param name   the feeder's name: letters, digits, {@code _ - .}; distinct among the run's and the
     *               populations' feeders
     * @param feeder the feeder
     * @return this builder
     */
    public Builder feeder(String name, Feeder feeder) {
      Population.checkFeederName(name);
      if (feeders.containsKey(name)) {
        throw new InvalidOptionException("feeder", name, "each feeder needs a distinct name");
      }
      feeders.put(name, java.util.Objects.requireNonNull(feeder, "feeder"));
      return this;
    }

    /**
     * Runs the test across several generators (see {@link Distribution}).
     *
     * @param distribution e.g. {@code Cluster.named("load").members(...).workers(3)}
     * @return this builder
     */
    public Builder distributed(Distribution distribution) {
      this.distribution = Objects.requireNonNull(distribution, "distribution");
      return this;
    }

    /**
     * Adds named throttles that users pass with {@link User#throttle(String)}.
     *
     * @param throttles the throttles, with distinct names
     * @return this builder
     */
    public Builder throttle(Throttle... throttles) {
      for (Throttle t : throttles) {
        Objects.requireNonNull(t, "throttle");
        if (this.throttles.stream().anyMatch(x -> x.name().equals(t.name()))) {
          throw new InvalidOptionException("throttle.name", t.name(), "each throttle needs a distinct name");
        }
        this.throttles.add(t);
      }
      return this;
    }

    /**
     * @param progress where live progress and the end-of-test summary go (default {@link Progress#console()})
     * @return this builder
     */
    public Builder progress(Progress progress) {
      this.progress = Objects.requireNonNull(progress, "progress");
      return this;
    }

    /**
     * Checks the options and builds them.
     *
     * @return the options
     * @throws InvalidOptionException naming the first bad option
     */
    public RunOptions build() {
      if (populations.isEmpty()) {
        throw new InvalidOptionException("scenarios", "none",
            "add at least one, e.g. .scenario(MyScenario.class, Load.constant(10, ofSeconds(30)))");
      }
      var names = new HashSet<String>();
      for (Population p : populations) {
        if (p.members().isEmpty()) {
          throw new InvalidOptionException("mix", "empty", "add at least one scenario with .with(Scenario.class, weight)");
        }
        if (p.pacing() != null && p.load() instanceof OpenLoad) {
          throw new InvalidOptionException("pacing", p.pacing(), "only applies to closed models; an open model's "
              + "arrival rate paces its iterations");
        }
        if (p.failureBackoff() != null && !p.failureBackoff().first().isZero() && p.load() instanceof OpenLoad) {
          throw new InvalidOptionException("failureBackoff", p.failureBackoff().describe(), "only applies to closed "
              + "models; an open model starts iterations at its arrival rate, failed or not");
        }
        for (Population.Member m : p.members()) {
          if (!names.add(m.name())) {
            throw new InvalidOptionException("scenario", m.name(),
                "each scenario needs a distinct name; rename one with Population.named(...)");
          }
        }
      }
      checkFeeders();
      for (Threshold t : thresholds) {
        ThresholdNames.check(t.parsed(), names, customMetrics);
      }
      if (!warmUp.isZero()) {
        Duration longest = populations.stream().map(p -> p.load().duration()).max(Duration::compareTo).orElseThrow();
        if (warmUp.compareTo(longest) >= 0) {
          throw new InvalidOptionException("warmUp", warmUp, "must be shorter than the run, or nothing is "
              + "measured: the longest load lasts " + longest);
        }
        if (distribution != null) {
          throw new InvalidOptionException("warmUp", warmUp, "is not supported in distributed runs yet; leave it "
              + "out and start the measured load after a ramp-up");
        }
      }
      RunOptions options = new RunOptions(this);
      if (distribution != null) {
        distribution.validate(options);
      }
      return options;
    }

    /** Population feeders do not reuse a run feeder's name; every file is present, with a header and a row. */
    private void checkFeeders() {
      feeders.forEach((name, f) -> f.columns(name));
      for (Population p : populations) {
        p.feeders().forEach((name, f) -> {
          if (feeders.containsKey(name)) {
            throw new InvalidOptionException("feeder", name, "population " + p.name() + " has a feeder with the "
                + "name of one of the run's feeders; rename one");
          }
          f.columns(name);
        });
      }
    }

    static URI parseBaseUrl(String url) {
      String allowed = "must be an absolute http or https URL, e.g. http://localhost:8080";
      if (url == null || url.isBlank()) {
        throw new InvalidOptionException("baseUrl", url, allowed);
      }
      try {
        URI uri = new URI(url.trim());
        String scheme = uri.getScheme();
        if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
            || uri.getHost() == null) {
          throw new InvalidOptionException("baseUrl", url, allowed);
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
          throw new InvalidOptionException("baseUrl", url, "must not have a query or fragment");
        }
        if (uri.getPort() != -1 && (uri.getPort() < 1 || uri.getPort() > 65535)) {
          throw new InvalidOptionException("baseUrl", url, "the port " + uri.getPort() + " is out of range: "
              + "ports are 1 to 65535");
        }
        return uri;
      } catch (URISyntaxException e) {
        throw new InvalidOptionException("baseUrl", url, allowed + " (" + e.getReason() + ")");
      }
    }
  }
}
