package dev.liveload.result;

/**
 * The generator's own state over one interval.
 *
 * @param time          interval start, epoch milliseconds
 * @param cpuPercent    process CPU over the interval, percent of one core (200 = two cores busy)
 * @param heapUsedBytes heap in use at the end of the interval
 * @param gcMillis      time spent in garbage collection during the interval
 * @param lagMillis     worst scheduling lag seen by a probe virtual thread during the interval
 * @since 0.1
 */
public record HealthPoint(long time, double cpuPercent, long heapUsedBytes, long gcMillis, double lagMillis) {}
