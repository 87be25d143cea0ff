package dev.liveload.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the load generator costs the machine, read from {@code /proc}: this JVM plus every process it started
 * (Playwright's Node driver, the browser and its renderers), except processes given as excluded (the target).
 * PSS from {@code smaps_rollup} (shared pages split among the processes that map them), CPU from {@code stat}.
 */
final class Generator {
  private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

  private final Set<Long> excluded;

  Generator(Set<Long> excluded) {
    this.excluded = excluded;
  }

  private List<ProcessHandle> processes() {
    var self = ProcessHandle.current();
    var all = new java.util.ArrayList<ProcessHandle>();
    all.add(self);
    self.descendants().filter(p -> !excludedOrUnder(p)).forEach(all::add);
    return all;
  }

  private boolean excludedOrUnder(ProcessHandle p) {
    for (ProcessHandle q = p; q != null; q = q.parent().orElse(null)) {
      if (excluded.contains(q.pid())) {
        return true;
      }
    }
    return false;
  }

  /** @return total PSS in kB, and the process count */
  long[] pssKb() {
    long total = 0;
    int n = 0;
    for (ProcessHandle p : processes()) {
      try {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(p.pid()), "smaps_rollup"))) {
          if (line.startsWith("Pss:")) {
            total += Long.parseLong(line.replaceAll("[^0-9]", ""));
            n++;
            break;
          }
        }
      } catch (IOException | RuntimeException e) {
        // exited meanwhile
      }
    }
    return new long[] {total, n};
  }

  /** @return CPU seconds (user + system) used so far by the generator's live processes */
  double cpuSeconds() {
    return cpuByProgram().values().stream().mapToDouble(Double::doubleValue).sum();
  }

  /** @return CPU seconds used so far by the generator's live processes, by program (java, node, chromium...) */
  java.util.Map<String, Double> cpuByProgram() {
    var out = new java.util.TreeMap<String, Double>();
    for (ProcessHandle p : processes()) {
      try {
        String stat = Files.readString(Path.of("/proc", Long.toString(p.pid()), "stat"));
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        String program = p.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
        out.merge(program, (Long.parseLong(f[11]) + Long.parseLong(f[12])) / TICKS_PER_SECOND, Double::sum);
      } catch (IOException | RuntimeException e) {
        // exited meanwhile
      }
    }
    return out;
  }

  /** @return the CPU seconds of the browser's processes in a {@link #cpuByProgram()} reading */
  static double browser(java.util.Map<String, Double> byProgram) {
    return byProgram.entrySet().stream().filter(e -> e.getKey().startsWith("chrom"))
        .mapToDouble(java.util.Map.Entry::getValue).sum();
  }

  String describe() {
    return processes().stream().map(p -> p.info().command().map(c -> Path.of(c).getFileName().toString())
        .orElse("?")).collect(Collectors.groupingBy(s -> s, Collectors.counting())).toString();
  }
}
