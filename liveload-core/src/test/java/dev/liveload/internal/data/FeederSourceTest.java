package dev.liveload.internal.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.liveload.InvalidOptionException;
import dev.liveload.data.Feeder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Feeder files and strategies, read through the same sources a run uses. */
class FeederSourceTest {
  @TempDir
  Path dir;

  private Path write(String name, String content) throws IOException {
    return Files.write(dir.resolve(name), content.getBytes(StandardCharsets.UTF_8));
  }

  private Path numbers(int rows) throws IOException {
    var sb = new StringBuilder("n,label\n");
    for (int i = 1; i <= rows; i++) {
      sb.append(i).append(",row ").append(i).append('\n');
    }
    return write("numbers.csv", sb.toString());
  }

  private static List<String> drawAll(FeederSource s, String column, int max) {
    var out = new ArrayList<String>();
    var r = new SplittableRandom(1);
    for (int i = 0; i < max; i++) {
      Row row = s.draw(r);
      if (row == null) {
        break;
      }
      out.add(row.values().get(column));
    }
    return out;
  }

  @Test
  void csvQuotingLineBreaksBomAndCrlf() throws IOException {
    Path f = write("q.csv", "\uFEFFname, note ,n\r\n"
        + "\"Doe, Jane\",\"said \"\"hi\"\"\",1\r\n"
        + "\r\n"
        + "Ann,\"two\nlines\",2\r\n"
        + "Zoë,,3");
    try (var s = FeederSource.open("people", Feeder.csv(f), 1)) {
      assertThat(s.columns()).containsExactly("name", "note", "n");
      var r = new SplittableRandom(1);
      assertThat(s.draw(r).values()).containsExactly(Map.entry("name", "Doe, Jane"), Map.entry("note",
          "said \"hi\""), Map.entry("n", "1"));
      Row second = s.draw(r);
      assertThat(second.values()).containsEntry("note", "two\nlines").containsEntry("n", "2");
      assertThat(second.where()).isEqualTo("q.csv line 4");
      assertThat(s.draw(r).values()).containsEntry("name", "Zoë").containsEntry("note", "");
      assertThat(s.draw(r)).isNull();
    }
  }

  @Test
  void queueHandsEachRowOutOnceEvenToManyThreads() throws Exception {
    try (var s = FeederSource.open("numbers", Feeder.csv(numbers(2000)), 1);
        var pool = Executors.newVirtualThreadPerTaskExecutor()) {
      var seen = ConcurrentHashMap.<String>newKeySet();
      var futures = new ArrayList<java.util.concurrent.Future<?>>();
      for (int t = 0; t < 8; t++) {
        futures.add(pool.submit(() -> {
          var r = new SplittableRandom();
          Row row;
          while ((row = s.draw(r)) != null) {
            assertThat(seen.add(row.values().get("n"))).isTrue();
          }
        }));
      }
      for (var f : futures) {
        f.get();
      }
      assertThat(seen).hasSize(2000);
      assertThat(s.exhaustedMessage()).contains("ran out of rows after handing out 2000 (queue)");
    }
  }

  @Test
  void circularStartsOver() throws IOException {
    try (var s = FeederSource.open("numbers", Feeder.csv(numbers(3)).circular(), 1)) {
      assertThat(drawAll(s, "n", 7)).containsExactly("1", "2", "3", "1", "2", "3", "1");
    }
    try (var s = FeederSource.open("mem", Feeder.of(List.of(Map.of("n", 1), Map.of("n", 2))).circular(), 1)) {
      assertThat(drawAll(s, "n", 5)).containsExactly("1", "2", "1", "2", "1");
    }
  }

  @Test
  void shuffleUsesEveryRowOnceInASeededOrder() throws IOException {
    Path f = numbers(500);
    List<String> a;
    try (var s = FeederSource.open("numbers", Feeder.csv(f).shuffle(), 42)) {
      a = drawAll(s, "n", 1000);
    }
    assertThat(a).hasSize(500).doesNotHaveDuplicates().isNotEqualTo(drawAllInOrder(500));
    try (var s = FeederSource.open("numbers", Feeder.csv(f).shuffle(), 42)) {
      assertThat(drawAll(s, "n", 1000)).isEqualTo(a);
    }
    try (var s = FeederSource.open("numbers", Feeder.csv(f).shuffle(), 43)) {
      assertThat(drawAll(s, "n", 1000)).isNotEqualTo(a);
    }
  }

