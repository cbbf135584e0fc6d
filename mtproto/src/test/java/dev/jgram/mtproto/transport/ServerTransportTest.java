package dev.jgram.mtproto.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.Vectors;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** jgram's client framings against the sans-IO server side, fed in arbitrary pieces. */
class ServerTransportTest {
  private static final Vectors MTPYLON = Vectors.load("mtpylon-obfuscated2.txt");

  static Stream<Arguments> transports() {
    return IntStream.range(0, 140).mapToObj(seed -> {
      TransportKind kind = TransportKind.values()[seed % 4];
      boolean obfuscated = kind != TransportKind.FULL && (seed / 4) % 2 == 1;
      return Arguments.of(seed, kind, obfuscated);
    });
  }

  @ParameterizedTest(name = "seed {0}: {1}, obfuscated {2}")
  @MethodSource("transports")
  void clientFramesRoundTripThroughServerDetectionInAnyPieces(int seed, TransportKind kind,
      boolean obfuscated) throws IOException {
    Random random = new Random(seed);
    RandomSource source = random::nextBytes;
    ByteArrayOutputStream wire = new ByteArrayOutputStream();
    QueueInput toClient = new QueueInput();
    Connection client = obfuscated
        ? Connection.obfuscatedClient(kind, 2, toClient, wire, source)
        : Connection.client(kind, toClient, wire, source);
    List<byte[]> sent = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      // MTProto messages are at least 20 bytes; a 4-byte negative payload would be an error code
      byte[] payload = new byte[4 * (5 + random.nextInt(i == 2 ? 600 : 40))];
      random.nextBytes(payload);
      sent.add(payload);
      client.send(payload);
    }
    ServerTransport server = ServerTransport.accept(source);
    List<byte[]> received = feedInPieces(server, wire.toByteArray(), random);
    assertThat(server.kind()).isEqualTo(kind);
    assertThat(server.obfuscated()).isEqualTo(obfuscated);
    assertThat(server.dcId()).isEqualTo(obfuscated ? 2 : 0);
    assertThat(received).hasSize(sent.size());
    for (int i = 0; i < sent.size(); i++) {
      assertThat(unpadded(kind, received.get(i), sent.get(i).length)).isEqualTo(sent.get(i));
    }
    for (byte[] payload : sent) {
      toClient.add(server.frame(payload));
      assertThat(unpadded(kind, client.receive(), payload.length)).isEqualTo(payload);
    }
    toClient.add(server.errorFrame(-444));
    assertThatThrownBy(client::receive)
        .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(-444);
  }

  @Test
  void serverDecryptsTheMtpylonClientFrameAndEncryptsItsAnswerByteForByte() {
    byte[] header = MTPYLON.bytes("header");
    byte[] message = MTPYLON.bytes("client_encrypted_msg");
    ServerTransport server = ServerTransport.accept(RandomSource.zeros());
    assertThat(server.receive(header, 0, 60)).isEmpty();
    assertThat(server.kind()).isNull();
    byte[] rest = concat(Arrays.copyOfRange(header, 60, 64), message);
    List<byte[]> frames = server.receive(rest, 0, rest.length);
    assertThat(server.kind()).isEqualTo(TransportKind.INTERMEDIATE);
    byte[] original = MTPYLON.bytes("client_original_msg");
    assertThat(frames).singleElement()
        .isEqualTo(Arrays.copyOfRange(original, 4, original.length));
    byte[] answer = MTPYLON.bytes("server_original_message");
    assertThat(server.frame(Arrays.copyOfRange(answer, 4, answer.length)))
        .isEqualTo(MTPYLON.bytes("server_encrypted_msg"));
  }

  @Test
  void fullTransportIsToldFromAZeroSeqNoAndKeepsTheFirstFrame() {
    byte[] frame = Vectors.decimals("12, 0, 0, 0, 0, 0, 0, 0, 38, 202, 141, 50");
    ServerTransport server = ServerTransport.accept(RandomSource.zeros());
    assertThat(server.receive(frame, 0, frame.length)).singleElement()
        .isEqualTo(new byte[0]);
    assertThat(server.kind()).isEqualTo(TransportKind.FULL);
  }

  @Test
  void obfuscatedHeaderNamingNoTransportIsRefused() {
    byte[] header = new byte[64];
    Arrays.fill(header, (byte) 1);
    ServerTransport server = ServerTransport.accept(RandomSource.zeros());
    assertThatThrownBy(() -> server.receive(header, 0, 64))
        .isInstanceOf(TransportException.class)
        .hasMessageEndingWith("is not ef, ee or dd repeated four times");
  }

  @Test
  void frameLongerThanSixteenMebibytesIsRefusedBeforeItArrives() {
    byte[] start = {(byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee, 0, 0, 0, 0x02};
    ServerTransport server = ServerTransport.accept(RandomSource.zeros());
    assertThatThrownBy(() -> server.receive(start, 0, start.length))
        .isInstanceOf(TransportException.class)
        .hasMessage("intermediate frame length 33554432 outside 0..16777216");
  }

  @Test
  void fullFrameWithABadCrcIsRefused() {
    byte[] frame = Vectors.decimals("12, 0, 0, 0, 0, 0, 0, 0, 38, 202, 141, 51");
    ServerTransport server = ServerTransport.accept(RandomSource.zeros());
    assertThatThrownBy(() -> server.receive(frame, 0, frame.length))
        .isInstanceOf(TransportException.class)
        .hasMessageStartingWith("full frame CRC32 is");
  }

  @Test
  void nothingCanBeSentBeforeTheTransportIsKnown() {
    ServerTransport server = ServerTransport.accept(RandomSource.zeros());
    assertThatThrownBy(() -> server.frame(new byte[4]))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageStartingWith("the client's transport is not known yet");
  }

  private static List<byte[]> feedInPieces(ServerTransport server, byte[] wire, Random random) {
    List<byte[]> frames = new ArrayList<>();
    int at = 0;
    while (at < wire.length) {
      int piece = Math.min(wire.length - at, 1 + random.nextInt(random.nextBoolean() ? 7 : 900));
      byte[] chunk = new byte[piece + 10];
      System.arraycopy(wire, at, chunk, 5, piece);
      frames.addAll(server.receive(chunk, 5, piece));
      at += piece;
    }
    return frames;
  }

  private static byte[] unpadded(TransportKind kind, byte[] received, int length) {
    if (kind == TransportKind.PADDED_INTERMEDIATE) {
      assertThat(received.length - length).isBetween(0, 15);
      return Arrays.copyOf(received, length);
    }
    return received;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** An input stream the test appends to; reading past what was added is end of stream. */
  private static final class QueueInput extends InputStream {
    private final ArrayDeque<Byte> bytes = new ArrayDeque<>();

    void add(byte[] data) {
      for (byte b : data) {
        bytes.add(b);
      }
    }

    @Override
    public int read() {
      Byte next = bytes.poll();
      return next == null ? -1 : next & 0xFF;
    }
  }
}
