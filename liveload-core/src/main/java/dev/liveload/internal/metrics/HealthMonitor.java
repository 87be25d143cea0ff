package dev.liveload.internal.metrics;

import dev.liveload.result.GeneratorHealth;
import dev.liveload.result.HealthPoint;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * Watches the generator itself: process CPU, heap, GC time, and the wake-up lag of a probe virtual thread (when
 * carrier threads are saturated, user threads wait as long, and their timestamps with them).
 */
public final class HealthMonitor {
  static final long PROBE_PERIOD_NANOS = 50_000_000L;
  /** Lag p99 above this marks the generator saturated. */
  static final double LAG_LIMIT_MS = 20;
  /** CPU above this share of all cores, in more than a fifth of the intervals, marks it saturated. */
  static final double CPU_LIMIT = 0.90;
  /** How long after the measured part of the run begins the JIT compiler is watched for a cold start. */
  static final long COLD_WINDOW_MILLIS = 5_000;
  /** JIT compile time above this share of one core in that window marks the generator cold. */
  static final double COLD_JIT_SHARE = 0.50;
  /** So many classes loaded in that window mark it cold: code paths run for the first time. */
  static final long COLD_CLASSES = 200;
  /**
   * Browser users that spend more than this share of their iterations waiting for the browser thread (hand-overs),
   * with a hand-over p95 above {@link #HAND_OVER_P95_MS}, mark it saturated: they run that much slower than
   * scripted. (Their timings are the page's and leave the wait out, so latencies stay true; the load does not.)
   */
  static final double HAND_OVER_SHARE_LIMIT = 0.10;
  static final double HAND_OVER_P95_MS = 50;

  private final int cores = Runtime.getRuntime().availableProcessors();
  private final com.sun.management.OperatingSystemMXBean os = osBean();
  private final MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
  private final List<GarbageCollectorMXBean> gcs = ManagementFactory.getGarbageCollectorMXBeans();
  private final CompilationMXBean jit = jitBean();
  private final ClassLoadingMXBean classLoading = ManagementFactory.getClassLoadingMXBean();
  private final Recorder lag = new Recorder(Hdr.SIGNIFICANT_DIGITS);
  private final Histogram lagInterval = Hdr.newHistogram();
  private final Histogram lagTotal = Hdr.newHistogram();
  private final Recorder handOver = new Recorder(Hdr.SIGNIFICANT_DIGITS);
  private final Histogram handOverInterval = Hdr.newHistogram();
  private final Histogram handOverTotal = Hdr.newHistogram();
  /** Browser users' iterations: their wall time and the hand-overs in it, µs. */
  private final LongAdder browserIterationMicros = new LongAdder();
  private final LongAdder browserHandOverMicros = new LongAdder();
  private final List<HealthPoint> timeline = new ArrayList<>();
  private volatile boolean running;
  private Thread probe;

  private long lastCpuNanos;
  private long lastWallNanos;
  private long lastGcMillis;
  private long gcTotal;
  private long heapUsedMax;
  private double cpuMax;
  private double cpuSum;
  private int cpuIntervals;
  private int cpuBusyIntervals;

  // the first seconds of the measured part of the run: JIT compile time and classes loaded (a cold generator)
  private volatile long measuredFromNanos = -1;
  private long lastJitMillis;
  private long lastClasses;
  private long coldJitMillis;
  private long coldClasses;
  private long coldWallMillis;
  private boolean warmedUp;

  // accumulation of the current time-series interval
  private double accCpuMillis;
  private long accWallMillis;
  private long accGc;
  private double accLagMax;

  private static CompilationMXBean jitBean() {
    CompilationMXBean b = ManagementFactory.getCompilationMXBean();
    return b != null && b.isCompilationTimeMonitoringSupported() ? b : null;
  }

  private static com.sun.management.OperatingSystemMXBean osBean() {
    var bean = ManagementFactory.getOperatingSystemMXBean();
    return bean instanceof com.sun.management.OperatingSystemMXBean b ? b : null;
  }

