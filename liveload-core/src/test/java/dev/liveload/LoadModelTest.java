package dev.liveload;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofMinutes;
import static java.time.Duration.ofSeconds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The shape of every load model, as a function of time, including stage boundaries. */
class LoadModelTest {

  private static double at(ClosedLoad load, long millis) {
    return load.usersAt(ofMillis(millis));
  }

  @Test
  void constant() {
    ClosedLoad l = Load.constant(50, ofSeconds(10));
    assertThat(at(l, 0)).isEqualTo(50);
    assertThat(at(l, 9_999)).isEqualTo(50);
    assertThat(at(l, 10_000)).as("after the end").isZero();
    assertThat(l.duration()).isEqualTo(ofSeconds(10));
    assertThat(l.maxUsers()).isEqualTo(50);
    assertThat(l.describe()).isEqualTo("50 users for 10s");
    assertThat(l.phaseAt(ofSeconds(3))).isEqualTo("hold 50 users");
  }

  @Test
  void rampUpHoldAndDown() {
    ClosedLoad l = Load.rampUp(0, 50, ofSeconds(30)).thenHold(ofMinutes(1)).thenRampDown(ofSeconds(10));
    assertThat(at(l, 0)).isZero();
    assertThat(at(l, 15_000)).isEqualTo(25);
    assertThat(at(l, 29_999)).isCloseTo(50, within(0.01));
    assertThat(at(l, 30_000)).as("hold starts").isEqualTo(50);
    assertThat(at(l, 89_999)).isEqualTo(50);
    assertThat(at(l, 90_000)).as("ramp-down starts").isEqualTo(50);
    assertThat(at(l, 95_000)).isEqualTo(25);
    assertThat(at(l, 100_000)).isZero();
    assertThat(l.duration()).isEqualTo(ofSeconds(100));
    assertThat(l.describe()).isEqualTo("ramp 0→50 users over 30s, hold 1m, ramp 50→0 users over 10s");
    assertThat(l.phaseAt(ofSeconds(10))).isEqualTo("ramp 0→50 users");
    assertThat(l.phaseAt(ofSeconds(40))).isEqualTo("hold 50 users");
    assertThat(l.phaseAt(ofSeconds(95))).isEqualTo("ramp 50→0 users");
    assertThat(l.phaseAt(ofSeconds(100))).isEqualTo("done");
  }

  @Test
  void rampToAnotherLevel() {
    ClosedLoad l = Load.rampUp(10, 20, ofSeconds(10)).thenRampTo(40, ofSeconds(10));
    assertThat(at(l, 0)).isEqualTo(10);
    assertThat(at(l, 5_000)).isEqualTo(15);
    assertThat(at(l, 10_000)).isEqualTo(20);
    assertThat(at(l, 15_000)).isEqualTo(30);
    assertThat(l.maxUsers()).isEqualTo(40);
  }

  @Test
  void steps() {
    ClosedLoad l = Load.step(10, 5, ofSeconds(30), 3);
    assertThat(at(l, 0)).isEqualTo(10);
    assertThat(at(l, 29_999)).isEqualTo(10);
    assertThat(at(l, 30_000)).as("the jump is at the boundary").isEqualTo(15);
    assertThat(at(l, 59_999)).isEqualTo(15);
    assertThat(at(l, 60_000)).isEqualTo(20);
    assertThat(at(l, 89_999)).isEqualTo(20);
    assertThat(at(l, 90_000)).isZero();
    assertThat(l.maxUsers()).isEqualTo(20);
    assertThat(l.describe()).isEqualTo("steps of +5 users every 30s from 10 to 20");
  }

  @Test
  void spike() {
    ClosedLoad l = Load.spike(20, 200, ofMinutes(2), ofSeconds(30), ofMinutes(5));
    assertThat(at(l, 0)).isEqualTo(20);
    assertThat(at(l, 119_999)).isEqualTo(20);
    assertThat(at(l, 120_000)).isEqualTo(200);
    assertThat(at(l, 149_999)).isEqualTo(200);
    assertThat(at(l, 150_000)).isEqualTo(20);
    assertThat(at(l, 299_999)).isEqualTo(20);
    assertThat(l.duration()).isEqualTo(ofMinutes(5));
    assertThat(Load.spike(5, 50, Duration.ZERO, ofSeconds(10), ofSeconds(10)).usersAt(Duration.ZERO)).isEqualTo(50);
    assertThatThrownBy(() -> Load.spike(20, 200, ofMinutes(4), ofMinutes(2), ofMinutes(5)))
        .hasMessageContaining("load.total").hasMessageContaining("at + holdFor");
  }

  @Test
  void stagesOfModels() {
    ClosedLoad l = Load.stages(Load.rampUp(0, 20, ofSeconds(10)), Load.constant(50, ofSeconds(10)),
        Load.rampUp(50, 10, ofSeconds(10)));
    assertThat(at(l, 5_000)).isEqualTo(10);
    assertThat(at(l, 10_000)).as("jumps to the next model's level").isEqualTo(50);
    assertThat(at(l, 19_999)).isEqualTo(50);
    assertThat(at(l, 25_000)).isEqualTo(30);
    assertThat(l.duration()).isEqualTo(ofSeconds(30));
    assertThat(l.describe()).isEqualTo(
        "ramp 0→20 users over 10s, jump to 50 users, hold 10s, ramp 50→10 users over 10s");
  }

