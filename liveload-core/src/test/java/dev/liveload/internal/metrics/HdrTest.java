package dev.liveload.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HdrTest {

  @Test
  void theOnePassSummaryMatchesHdrHistogramsOwnFigures() {
    var random = new SplittableRandom(5);
    for (int round = 0; round < 20; round++) {
      var h = Hdr.newHistogram();
      int n = 1 + random.nextInt(5000);
      for (int i = 0; i < n; i++) {
        h.recordValue((long) (random.nextDouble() * random.nextDouble() * 3_000_000));
      }
      var s = Hdr.summarize(h, "ms", 1000);
      assertThat(s.count()).isEqualTo(h.getTotalCount());
      assertThat(s.p50()).isEqualTo(h.getValueAtPercentile(50) / 1000.0);
      assertThat(s.p75()).isEqualTo(h.getValueAtPercentile(75) / 1000.0);
      assertThat(s.p90()).isEqualTo(h.getValueAtPercentile(90) / 1000.0);
      assertThat(s.p95()).isEqualTo(h.getValueAtPercentile(95) / 1000.0);
      assertThat(s.p99()).isEqualTo(h.getValueAtPercentile(99) / 1000.0);
      assertThat(s.p999()).isEqualTo(h.getValueAtPercentile(99.9) / 1000.0);
      assertThat(s.min()).isEqualTo(h.getMinValue() / 1000.0);
      assertThat(s.max()).isEqualTo(h.getMaxValue() / 1000.0);
      assertThat(s.mean()).isCloseTo(h.getMean() / 1000.0, within(1e-5));
      assertThat(s.stddev()).isCloseTo(h.getStdDeviation() / 1000.0, within(1e-5));
      assertThat(s.percentile(99.9)).isEqualTo(s.p999());
    }
  }

  @Test
  void mergeAllEqualsPairwiseMerges() {
    var random = new SplittableRandom(9);
    var parts = new ArrayList<dev.liveload.result.Histogram>();
    for (int p = 0; p < 30; p++) {
      var h = Hdr.newHistogram();
      for (int i = 0; i < 100; i++) {
        h.recordValue(random.nextLong(1, 5_000_000));
      }
      parts.add(Hdr.summarize(h, "ms", 1000));
    }
    var pairwise = parts.get(0);
    for (int i = 1; i < parts.size(); i++) {
      pairwise = pairwise.merge(parts.get(i));
    }
    var all = Hdr.mergeAll(parts);
    assertThat(Hdr.decode(all.hdr())).isEqualTo(Hdr.decode(pairwise.hdr()));
    assertThat(all).usingRecursiveComparison().ignoringFields("hdr").isEqualTo(pairwise);
  }
}