  private static List<String> drawAllInOrder(int n) {
    var l = new ArrayList<String>();
    for (int i = 1; i <= n; i++) {
      l.add(Integer.toString(i));
    }
    return l;
  }

  @Test
  void randomReadsRowsAtIndexedOffsetsWithTheUsersGenerator() throws IOException {
    Path f = write("r.csv", "id,text\n1,\"multi\nline\"\n2,plain\n3,\"quoted, comma\"\n");
    try (var s = FeederSource.open("r", Feeder.csv(f).random(), 1)) {
      var seen = new HashSet<String>();
      var r1 = new SplittableRandom(5);
      var first = new ArrayList<String>();
      for (int i = 0; i < 50; i++) {
        Row row = s.draw(r1);
        seen.add(row.values().get("id") + "=" + row.values().get("text"));
        first.add(row.values().get("id"));
      }
      assertThat(seen).containsExactlyInAnyOrder("1=multi\nline", "2=plain", "3=quoted, comma");
      var r2 = new SplittableRandom(5);
      var again = new ArrayList<String>();
      for (int i = 0; i < 50; i++) {
        again.add(s.draw(r2).values().get("id"));
      }
      assertThat(again).isEqualTo(first);
    }
  }

  @Test
  void jsonRowsStreamedAndIndexed() throws IOException {
    Path f = write("p.json", "[{\"sku\":\"A-1\",\"price\":9.5,\"tags\":[\"x\"],\"gift\":true},\n"
        + " {\"sku\":\"B-2\",\"price\":12,\"note\":null}]");
    try (var s = FeederSource.open("products", Feeder.json(f), 1)) {
      assertThat(s.columns()).containsExactly("sku", "price", "tags", "gift");
      var r = new SplittableRandom(1);
      assertThat(s.draw(r).values()).containsExactly(Map.entry("sku", "A-1"), Map.entry("price", "9.5"),
          Map.entry("tags", "[\"x\"]"), Map.entry("gift", "true"));
      assertThat(s.draw(r).values()).containsExactly(Map.entry("sku", "B-2"), Map.entry("price", "12"));
      assertThat(s.draw(r)).isNull();
    }
    try (var s = FeederSource.open("products", Feeder.json(f).shuffle(), 3)) {
      assertThat(drawAll(s, "sku", 5)).containsExactlyInAnyOrder("A-1", "B-2");
    }
  }

  @Test
  void uniquePerUserRowsComeBackWhenReleased() {
    var rows = List.of(Map.of("u", "a"), Map.of("u", "b"));
    try (var s = FeederSource.open("acc", Feeder.of(rows).uniquePerUser(), 1)) {
      var r = new SplittableRandom(1);
      Row a = s.draw(r);
      Row b = s.draw(r);
      assertThat(s.draw(r)).isNull();
      assertThat(s.exhaustedMessage()).contains("has no free row: all 2 rows are held by running users");
      s.release(a);
      assertThat(s.draw(r)).isSameAs(a);
      assertThat(b.values()).containsEntry("u", "b");
    }
  }

  @Test
  void aMalformedRowAnywhereFailsBeforeTheLoadForEveryStrategy() throws IOException {
    Path f = write("bad.csv", "a,b\n1,2\n3,4\n5\n7,8\n");
    for (Feeder feeder : List.of(Feeder.csv(f), Feeder.csv(f).circular(), Feeder.csv(f).uniquePerUser(),
        Feeder.csv(f).random(), Feeder.csv(f).shuffle())) {
      assertThatThrownBy(() -> FeederSource.open("bad", feeder, 1)).isInstanceOf(InvalidOptionException.class)
          .hasMessageContaining("bad.csv line 4 has 1 fields, the header has 2");
    }
  }