  @Test
  void iterationCountModel() {
    ClosedLoad l = Load.iterations(10, 50);
    assertThat(l.iterationsPerUser()).isEqualTo(50);
    assertThat(l.duration()).isEqualTo(ofMinutes(10));
    assertThat(l.maxDuration(ofSeconds(30)).duration()).isEqualTo(ofSeconds(30));
    assertThatThrownBy(() -> l.thenHold(ofSeconds(1))).hasMessageContaining("cannot have stages");
  }

  @Test
  void constantArrivalRate() {
    OpenLoad l = Load.arrivalRate(200).perSecond().during(ofSeconds(10));
    assertThat(l.ratePerSecondAt(ofSeconds(5))).isEqualTo(200);
    assertThat(l.ratePerSecondAt(ofSeconds(10))).isZero();
    assertThat(l.arrivalsBefore(ofSeconds(10))).isEqualTo(2000);
    assertThat(l.arrivalsBefore(ofSeconds(1))).isEqualTo(200);
    assertThat(l.arrivalNanos(0)).isZero();
    assertThat(l.arrivalNanos(1)).isEqualTo(5_000_000);
    assertThat(l.arrivalNanos(1999)).isEqualTo(9_995_000_000L);
    assertThat(l.arrivalNanos(2000)).as("past the end").isEqualTo(-1);
    assertThat(l.maxUsers()).isEqualTo(OpenLoad.DEFAULT_MAX_USERS);
    assertThat(l.describe()).isEqualTo("200/s for 10s (max 1000 users, drop when busy)");
    assertThat(Load.arrivalRate(120).perMinute().during(ofMinutes(1)).ratePerSecondAt(ofSeconds(1))).isEqualTo(2);
  }

  @Test
  void rampingAndStagedArrivalRates() {
    OpenLoad l = Load.rampRate(0, 100).perSecond().during(ofSeconds(10)).thenHold(ofSeconds(10))
        .thenRampTo(0, ofSeconds(10)).maxUsers(50).queueWhenBusy();
    assertThat(l.ratePerSecondAt(ofSeconds(5))).isEqualTo(50);
    assertThat(l.ratePerSecondAt(ofSeconds(15))).isEqualTo(100);
    assertThat(l.ratePerSecondAt(ofSeconds(25))).isEqualTo(50);
    // area under the rate: 500 + 1000 + 500
    assertThat(l.arrivalsBefore(ofSeconds(10))).isEqualTo(500);
    assertThat(l.arrivalsBefore(ofSeconds(20))).isEqualTo(1500);
    assertThat(l.arrivalsBefore(ofSeconds(30))).isEqualTo(2000);
    // during the ramp arrivals(t) = 5 t², so arrival 500 is due at t = 10 s, arrival 20 at t = 2 s
    assertThat(l.arrivalNanos(20)).isEqualTo(2_000_000_000L);
    assertThat(l.arrivalNanos(500)).isEqualTo(10_000_000_000L);
    assertThat(l.arrivalNanos(1000)).isEqualTo(15_000_000_000L);
    long last = l.arrivalNanos(1999);
    assertThat(last).isBetween(29_000_000_000L, 30_000_000_000L);
    assertThat(l.arrivalNanos(2000)).isEqualTo(-1);
    assertThat(l.maxUsers()).isEqualTo(50);
    assertThat(l.queuesWhenBusy()).isTrue();
    assertThat(l.phaseAt(ofSeconds(12))).isEqualTo("hold 100/s");
    assertThat(l.describe()).isEqualTo("ramp 0/s→100/s over 10s, hold 10s, ramp 100/s→0/s over 10s "
        + "(max 50 users, queue when busy)");
  }

  @Test
  void arrivalTimesAreIncreasingAndMatchTheCount() {
    OpenLoad l = Load.rampRate(3, 57).perSecond().during(ofSeconds(7)).thenRampTo(11, ofSeconds(3));
    long previous = -1;
    long n = 0;
    for (long k = 0; ; k++) {
      long t = l.arrivalNanos(k);
      if (t < 0) {
        break;
      }
      assertThat(t).isGreaterThanOrEqualTo(previous);
      previous = t;
      n++;
    }
    assertThat(n).isEqualTo(l.arrivalsBefore(l.duration()));
  }

  @Test
  void invalidOpenModels() {
    assertThatThrownBy(() -> Load.arrivalRate(0)).hasMessageStartingWith("load.rate = 0.0 is not allowed");
    assertThatThrownBy(() -> Load.rampRate(0, 0)).hasMessageContaining("a ramp from 0 must go above 0");
    assertThatThrownBy(() -> Load.arrivalRate(5).perSecond().during(Duration.ZERO))
        .hasMessageStartingWith("load.duration = PT0S");
    assertThatThrownBy(() -> Load.arrivalRate(5).perSecond().during(ofSeconds(1)).maxUsers(0))
        .hasMessageStartingWith("load.maxUsers = 0");
  }
}
