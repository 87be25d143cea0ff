package dev.liveload;

import static dev.liveload.http.Http.status;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.internal.metrics.Hdr;
import dev.liveload.result.Histogram;
import dev.liveload.result.RunResult;
import dev.liveload.testing.TargetServer;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class MergeTest {

  @Test
  void mergedHistogramEqualsOneHistogramOverBothSetsOfSamples() {
    var random = new SplittableRandom(42);
    var a = Hdr.newHistogram();
    var b = Hdr.newHistogram();
    var both = Hdr.newHistogram();
    for (int i = 0; i < 100_000; i++) {
      long v = 1000 + (long) (random.nextDouble() * random.nextDouble() * 2_000_000); // 1 ms .. 2 s, skewed
      (i % 3 == 0 ? a : b).recordValue(v);
      both.recordValue(v);
    }
    Histogram merged = Hdr.summarize(a, "ms", 1000).merge(Hdr.summarize(b, "ms", 1000));
    Histogram direct = Hdr.summarize(both, "ms", 1000);

    assertThat(Hdr.decode(merged.hdr())).isEqualTo(Hdr.decode(direct.hdr()));
    assertThat(merged).usingRecursiveComparison().ignoringFields("hdr").isEqualTo(direct);
    assertThat(merged.percentile(99.99)).isEqualTo(direct.percentile(99.99));
  }

  @Test
  void mergingTwoRunsAddsCountsAndHistogramsLosslessly() {
    try (var server = TargetServer.start()) {
      RunResult first = run(server, "/delay/5");
      RunResult second = run(server, "/delay/20");
      RunResult merged = RunResult.merge(first, second);

      var m = merged.scenario("api");
      assertThat(m.requests()).isEqualTo(first.total().requests() + second.total().requests());
      Histogram union = first.total().metric("http.duration").merge(second.total().metric("http.duration"));
      assertThat(Hdr.decode(m.metric("http.duration").hdr())).isEqualTo(Hdr.decode(union.hdr()));
      assertThat(m.metric("http.duration").p50()).isEqualTo(union.p50());
      // The two runs overlap no interval, so the merged series holds every point of both.
      long points = m.timeSeries().points().size();
      assertThat(m.timeSeries().points().stream().mapToLong(p -> p.count("requests")).sum())
          .isEqualTo(m.requests());
      assertThat(points).isGreaterThanOrEqualTo(Math.max(first.total().timeSeries().points().size(),
          second.total().timeSeries().points().size()));
      assertThat(merged.run().start()).isEqualTo(first.run().start());
      assertThat(merged.run().end()).isEqualTo(second.run().end());
      // And merging is associative with the JSON form: a merged result round-trips like any other.
      assertThat(RunResult.fromJson(merged.toJson()).toJson()).isEqualTo(merged.toJson());
    }
  }

  @Test
  void pointsOfTheSameIntervalMergeIntoOne() {
    try (var server = TargetServer.start()) {
      RunResult one = run(server, "/delay/5");
      RunResult merged = RunResult.merge(one, one);
      var pointsOne = one.total().timeSeries().points();
      var pointsMerged = merged.total().timeSeries().points();
      assertThat(pointsMerged).hasSameSizeAs(pointsOne);
      for (int i = 0; i < pointsOne.size(); i++) {
        assertThat(pointsMerged.get(i).count("requests")).isEqualTo(2 * pointsOne.get(i).count("requests"));
        assertThat(pointsMerged.get(i).users()).isEqualTo(2 * pointsOne.get(i).users());
      }
    }
  }

  private static RunResult run(TargetServer server, String path) {
    return LiveLoad.run(RunOptions.builder()
        .scenario("api", user -> user.http().get(path).check(status(200)), Load.constant(4, ofSeconds(2)))
        .baseUrl(server.url())
        .build());
  }
}