  public void start() {
    running = true;
    lastWallNanos = System.nanoTime();
    lastCpuNanos = cpuNanos();
    lastGcMillis = gcMillis();
    lastJitMillis = jitMillis();
    lastClasses = classLoading.getTotalLoadedClassCount();
    probe = Thread.ofVirtual().name("liveload-health-probe").start(() -> {
      while (running) {
        long before = System.nanoTime();
        LockSupport.parkNanos(PROBE_PERIOD_NANOS);
        long late = System.nanoTime() - before - PROBE_PERIOD_NANOS;
        lag.recordValue(Math.max(0, late / 1000));
      }
    });
  }

  public void stop() {
    running = false;
    if (probe != null) {
      probe.interrupt();
    }
  }

  /**
   * Records one browser hand-over: a user's batch of actions waiting for the browser thread and its result coming
   * back, beyond the batch's time in the page. Any thread.
   *
   * @param micros how long, µs
   */
  public void handOver(long micros) {
    handOver.recordValue(Math.max(0, micros));
  }

  /**
   * Records one iteration of a browser user: how long it took on the user's thread and how much of that was
   * hand-overs. Any thread.
   *
   * @param wallMicros     the iteration's time on the user's thread, µs
   * @param handOverMicros the hand-overs in it, µs
   */
  public void browserIteration(long wallMicros, long handOverMicros) {
    if (measuredFromNanos < 0) {
      return; // the warm-up is not judged
    }
    browserIterationMicros.add(Math.max(0, wallMicros));
    browserHandOverMicros.add(Math.max(0, handOverMicros));
  }

  /** Samples the last second; called by the ticker thread. */
  public void sample() {
    long wall = System.nanoTime();
    long cpu = cpuNanos();
    long gc = gcMillis();
    long wallDelta = Math.max(1, wall - lastWallNanos);
    double cpuPercent = cpu < 0 ? 0 : 100.0 * (cpu - lastCpuNanos) / wallDelta;
    long gcDelta = Math.max(0, gc - lastGcMillis);
    lastWallNanos = wall;
    lastCpuNanos = cpu;
    lastGcMillis = gc;
    lag.getIntervalHistogramInto(lagInterval);
    handOver.getIntervalHistogramInto(handOverInterval);
    long heap = memory.getHeapMemoryUsage().getUsed();
    heapUsedMax = Math.max(heapUsedMax, heap);
    gcTotal += gcDelta;
    if (measuredFromNanos >= 0) { // saturation is judged on the measured part of the run, not the warm-up
      lagTotal.add(lagInterval);
      handOverTotal.add(handOverInterval);
      cpuMax = Math.max(cpuMax, cpuPercent);
      cpuSum += cpuPercent;
      cpuIntervals++;
      if (cpuPercent >= CPU_LIMIT * 100 * cores) {
        cpuBusyIntervals++;
      }
    }
    accCpuMillis += cpuPercent / 100.0 * wallDelta / 1e6;
    accWallMillis += wallDelta / 1_000_000;
    accGc += gcDelta;
    accLagMax = Math.max(accLagMax, lagInterval.getMaxValue() / 1000.0);
    long jitNow = jitMillis();
    long classesNow = classLoading.getTotalLoadedClassCount();
    if (measuredFromNanos >= 0 && coldWallMillis < COLD_WINDOW_MILLIS) {
      coldJitMillis += Math.max(0, jitNow - lastJitMillis);
      coldClasses += Math.max(0, classesNow - lastClasses);
      coldWallMillis += Math.max(1, (wall - Math.max(measuredFromNanos, wall - wallDelta)) / 1_000_000);
    }
    lastJitMillis = jitNow;
    lastClasses = classesNow;
  }

  /**
   * Marks where the measured part of the run begins (the start, or the end of the warm-up), right after a
   * {@link #sample()}: the JIT compiler's work in the first {@value #COLD_WINDOW_MILLIS} ms from here tells whether
   * the generator was cold.
   *
   * @param nanos       {@link System#nanoTime()} of that moment
   * @param afterWarmUp whether a warm-up came before
   */
  public void measureFrom(long nanos, boolean afterWarmUp) {
    warmedUp = afterWarmUp;
    measuredFromNanos = nanos;
    coldJitMillis = 0;
    coldClasses = 0;
    coldWallMillis = 0;
  }