  @Test
  void aRowMadeMalformedDuringTheRunFailsOnlyWhenDrawn() throws IOException {
    Path f = write("changing.csv", "a,b\n1,2\n3,4\n5,6\n7,8\n");
    try (var s = FeederSource.open("changing", Feeder.csv(f), 1)) {
      write("changing.csv", "a,b\n1,2\n3,4\n5\n7,8\n"); // streamed: read as rows are drawn
      var r = new SplittableRandom(1);
      assertThat(s.draw(r).values()).containsEntry("a", "1");
      assertThat(s.draw(r).values()).containsEntry("a", "3");
      assertThatThrownBy(() -> s.draw(r)).isInstanceOf(FeederException.class)
          .hasMessage("changing.csv line 4 has 1 fields, the header has 2");
      assertThat(s.draw(r).values()).containsEntry("a", "7");
    }
  }

  @Test
  void checksBeforeTheRun() throws IOException {
    assertThatThrownBy(() -> Feeder.csv(dir.resolve("missing.csv")).columns("users"))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("the file does not exist");
    Path empty = write("empty.csv", "");
    assertThatThrownBy(() -> Feeder.csv(empty).columns("users")).hasMessageContaining("is empty");
    Path header = write("header.csv", "email,password\n");
    assertThatThrownBy(() -> Feeder.csv(header).columns("users")).hasMessageContaining("no data rows");
    Path dup = write("dup.csv", "a,a\n1,2\n");
    assertThatThrownBy(() -> Feeder.csv(dup).columns("users")).hasMessageContaining("\"a\" appears twice");
    Path object = write("o.json", "{\"a\":1}");
    assertThatThrownBy(() -> Feeder.json(object).columns("users")).hasMessageContaining("array of objects");
    Path none = write("none.json", "[]");
    assertThatThrownBy(() -> Feeder.json(none).columns("users")).hasMessageContaining("empty array");
    Path unclosed = write("u.csv", "a\n\"open\n");
    assertThatThrownBy(() -> Feeder.csv(unclosed).columns("users")).hasMessageContaining("is not closed");
    assertThatThrownBy(() -> Feeder.of(List.of())).hasMessageContaining("needs at least one row");
    assertThatThrownBy(() -> Feeder.json(object).separator(';')).hasMessageContaining("only applies to CSV");
  }

  @Test
  void aShareSeesEveryRowOfItsPositionsInEachWayOfReading() throws IOException {
    Path file = numbers(10);
    Feeder second = Feeder.csv(file).share(1, 3, 4); // positions 1 and 2 of every 4 rows
    assertThat(java.util.stream.LongStream.range(0, 5).map(second::sharePosition)).containsExactly(1L, 2L, 5L, 6L, 9L);
    try (var streamed = FeederSource.open("n", second, 7); var indexed = FeederSource.open("n", second.shuffle(), 7);
        var memory = FeederSource.open("n", Feeder.of(List.of(Map.of("n", "1"), Map.of("n", "2"), Map.of("n", "3"),
            Map.of("n", "4"), Map.of("n", "5"), Map.of("n", "6"))).share(1, 3, 4), 7)) {
      assertThat(drawAll(streamed, "n", 20)).containsExactly("2", "3", "6", "7", "10");
      assertThat(drawAll(indexed, "n", 20)).containsExactlyInAnyOrder("2", "3", "6", "7", "10");
      assertThat(drawAll(memory, "n", 20)).containsExactly("2", "3", "6");
    }
  }

  @Test
  void anEmptyShareIsExhaustedForOnceOnlyStrategiesAndAnErrorForReusingOnes() throws IOException {
    var twoRows = List.of(Map.of("n", "1"), Map.of("n", "2"));
    try (var queue = FeederSource.open("n", Feeder.of(twoRows).share(2, 3, 3), 7)) {
      assertThat(queue.draw(new SplittableRandom(1))).isNull();
    }
    assertThatThrownBy(() -> FeederSource.open("n", Feeder.of(twoRows).circular().share(2, 3, 3), 7))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("has no rows in this share");
    assertThatThrownBy(() -> FeederSource.open("n", Feeder.csv(numbers(2)).random().share(2, 3, 3), 7))
        .isInstanceOf(InvalidOptionException.class).hasMessageContaining("has no rows in this share");
  }
}
