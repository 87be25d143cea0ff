package dev.liveload;

import static org.assertj.core.api.Assertions.assertThat;

import dev.liveload.internal.engine.SummaryTable;
import dev.liveload.result.NodeResult;
import dev.liveload.result.RunResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Results of distributed runs, checked in: one written before merged generator health said how many workers it
 * covers and nodes said when their first action began, and one written since. Both read, and write back
 * identically.
 */
class DistributedResultFixtureTest {

  @Test
  void aDistributedResultFromBeforeTheStartAndHealthFiguresStillReads() throws IOException {
    String json = resource("/results/v1-distributed-0.1.json");
    RunResult r = RunResult.fromJson(json);
    assertThat(r.nodes()).hasSize(2).allSatisfy(n -> assertThat(n.firstActionSkewMillis()).isNull());
    assertThat(r.generator().workers()).isNull();
    assertThat(r.generator().merged()).isFalse();
    assertThat(r.toJson()).isEqualTo(json);
    assertThat(SummaryTable.render(r)).contains("  generator: CPU").doesNotContain("first action");
  }

  @Test
  void aDistributedResultWithWorkersAndFirstActionsReadsAndWritesIdentically() throws IOException {
    String json = resource("/results/v1-distributed.json");
    RunResult r = RunResult.fromJson(json);
    assertThat(r.generator().workers()).isEqualTo(2);
    assertThat(r.nodes()).extracting(NodeResult::firstActionSkewMillis).containsExactly(191.12, 181.59);
    assertThat(r.total().load()).isEqualTo("10 users for 6s");
    assertThat(r.toJson()).isEqualTo(json);
    assertThat(SummaryTable.render(r)).contains("generators (busiest of 2 workers, per figure)")
        .contains("(2 cores on 1 host)").contains("first action at +191.1 ms")
        .contains("start skew: first actions 9.5 ms apart across 2 nodes");
  }

  private static String resource(String name) throws IOException {
    try (InputStream in = DistributedResultFixtureTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
