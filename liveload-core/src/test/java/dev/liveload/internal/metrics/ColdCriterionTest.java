package dev.liveload.internal.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ColdCriterionTest {
  @Test
  void coldIsAJitBusierThanHalfACoreOrHundredsOfClassesLoaded() {
    assertThat(HealthMonitor.cold(5570, 608, 5600)).isTrue();   // a fresh JVM, as measured
    assertThat(HealthMonitor.cold(4277, 0, 5500)).isTrue();     // its second run: still compiling most of a core
    assertThat(HealthMonitor.cold(1305, 1, 5400)).isFalse();    // its third: 24% of a core, no new classes
    assertThat(HealthMonitor.cold(0, 250, 5000)).isTrue();
    assertThat(HealthMonitor.cold(0, 0, 0)).isFalse();          // nothing measured
  }
}
