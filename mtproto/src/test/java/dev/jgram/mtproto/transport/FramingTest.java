package dev.jgram.mtproto.transport;

import static dev.jgram.mtproto.Vectors.counting;
import static dev.jgram.mtproto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.Vectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Frame layouts; expected bytes from grammers' transport tests unless noted. */
class FramingTest {

  @Test
  void fullFrameOfEmptyPayload() throws IOException {
    assertThat(written(new FullFraming(), new byte[0]))
        .isEqualTo(Vectors.decimals("12, 0, 0, 0, 0, 0, 0, 0, 38, 202, 141, 50"));
  }

  @Test
  void fullFramesCountSeqNoAndCrc() throws IOException {
    FullFraming framing = new FullFraming();
    byte[] first = written(framing, counting(128));
    byte[] second = written(framing, counting(128));
    assertThat(hex(Arrays.copyOf(first, 8))).isEqualTo("8c00000000000000");
    assertThat(Arrays.copyOfRange(first, 136, 140)).isEqualTo(Vectors.decimals("134, 115, 149, 55"));
    assertThat(hex(Arrays.copyOf(second, 8))).isEqualTo("8c00000001000000");
    assertThat(Arrays.copyOfRange(second, 136, 140)).isEqualTo(Vectors.decimals("150, 9, 240, 74"));
  }

  @Test
  void fullFrameWithFlippedCrcByteIsRejected() throws IOException {
    byte[] frame = written(new FullFraming(), counting(128));
    frame[frame.length - 1] ^= (byte) 0xff;
    assertThatThrownBy(() -> new FullFraming().read(new ByteArrayInputStream(frame)))
        .isInstanceOf(TransportException.class)
        .hasMessage("full frame CRC32 is c8957386; expected 37957386");
  }

  @Test
  void fullFrameOutOfSequenceIsRejected() throws IOException {
    FullFraming sender = new FullFraming();
    written(sender, counting(128));
    byte[] second = written(sender, counting(128));
    assertThatThrownBy(() -> new FullFraming().read(new ByteArrayInputStream(second)))
        .hasMessage("full frame seqno 1; expected 0");
  }

  @Test
  void abridgedUsesOneByteBelow127WordsAndFourAbove() throws IOException {
    assertThat(hex(written(new AbridgedFraming(), new byte[0]))).isEqualTo("00");
    assertThat(Arrays.copyOf(written(new AbridgedFraming(), counting(128)), 1))
        .containsExactly(32);
    assertThat(hex(Arrays.copyOf(written(new AbridgedFraming(), counting(1024)), 4)))
        .isEqualTo("7f000100");
    assertThat(hex(Arrays.copyOf(written(new AbridgedFraming(), new byte[504]), 1)))
        .isEqualTo("7e");
    assertThat(hex(Arrays.copyOf(written(new AbridgedFraming(), new byte[508]), 4)))
        .isEqualTo("7f7f0000");
  }

  @Test
  void intermediateWritesAFourByteLength() throws IOException {
    assertThat(hex(written(new IntermediateFraming(null), new byte[0]))).isEqualTo("00000000");
    assertThat(hex(Arrays.copyOf(written(new IntermediateFraming(null), counting(128)), 4)))
        .isEqualTo("80000000");
  }

  @Test
  void abridgedTransportErrorIsThrownWithItsCode() {
    byte[] frame = hex("01" + "6cfeffff"); // one word: -404
    assertThatThrownBy(() -> new AbridgedFraming().read(new ByteArrayInputStream(frame)))
        .isInstanceOf(TransportException.class)
        .hasMessage("transport error -404: auth key not found or request malformed")
        .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(-404);
  }

  @Test
  void intermediateTransportErrorIsThrownWithItsCode() {
    byte[] frame = hex("04000000" + "53feffff"); // -429
    assertThatThrownBy(() -> new IntermediateFraming(null).read(new ByteArrayInputStream(frame)))
        .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(-429);
  }

  @Test
  void truncatedFrameEndsInEof() {
    assertThatThrownBy(() -> new IntermediateFraming(null)
        .read(new ByteArrayInputStream(hex("08000000aabbccdd"))))
        .isInstanceOf(EOFException.class)
        .hasMessage("stream ended after 4 of 8 bytes");
  }

  @Test
  void payloadNotAMultipleOfFourIsRefused() {
    assertThatThrownBy(() -> written(new AbridgedFraming(), new byte[7]))
        .hasMessage("payload is 7 bytes; MTProto transports need a multiple of 4");
  }

  @Test
  void serverSentErrorFrameReadsBackAsTheCode() throws IOException {
    for (TransportKind kind : TransportKind.values()) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      kind.newFraming(RandomSource.zeros()).writeError(out, -444);
      assertThatThrownBy(() -> kind.newFraming(RandomSource.zeros())
          .read(new ByteArrayInputStream(out.toByteArray())))
          .as(kind.name())
          .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(-444);
    }
  }

  static Stream<Integer> seeds() {
    return IntStream.range(0, 200).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyFramingReadsBackWhatItWrote(int seed) throws IOException {
    Random random = new Random(seed);
    TransportKind kind = TransportKind.values()[seed % 4];
    Framing writer = kind.newFraming(random::nextBytes);
    Framing reader = kind.newFraming(random::nextBytes);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    byte[][] payloads = new byte[3][];
    for (int i = 0; i < payloads.length; i++) {
      payloads[i] = new byte[4 * (2 + random.nextInt(seed % 5 == 0 ? 2000 : 60))];
      random.nextBytes(payloads[i]);
      writer.write(out, payloads[i]);
    }
    ByteArrayInputStream in = new ByteArrayInputStream(out.toByteArray());
    for (byte[] payload : payloads) {
      byte[] read = reader.read(in);
      if (kind == TransportKind.PADDED_INTERMEDIATE) {
        assertThat(read.length - payload.length).isBetween(0, 15);
        read = Arrays.copyOf(read, payload.length);
      }
      assertThat(read).isEqualTo(payload);
    }
    assertThat(in.available()).isZero();
  }

  private static byte[] written(Framing framing, byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    framing.write(out, payload);
    return out.toByteArray();
  }
}
