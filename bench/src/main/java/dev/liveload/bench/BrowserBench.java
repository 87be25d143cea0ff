package dev.liveload.bench;

import dev.liveload.LiveLoad;
import dev.liveload.Load;
import dev.liveload.Population;
import dev.liveload.Progress;
import dev.liveload.RunOptions;
import dev.liveload.Scenario;
import dev.liveload.User;
import dev.liveload.browser.BrowserOptions;
import dev.liveload.browser.Loading;
import dev.liveload.result.Histogram;
import dev.liveload.result.Point;
import dev.liveload.result.RunResult;
import org.HdrHistogram.Recorder;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Browser users per core: for 1, 10, 20, 40, 80 and 100 concurrent users looping a LiveView click-and-wait journey
 * (click, wait for {@code phx-click-loading} to clear, think 1 s) against the LiveView target in its own JVM (the
 * real Phoenix JavaScript clients; the click handler takes 50 ms on the server), prints per level: actions/s
 * achieved vs intended, p50/p99 of the loading span and of the step (both on the page's clock), the step against
 * its two actions timed in the page, against what the user's thread saw of it and against the hand-over LiveLoad
 * leaves out ({@code browser.queue}), generator PSS (this JVM + Playwright's driver + the browser) and CPU per user,
 * and the generator's saturation warnings. Each level is followed by its yardstick,
 * measured in the same run ({@link BarePage}): the same page clicking by itself with no load tool in the loop, so
 * that what the page and the machine cost is told apart from what LiveLoad adds. Not a test: it prints figures.
 *
 * <pre>
 * bench/run-browser.sh                          # builds, then runs this
 * java -cp ... dev.liveload.bench.BrowserBench [--levels 1,10,20,40,80,100] [--hold 40] [--warm 10] [--delay 50]
 *     [--no-reference]
 * </pre>
 */
public final class BrowserBench {
  private static final Duration THINK = Duration.ofSeconds(1);
  /** A small viewport: less to paint per user (DESIGN: the GPU process went from 194 to 72 MB at 40 users). */
  static final BrowserOptions BROWSER = BrowserOptions.defaults().viewport(400, 300)
      .actionTimeout(Duration.ofSeconds(10)).failureScreenshots(0);

  private BrowserBench() {}

  /**
   * What the user's thread saw of each step, timed around the {@code step(...)} call: how LiveLoad timed steps
   * before they were timed by the page's clock (the hand-over to the browser thread and back included).
   */
  static final Recorder USER_THREAD = new Recorder(3);
  /** The measured window (epoch ms): steps that start in it are named {@code click}, the others {@code ramp}. */
  static volatile long windowFrom;
  static volatile long windowTo;

  /** The journey: one LiveView click and its round trip, then a person's pause. */
  public static final class ClickAndWait extends Scenario {
    @Override
    public void beforeUser(User user) {
      user.browser().navigate("/").waitForLiveView();
    }

    @Override
    public void run(User user) {
      var b = user.browser();
      long now = System.currentTimeMillis();
      boolean measured = now >= windowFrom && now < windowTo;
      long t0 = System.nanoTime();
      b.step(measured ? "click" : "ramp", x -> x.click("#inc").waitForLoading(Loading.CLICK, "#inc"));
      if (measured) {
        USER_THREAD.recordValue(Math.max(0, (System.nanoTime() - t0) / 1000));
      }
      b.think(THINK);
    }
  }

  /**
   * The measured window's figures of the step against what it is made of: the step's own timing (the page's clock),
   * its two actions timed in the page, the user thread's view of it, and the hand-over LiveLoad leaves out.
   */
  record Parts(Histogram step, Histogram click, Histogram loading, Histogram queue, double userP50, double userP99) {}

  record Level(int users, double intended, double achieved, Histogram page, Histogram step, double pssMb,
      double cpuPercent, long failed, int processes, String cpuByProgram, double chromiumPercent,
      BarePage.Figures bare, Parts parts, java.util.List<String> warnings) {}

  public static void main(String[] args) throws Exception {
    List<Integer> levels = List.of(1, 10, 20, 40, 80, 100);
    int hold = 40;
    int warm = 10;
    long delay = 50;
    boolean reference = true;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--no-reference" -> reference = false;
        case "--levels" -> levels = Arrays.stream(args[++i].split(",")).map(Integer::parseInt).toList();
        case "--hold" -> hold = Integer.parseInt(args[++i]);
        case "--warm" -> warm = Integer.parseInt(args[++i]);
        case "--delay" -> delay = Long.parseLong(args[++i]);
        default -> throw new IllegalArgumentException("unknown argument " + args[i]
            + "; usage: BrowserBench [--levels 1,10,...] [--hold seconds] [--warm seconds] [--delay ms]"
            + " [--no-reference]");
      }
    }
    int cores = Runtime.getRuntime().availableProcessors();
    Process target = new ProcessBuilder(javaBinary(), "-Xmx256m", "-cp", System.getProperty("java.class.path"),
        LiveViewTargetMain.class.getName(), Long.toString(delay))
        .redirectError(ProcessBuilder.Redirect.INHERIT).start();
    try {
      String url = new BufferedReader(new InputStreamReader(target.getInputStream(), StandardCharsets.UTF_8))
          .readLine().substring(4);
      var generator = new Generator(Set.of(target.pid()));
      System.out.printf(Locale.ROOT, "LiveLoad browser benchmark: LiveView click-and-wait (server handler %d ms) +"
          + " think %d s, JDK %s, %d cores; target %s in its own JVM on the same cores%n", delay, THINK.toSeconds(),
          System.getProperty("java.version"), cores, url);
      System.out.printf(Locale.ROOT, "each level: ramp up, then %d s hold; figures over the hold's last %d s; "
          + "browser %s%n", hold, hold - warm, BROWSER.describe());
      var results = new ArrayList<Level>();
      double base = 0;
      for (int users : levels) {
        Level l = level(url, users, hold, warm, generator, base, reference);
        if (base == 0) {
          base = l.step.mean();
        }
        results.add(l);
        print(l, results.get(0));
      }
      summary(results, cores);
    } finally {
      target.getOutputStream().close();
      target.destroy();
    }
  }

  private static Level level(String url, int users, int hold, int warm, Generator generator, double baseStepMs,
      boolean reference) throws Exception {
    System.gc();
    Duration ramp = Duration.ofMillis(Math.max(1000, users * 350L));
    long start = System.currentTimeMillis();
    long from = start + ramp.toMillis() + warm * 1000L;
    long to = start + ramp.toMillis() + hold * 1000L - 1000;
    var sampler = Thread.ofPlatform().daemon().start(() -> sample(generator, from, to));
    USER_THREAD.reset();
    windowFrom = from;
    windowTo = to;
    RunResult r = LiveLoad.run(RunOptions.builder()
        .name("browser-bench-" + users)
        .population(Population.of(ClickAndWait.class, Load.rampUp(0, users, ramp).thenHold(Duration.ofSeconds(hold)))
            .iterationTimeout(Duration.ofSeconds(30)))
        .baseUrl(url)
        .browser(BROWSER)
        .gracefulStop(Duration.ofSeconds(5))
        .progress(Progress.none())
        .build());
    sampler.join();
    double[] machine = measured;
    Histogram page = null;
    Histogram step = null;
    long windowStart = Long.MAX_VALUE;
    long windowEnd = 0;
    for (Point p : r.total().timeSeries().points()) {
      if (p.time() >= from && p.time() + p.millis() <= to) {
        page = merge(page, p.metrics().get("liveview.loading"));
        step = merge(step, p.metrics().get("step.duration"));
        windowStart = Math.min(windowStart, p.time());
        windowEnd = Math.max(windowEnd, p.time() + p.millis());
      }
    }
    double seconds = (windowEnd - windowStart) / 1000.0;
    double intended = users * 1000.0 / (THINK.toMillis() + (baseStepMs > 0 ? baseStepMs : step.mean()));
    double achieved = step.count() / seconds;
    BarePage.Figures bare = reference ? BarePage.measure(url, users, warm, hold - warm, BROWSER.viewportWidth(),
        BROWSER.viewportHeight(), generator) : null;
    var user = USER_THREAD.getIntervalHistogram();
    var parts = new Parts(row(r, "step.duration", null), row(r, "browser.action.duration", "click"),
        row(r, "browser.action.duration", "waitForLoading"), row(r, "browser.queue", null),
        user.getValueAtPercentile(50) / 1000.0, user.getValueAtPercentile(99) / 1000.0);
    return new Level(users, intended, achieved, page, step, machine[0], machine[1],
        r.total().failedIterations(), (int) machine[2], cpuByProgram, machine[3], bare, parts,
        r.generator().warnings());
  }

  /** The passed samples of a metric in step {@code click}, for one {@code method} (or all), over the whole run. */
  private static Histogram row(RunResult r, String metric, String method) {
    return r.total().breakdown().stream()
        .filter(b -> b.metric().equals(metric) && "click".equals(b.tag("step")) && b.tag("error") == null
            && (method == null || method.equals(b.tag("method"))))
        .map(dev.liveload.result.Breakdown::histogram).reduce(Histogram::merge).orElse(null);
  }

  private static volatile double[] measured = {0, 0, 0, 0};
  private static volatile String cpuByProgram = "";

  /** Mean PSS (MB) over the window and CPU (% of one core) across it, for the generator's processes. */
  private static void sample(Generator g, long from, long to) {
    try {
      Thread.sleep(Math.max(0, from - System.currentTimeMillis()));
      var by0 = g.cpuByProgram();
      double cpu0 = g.cpuSeconds();
      long t0 = System.nanoTime();
      double pss = 0;
      long processes = 0;
      int n = 0;
      while (System.currentTimeMillis() < to) {
        long[] p = g.pssKb();
        pss += p[0] / 1024.0;
        processes = Math.max(processes, p[1]);
        n++;
        Thread.sleep(Math.min(5000, Math.max(1, to - System.currentTimeMillis())));
      }
      double secs = (System.nanoTime() - t0) / 1e9;
      double cpu = (g.cpuSeconds() - cpu0) / secs * 100;
      var by1 = g.cpuByProgram();
      var parts = new java.util.ArrayList<String>();
      by1.forEach((k, v) -> parts.add(String.format(Locale.ROOT, "%s %.0f%%", k, (v - by0.getOrDefault(k, 0.0)) / secs
          * 100)));
      cpuByProgram = String.join(", ", parts);
      double chromium = (Generator.browser(by1) - Generator.browser(by0)) / secs * 100;
      measured = new double[] {n == 0 ? 0 : pss / n, cpu, processes, chromium};
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static Histogram merge(Histogram a, Histogram b) {
    return a == null ? b : b == null ? a : a.merge(b);
  }

  private static void print(Level l, Level one) {
    if (l == one) {
      System.out.println();
      System.out.println("users  actions/s (intended)  achieved  |  loading span p50 / p99 ms  |  step p50 / p99 ms"
          + "  |  PSS total MB  per user MB  |  CPU % of a core  per user  | failed");
    }
    double perUser = l.users == 1 ? l.pssMb : (l.pssMb - one.pssMb) / (l.users - 1);
    System.out.printf(Locale.ROOT, "%5d  %8.1f (%8.1f)  %6.1f%%  |  %8.1f / %6.1f  |  %8.1f / %6.1f  |  %8.0f  %9.1f"
            + "  |  %8.1f  %7.2f  | %d%n",
        l.users, l.achieved, l.intended, 100 * l.achieved / l.intended, l.page.p50(), l.page.p99(), l.step.p50(),
        l.step.p99(), l.pssMb, perUser, l.cpuPercent, l.cpuPercent / l.users, l.failed);
    System.out.printf(Locale.ROOT, "       CPU by program (%% of a core): %s; %d generator processes; browser CPU "
        + "%.1f ms per action%n", l.cpuByProgram, l.processes, l.chromiumPercent * 10 / l.achieved);
    Parts p = l.parts;
    if (p.step != null && p.click != null && p.loading != null && p.queue != null) {
      System.out.printf(Locale.ROOT, "       steps started in the window: step p50 / p99 %.1f / %.1f ms (page clock); "
              + "its actions in the page: click %.1f / %.1f + waitForLoading %.1f / %.1f = %.1f / %.1f; the user "
              + "thread saw %.1f / %.1f; browser.queue %.1f / %.1f ms%n", p.step.p50(), p.step.p99(), p.click.p50(),
          p.click.p99(), p.loading.p50(), p.loading.p99(), p.click.p50() + p.loading.p50(),
          p.click.p99() + p.loading.p99(), p.userP50, p.userP99, p.queue.p50(), p.queue.p99());
    }
    l.warnings.forEach(w -> System.out.println("       generator: " + w));
    if (l.bare != null) {
      System.out.printf(Locale.ROOT, "       reference, the bare page clicking by itself (no load tool): "
          + "%.1f clicks/s, p50 / p99 %.1f / %.1f ms, browser CPU %.1f%% of a core = %.1f ms per click; "
          + "LiveLoad's in-page p99 is %.2f x the reference's%n", l.bare.clicksPerSecond(), l.bare.p50(), l.bare.p99(),
          l.bare.chromiumCpuPercent(), l.bare.cpuMsPerClick(), l.page.p99() / l.bare.p99());
    }
  }

  private static void summary(List<Level> levels, int cores) {
    Level one = levels.get(0);
    int best = 0;
    for (Level l : levels) {
      boolean ok = l.page.p99() <= 1.5 * one.page.p99() && l.achieved >= 0.95 * l.intended && l.failed == 0;
      if (ok) {
        best = Math.max(best, l.users);
      }
    }
    Level last = levels.get(levels.size() - 1);
    System.out.println();
    System.out.printf(Locale.ROOT, "goal (>= 40 users per core with in-page p99 <= 1.5 x the 1-user p99 = %.1f ms, "
        + ">= 95%% of the intended rate, no failures): largest passing level %d users = %.1f users per core%n",
        1.5 * one.page.p99(), best, best / (double) cores);
    int bareBest = 0;
    for (Level l : levels) {
      if (l.bare != null && l.bare.p99() <= 1.5 * levels.get(0).bare.p99()) {
        bareBest = Math.max(bareBest, l.users);
      }
    }
    if (one.bare != null) {
      System.out.printf(Locale.ROOT, "reference: the bare page alone keeps its p99 within 1.5 x its 1-user p99 up to "
          + "%d users = %.1f users per core on this machine%n", bareBest, bareBest / (double) cores);
    }
    System.out.printf(Locale.ROOT, "memory: %.1f MB PSS per added user between 1 and %d users (goal <= 30 MB); "
        + "%.0f MB with 1 user (JVM + driver + browser)%n", (last.pssMb - one.pssMb) / (last.users - 1), last.users,
        one.pssMb);
  }

  /** The java binary running this benchmark. */
  private static String javaBinary() {
    return java.nio.file.Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }
}