  /** Closes the current time-series interval into a timeline point. */
  public void point(long startEpochMillis) {
    double cpu = accWallMillis == 0 ? 0 : 100.0 * accCpuMillis / accWallMillis;
    timeline.add(new HealthPoint(startEpochMillis, round1(cpu), memory.getHeapMemoryUsage().getUsed(), accGc,
        accLagMax));
    accCpuMillis = 0;
    accWallMillis = 0;
    accGc = 0;
    accLagMax = 0;
  }

  public GeneratorHealth result() {
    var warnings = new ArrayList<String>();
    double lagP99 = lagTotal.getValueAtPercentile(99) / 1000.0;
    if (lagP99 > LAG_LIMIT_MS) {
      warnings.add(String.format("scheduling lag p99 %.1f ms (above %.0f ms): user threads waited for a CPU, so "
          + "timings include up to that much generator delay", lagP99, LAG_LIMIT_MS));
    }
    if (cpuIntervals > 0 && cpuBusyIntervals > Math.max(1, cpuIntervals / 5)) {
      warnings.add(String.format("generator CPU above %.0f%% of %d cores in %d of %d seconds: the generator, not "
          + "only the target, may have limited throughput", CPU_LIMIT * 100, cores, cpuBusyIntervals,
          cpuIntervals));
    }
    long browserMicros = browserIterationMicros.sum();
    if (handOverTotal.getTotalCount() > 0 && browserMicros > 0) {
      double p95 = handOverTotal.getValueAtPercentile(95) / 1000.0;
      double share = browserHandOverMicros.sum() / (double) browserMicros;
      if (share > HAND_OVER_SHARE_LIMIT && p95 > HAND_OVER_P95_MS) {
        warnings.add(String.format(java.util.Locale.ROOT, "browser users spent %.0f%% of their iterations waiting "
            + "for the browser thread (hand-over p95 %.1f ms; above %.0f%% and %.0f ms), so they ran about that much "
            + "slower than scripted; their timings are the page's and leave the wait out (browser.queue)",
            share * 100, p95, HAND_OVER_SHARE_LIMIT * 100, HAND_OVER_P95_MS));
      }
    }
    boolean saturated = !warnings.isEmpty();
    boolean cold = cold(coldJitMillis, coldClasses, coldWallMillis);
    if (cold) {
      warnings.add(String.format(java.util.Locale.ROOT, "generator cold: in the first %.1f s measured its JIT "
          + "compiler worked %d ms (%.0f%% of a core) and %d classes were loaded, so the first seconds' timings "
          + "include the generator warming up; %s",
          coldWallMillis / 1000.0, coldJitMillis, 100.0 * coldJitMillis / coldWallMillis, coldClasses,
          warmedUp ? "a longer warm-up helps (RunOptions.builder().warmUp(...))"
              : "run a warm-up first (RunOptions.builder().warmUp(...))"));
    }
    double cpuMean = cpuIntervals == 0 ? 0 : cpuSum / cpuIntervals;
    return new GeneratorHealth(saturated, warnings, cores, round1(cpuMean), round1(cpuMax),
        memory.getHeapMemoryUsage().getMax(), heapUsedMax, gcTotal, Hdr.summarize(lagTotal, "ms",
        Hdr.MICROS_PER_MILLI), timeline, cold);
  }

  private long cpuNanos() {
    return os == null ? -1 : os.getProcessCpuTime();
  }

  /**
   * Whether the generator was cold in the first seconds measured: its JIT compiler busy for more than half a core,
   * or hundreds of classes loaded (code running for the first time).
   *
   * @param jitMillis compile time in the window
   * @param classes   classes loaded in the window
   * @param wallMillis the window's length
   * @return true when cold
   */
  static boolean cold(long jitMillis, long classes, long wallMillis) {
    return wallMillis > 0 && (jitMillis > COLD_JIT_SHARE * wallMillis || classes >= COLD_CLASSES);
  }

  private long jitMillis() {
    return jit == null ? 0 : jit.getTotalCompilationTime();
  }

  private long gcMillis() {
    long sum = 0;
    for (var gc : gcs) {
      long t = gc.getCollectionTime();
      if (t > 0) {
        sum += t;
      }
    }
    return sum;
  }

  private static double round1(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
