package dev.liveload.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.internal.metrics.Hdr;
import dev.liveload.result.Histogram;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ChartMathTest {
  static Histogram skewed(int n) {
    var h = Hdr.newHistogram();
    var random = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      h.recordValue(500 + (long) (random.nextDouble() * random.nextDouble() * random.nextDouble() * 400_000));
    }
    return Hdr.summarize(h, "ms", 1000);
  }

  @Test
  void histogramBucketsHoldEverySampleOnce() {
    Histogram h = skewed(10_000);
    double[][] b = Distributions.buckets(h);
    assertThat(b[0]).hasSize(Distributions.BUCKETS);
    assertThat(Arrays.stream(b[1]).sum()).isEqualTo(h.count());
    assertThat(b[0][b[0].length - 1]).isEqualTo(h.max());
    for (int i = 1; i < b[0].length; i++) {
      assertThat(b[0][i]).isGreaterThanOrEqualTo(b[0][i - 1]);
    }
  }

  @Test
  void percentileCurveRisesToTheMaximumAndMatchesThePercentiles() {
    Histogram h = skewed(10_000);
    double[][] c = Distributions.percentileCurve(h);
    for (int i = 1; i < c[1].length; i++) {
      assertThat(c[1][i]).isGreaterThanOrEqualTo(c[1][i - 1]);
    }
    assertThat(c[1][c[1].length - 1]).isEqualTo(h.max());
    // the curve's value at its first percentile at or past 95 is the histogram's p95, give or take one bucket
    for (int i = 0; i < c[0].length; i++) {
      if (c[0][i] >= 95) {
        assertThat(c[1][i]).isGreaterThanOrEqualTo(h.p95() * 0.999);
        break;
      }
    }
    assertThat(ChartData.nines(90, 100)).isEqualTo(1.0, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(ChartData.nines(100, 1000)).isEqualTo(3.0, org.assertj.core.data.Offset.offset(1e-9));
  }

  @Test
  void jsonIsCompactAndCannotCloseTheScriptElement() {
    var sb = new StringBuilder();
    new Json(sb).beginObject().key("</script>").value("a<b>&\u2028\"\\").key("n")
        .array(new double[] {1, 0.5, 12.3456, -0.0004, Double.NaN, 1e13}).endObject();
    assertThat(sb.toString()).isEqualTo("{\"\\u003c/script\\u003e\":\"a\\u003cb\\u003e\\u0026\\u2028\\\"\\\\\","
        + "\"n\":[1,0.5,12.346,0,null,10000000000000]}");
  }

  @Test
  void mergedRowsAreTheLosslessMergeOfTheirParts() {
    Histogram a = skewed(1000);
    Histogram b = skewed(3000);
    Stats s = Stats.merge(java.util.List.of(a, b), "ms");
    Histogram m = a.merge(b);
    assertThat(s.count()).isEqualTo(4000);
    assertThat(s.p95()).isEqualTo(m.p95());
    assertThat(s.p99()).isEqualTo(m.p99());
    assertThat(s.max()).isEqualTo(m.max());
  }
}
