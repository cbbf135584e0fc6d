package dev.jgram.mtproto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class DeterminismTest {

  @Test
  void messageIdsComeFromTheInjectedClock() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(1707425104, 500_000_000), ZoneOffset.UTC);
    MessageIds ids = new MessageIds(clock, 0);
    long first = ids.next();
    assertThat(first >>> 32).isEqualTo(1707425104L);
    assertThat(first & 0xFFFFFFFFL).isEqualTo(0x80000000L);
    assertThat(first % 4).isZero();
  }

  @Test
  void messageIdsStrictlyIncreaseWhenTheClockStandsStillOrStepsBack() {
    Instant[] now = {Instant.ofEpochSecond(1000)};
    Clock clock = new Clock() {
      @Override
      public ZoneOffset getZone() {
        return ZoneOffset.UTC;
      }

      @Override
      public Clock withZone(java.time.ZoneId zone) {
        return this;
      }

      @Override
      public Instant instant() {
        return now[0];
      }
    };
    MessageIds ids = new MessageIds(clock, 0);
    long a = ids.next();
    long b = ids.next();
    now[0] = Instant.ofEpochSecond(999);
    long c = ids.next();
    assertThat(b).isEqualTo(a + 4);
    assertThat(c).isEqualTo(b + 4);
  }

  @Test
  void serverTimeOffsetShiftsTheSeconds() {
    Clock clock = Clock.fixed(Instant.ofEpochSecond(100), ZoneOffset.UTC);
    assertThat(new MessageIds(clock, 5).next() >>> 32).isEqualTo(105L);
  }

  @Test
  void replayedRandomnessIsHandedOutInOrderAndRunsOut() {
    RandomSource source = RandomSource.replayingHex("01 02 03");
    assertThat(source.bytes(2)).containsExactly(1, 2);
    assertThatThrownBy(() -> source.bytes(2))
        .hasMessage("replayed randomness exhausted: asked for 2 bytes, 1 left");
  }

  @Test
  void plainMessageRoundTripsAndRejectsAKeyId() {
    PlainMessage message = new PlainMessage(0x51e57ac42770964aL, new byte[] {1, 2, 3, 4});
    byte[] wire = message.encode();
    assertThat(PlainMessage.decode(wire).body()).containsExactly(1, 2, 3, 4);
    wire[0] = 1;
    assertThatThrownBy(() -> PlainMessage.decode(wire))
        .hasMessage("plain message has auth_key_id 0000000000000001; expected 0");
  }
}
