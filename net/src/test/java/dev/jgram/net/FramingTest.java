package dev.jgram.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.transport.Framing;
import dev.jgram.mtproto.transport.TransportException;
import dev.jgram.mtproto.transport.TransportKind;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Frame lengths, padding and back-off, checked on seeded random inputs. */
class FramingTest {

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void everyFrameEndsWhereTheSplitterSaysOnceItsHeaderArrived(TransportKind kind)
      throws Exception {
    Random random = new Random(kind.ordinal());
    Framing writer = kind.newFraming(random::nextBytes);
    Framing reader = kind.newFraming(random::nextBytes);
    for (int i = 0; i < 200; i++) {
      byte[] payload = new byte[4 * (1 + random.nextInt(i % 10 == 0 ? 300 : 40))];
      random.nextBytes(payload);
      payload[3] &= 0x7f;
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      writer.write(out, payload);
      byte[] frame = out.toByteArray();
      int header = kind == TransportKind.ABRIDGED ? (payload.length / 4 < 0x7f ? 1 : 4) : 4;
      assertThat(FrameSplitter.frameLength(kind, frame, 0, header - 1)).isEqualTo(-1);
      assertThat(FrameSplitter.frameLength(kind, frame, 0, header)).isEqualTo(frame.length);
      byte[] read = reader.read(new ByteArrayInputStream(frame));
      if (kind == TransportKind.PADDED_INTERMEDIATE) {
        assertThat(Arrays.copyOf(read, payload.length)).isEqualTo(payload);
      } else {
        assertThat(read).isEqualTo(payload);
      }
    }
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void aHugeLengthIsRefused(TransportKind kind) {
    byte[] header = {(byte) 0x7f, (byte) 0xff, (byte) 0xff, (byte) 0x7f};
    assertThatThrownBy(() -> FrameSplitter.frameLength(kind, header, 0, 4))
        .isInstanceOf(TransportException.class).hasMessageContaining("at most");
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void paddingIsStrippedFromPlainAndEncryptedMessages(int seed) {
    Random random = new Random(seed);
    for (int i = 0; i < 200; i++) {
      int dataLength = 4 * random.nextInt(100);
      byte[] plain = new byte[20 + dataLength];
      random.nextBytes(plain);
      Arrays.fill(plain, 0, 8, (byte) 0);
      plain[16] = (byte) dataLength;
      plain[17] = (byte) (dataLength >> 8);
      plain[18] = 0;
      plain[19] = 0;
      byte[] encrypted = new byte[24 + 16 * (1 + random.nextInt(50))];
      random.nextBytes(encrypted);
      encrypted[0] |= 1;
      int pad = random.nextInt(16);
      assertThat(Padding.strip(Arrays.copyOf(plain, plain.length + pad))).isEqualTo(plain);
      assertThat(Padding.strip(Arrays.copyOf(encrypted, encrypted.length + pad)))
          .isEqualTo(encrypted);
    }
    byte[] error = {(byte) 0x6c, (byte) 0xfe, (byte) 0xff, (byte) 0xff};
    assertThat(Padding.strip(error)).isEqualTo(error);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void backoffDoublesWithJitterAndStopsAtTheMaximum(int seed) {
    Random random = new Random(seed);
    RandomSource source = random::nextBytes;
    Duration base = Duration.ofMillis(100);
    Duration max = Duration.ofSeconds(2);
    for (int attempt = 1; attempt <= 40; attempt++) {
      long expected = Math.min(100L << Math.min(attempt - 1, 20), 2000);
      long millis = Backoff.delay(attempt, base, max, source).toMillis();
      assertThat(millis).as("attempt " + attempt).isBetween(expected / 2, expected * 3 / 2);
    }
  }
}
