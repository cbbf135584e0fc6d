package dev.jgram.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Message ids per role; vectors from gotd {@code proto/message_id_test.go} (commit 9059712). */
class MsgIdGeneratorTest {
  private static final Instant GOTD_TIME = Instant.parse("2018-10-10T23:42:06.0000136Z");

  @Test
  void gotdsTimeGivesItsSecondsAndOurScaledFraction() {
    long id = new MsgIdGenerator(0).next(GOTD_TIME, MsgIdGenerator.CLIENT);
    // gotd: 0x5bbe8e4e00003520 (nanoseconds in the low half); the upper half is the contract
    assertThat(id >>> 32).isEqualTo(0x5bbe8e4eL);
    assertThat(id).isEqualTo(0x5bbe8e4e0000e428L);
    assertThat(id & 3).isZero();
  }

  @Test
  void thousandIdsWithTheClockMoving100MsEveryTenAreAllDistinct() {
    MsgIdGenerator ids = new MsgIdGenerator(0);
    Instant now = Wire.T0;
    Set<Long> met = new HashSet<>();
    long last = 0;
    for (int i = 0; i < 1000; i++) {
      if (i % 10 == 0) {
        now = now.plusMillis(100);
      }
      long id = ids.next(now, MsgIdGenerator.CLIENT);
      assertThat(met.add(id)).isTrue();
      assertThat(id).isGreaterThan(last);
      assertThat(id & 3).isZero();
      last = id;
    }
  }

  @Test
  void idsKeepIncreasingWhenTheClockStepsBack() {
    MsgIdGenerator ids = new MsgIdGenerator(0);
    long first = ids.next(Wire.T0, MsgIdGenerator.CLIENT);
    long second = ids.next(Wire.T0.minusSeconds(10), MsgIdGenerator.CLIENT);
    assertThat(second).isEqualTo(first + 4);
  }

  @Test
  void serverIdsAreCongruentToOneOrThreeAndStrictlyIncreasingTogether() {
    MsgIdGenerator ids = new MsgIdGenerator(0);
    long a = ids.next(Wire.T0, MsgIdGenerator.RESPONSE);
    long b = ids.next(Wire.T0, MsgIdGenerator.NOTIFICATION);
    long c = ids.next(Wire.T0, MsgIdGenerator.RESPONSE);
    long d = ids.next(Wire.T0, MsgIdGenerator.RESPONSE);
    assertThat(a & 3).isEqualTo(1);
    assertThat(b).isEqualTo(a + 2);
    assertThat(c).isEqualTo(a + 4);
    assertThat(d).isEqualTo(a + 8);
  }

  @Test
  void offsetShiftsTheSecondsAndACorrectionRestartsFromTheCorrectedTime() {
    MsgIdGenerator ids = new MsgIdGenerator(120);
    assertThat(ids.next(Wire.T0, 0) >>> 32).isEqualTo(Wire.T0.getEpochSecond() + 120);
    long serverId = (Wire.T0.getEpochSecond() - 5) << 32 | 1;
    ids.offsetSeconds(MsgIdGenerator.offsetFrom(serverId, Wire.T0));
    assertThat(ids.offsetSeconds()).isEqualTo(-5);
    assertThat(ids.next(Wire.T0, 0) >>> 32).isEqualTo(Wire.T0.getEpochSecond() - 5);
  }
}
