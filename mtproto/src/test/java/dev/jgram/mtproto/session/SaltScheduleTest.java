package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A key's server salts: a new one every period, the previous kept for the grace (§3.5). */
class SaltScheduleTest {
  private final SaltSchedule salts = SaltSchedule.create(11L, T0, Duration.ofSeconds(60),
      Duration.ofSeconds(30), Wire.random(3));

  @Test
  void firstSaltIsTheKeyExchangesUntilThePeriodEnds() {
    assertThat(salts.current(T0)).isEqualTo(11L);
    assertThat(salts.current(T0.plusSeconds(59))).isEqualTo(11L);
    assertThat(salts.current(T0.plusSeconds(60))).isNotEqualTo(11L);
  }

  @Test
  void previousSaltIsAcceptedDuringTheGraceOnly() {
    long second = salts.current(T0.plusSeconds(60));
    assertThat(salts.accepts(11L, T0.plusSeconds(89))).isTrue();
    assertThat(salts.accepts(11L, T0.plusSeconds(90))).isFalse();
    assertThat(salts.accepts(second, T0.plusSeconds(90))).isTrue();
    assertThat(salts.accepts(second, T0.plusSeconds(59))).as("not before its window").isFalse();
    assertThat(salts.accepts(12L, T0)).isFalse();
  }

  @Test
  void futureSaltsListTheCurrentAndTheNextWithTheirWindows() {
    List<FutureSalt> future = salts.future(T0.plusSeconds(70), 3);
    assertThat(future).hasSize(3);
    assertThat(future.get(0).salt()).isEqualTo(salts.current(T0.plusSeconds(70)));
    assertThat(future.get(0).validSince()).isEqualTo(T0.plusSeconds(60));
    assertThat(future.get(0).validUntil()).isEqualTo(T0.plusSeconds(150));
    assertThat(future.get(1).validSince()).isEqualTo(T0.plusSeconds(120));
    assertThat(future.get(2).salt()).isEqualTo(salts.current(T0.plusSeconds(180)));
    assertThat(future).extracting(FutureSalt::salt).doesNotHaveDuplicates();
  }

  @Test
  void futureSaltCountIsClampedToOneThroughSixtyFour() {
    assertThat(salts.future(T0, 0)).hasSize(1);
    assertThat(salts.future(T0, 1000)).hasSize(64);
  }

  @Test
  void telegramsScheduleIsThirtyMinutesWithAnHalfHourGrace() {
    SaltSchedule telegram = SaltSchedule.telegram(11L, T0, Wire.random(3));
    assertThat(telegram.future(T0, 1).get(0).validUntil()).isEqualTo(T0.plusSeconds(3600));
    assertThat(telegram.accepts(11L, T0.plusSeconds(3599))).isTrue();
  }

  @Test
  void clockJustBeforeTheStartStillAcceptsTheFirstSaltOnly() {
    assertThat(salts.accepts(11L, T0.minusSeconds(1))).isTrue();
    assertThat(salts.accepts(12L, T0.minusSeconds(1))).isFalse();
    assertThat(salts.current(T0.minusSeconds(1))).isEqualTo(11L);
  }

  @Test
  void emptyPeriodIsRefused() {
    assertThatThrownBy(() -> SaltSchedule.create(1, T0, Duration.ZERO, Duration.ZERO,
        Wire.random(1))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected a positive period");
  }
}
