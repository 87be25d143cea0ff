package dev.liveload.internal.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The samples of one {@link MetricKey}: writers record into a lock-free {@link Recorder}; the ticker swaps out
 * interval histograms and adds them to the cumulative total.
 */
public final class Series {
  final MetricKey key;
  final MetricDef def;
  private final Recorder recorder = new Recorder(Hdr.SIGNIFICANT_DIGITS);
  /** Cumulative; touched only by the ticker thread (and read after the run). */
  final Histogram total = Hdr.newHistogram();

  Series(MetricKey key) {
    this.key = key;
    this.def = MetricDef.of(key.metric());
  }

  /** Records one sample; wait-free for writers, no allocation once the histogram has grown to the value. */
  public void record(long value) {
    recorder.recordValue(value < 0 ? 0 : value);
  }

  /** Moves the samples recorded since the last call into {@code interval} (replacing its content). */
  void sampleInto(Histogram interval) {
    recorder.getIntervalHistogramInto(interval);
  }

  public MetricKey key() {
    return key;
  }

  /** The cumulative histogram; read it only on the ticker thread (or after the run). */
  public Histogram total() {
    return total;
  }

  public MetricDef def() {
    return def;
  }
}
