package dev.jgram.mtproto.transport;

import static dev.jgram.mtproto.Vectors.hex;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.Vectors;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ConnectionTest {
  private static final Vectors MTPYLON = Vectors.load("mtpylon-obfuscated2.txt");

  @Test
  void clientTagsMatchGrammersExpectations() throws IOException {
    assertThat(hex(firstBytes(TransportKind.ABRIDGED, new byte[0]))).isEqualTo("ef00");
    assertThat(hex(firstBytes(TransportKind.INTERMEDIATE, new byte[0])))
        .isEqualTo("eeeeeeee00000000");
    assertThat(hex(firstBytes(TransportKind.PADDED_INTERMEDIATE, new byte[0])))
        .startsWith("dddddddd");
    assertThat(hex(firstBytes(TransportKind.FULL, new byte[0])))
        .isEqualTo("0c0000000000000026ca8d32");
  }

  @ParameterizedTest
  @EnumSource(TransportKind.class)
  void plainClientAndServerTalkOverAPipe(TransportKind kind) throws IOException {
    talkOverAPipe(kind, false);
  }

  @ParameterizedTest
  @EnumSource(value = TransportKind.class, names = {"ABRIDGED", "INTERMEDIATE",
      "PADDED_INTERMEDIATE"})
  void obfuscatedClientAndServerTalkOverAPipe(TransportKind kind) throws IOException {
    talkOverAPipe(kind, true);
  }

  @Test
  void mtpylonHeaderIsRebuiltFromItsRandomBytes() {
    byte[] init = MTPYLON.bytes("init_buffer");
    short dc = (short) ((init[60] & 0xFF) | (init[61] & 0xFF) << 8);
    Obfuscated2 client = Obfuscated2.client(TransportKind.INTERMEDIATE, dc,
        RandomSource.replaying(init));
    assertThat(client.wireHeader()).isEqualTo(MTPYLON.bytes("header"));
  }

  @Test
  void serverKeysFromTheMtpylonHeaderDecryptAndEncryptItsMessages() throws IOException {
    byte[] header = MTPYLON.bytes("header");
    byte[] clientBytes = concat(header, MTPYLON.bytes("client_encrypted_msg"));
    ByteArrayOutputStream serverOut = new ByteArrayOutputStream();
    Connection server = Connection.server(new ByteArrayInputStream(clientBytes), serverOut,
        RandomSource.zeros());
    assertThat(server.kind()).isEqualTo(TransportKind.INTERMEDIATE);
    byte[] original = MTPYLON.bytes("client_original_msg");
    assertThat(server.receive()).isEqualTo(Arrays.copyOfRange(original, 4, original.length));
    byte[] answer = MTPYLON.bytes("server_original_message");
    server.send(Arrays.copyOfRange(answer, 4, answer.length));
    assertThat(serverOut.toByteArray()).isEqualTo(MTPYLON.bytes("server_encrypted_msg"));
  }

  @Test
  void obfuscatedHeaderAvoidsForbiddenStarts() {
    // first draw starts with ef, the second with "HEAD", the third has zeros at 4..7
    byte[] bad1 = new byte[64];
    bad1[0] = (byte) 0xef;
    byte[] bad2 = new byte[64];
    System.arraycopy("HEADxxxx".getBytes(), 0, bad2, 0, 8);
    byte[] bad3 = new byte[64];
    bad3[0] = 1;
    byte[] good = new byte[64];
    Arrays.fill(good, (byte) 7);
    Obfuscated2 client = Obfuscated2.client(TransportKind.ABRIDGED, 2,
        RandomSource.replaying(concat(concat(bad1, bad2), concat(bad3, good))));
    assertThat(Arrays.copyOf(client.wireHeader(), 8)).containsOnly(7);
    assertThat(Obfuscated2.server(client.wireHeader()).dcId()).isEqualTo(2);
  }

  @Test
  void obfuscatedHeaderWithUnknownTagIsRejected() {
    byte[] header = new byte[64];
    Arrays.fill(header, (byte) 1);
    assertThatThrownBy(() -> Obfuscated2.server(header))
        .isInstanceOf(TransportException.class)
        .hasMessageEndingWith("is not ef, ee or dd repeated four times");
  }

  @Test
  void fullTransportCannotBeObfuscated() {
    assertThatThrownBy(() -> Obfuscated2.client(TransportKind.FULL, 2, RandomSource.secure()))
        .hasMessage("the full transport cannot be obfuscated");
  }

  private static void talkOverAPipe(TransportKind kind, boolean obfuscated) throws IOException {
    PipedInputStream toServer = new PipedInputStream(1 << 20);
    PipedOutputStream clientOut = new PipedOutputStream(toServer);
    PipedInputStream toClient = new PipedInputStream(1 << 20);
    PipedOutputStream serverOut = new PipedOutputStream(toClient);
    Random random = new Random(kind.ordinal());
    RandomSource source = random::nextBytes;
    Connection client = obfuscated
        ? Connection.obfuscatedClient(kind, -4, toClient, clientOut, source)
        : Connection.client(kind, toClient, clientOut, source);
    byte[] request = new byte[4 * 300];
    random.nextBytes(request);
    client.send(request);
    Connection server = Connection.server(toServer, serverOut, source);
    assertThat(server.kind()).isEqualTo(kind);
    assertThat(server.dcId()).isEqualTo(obfuscated ? -4 : 0);
    assertThat(unpadded(kind, server.receive(), request.length)).isEqualTo(request);
    for (int i = 0; i < 5; i++) {
      byte[] answer = new byte[4 * (1 + random.nextInt(200))];
      random.nextBytes(answer);
      server.send(answer);
      assertThat(unpadded(kind, client.receive(), answer.length)).isEqualTo(answer);
      client.send(answer);
      assertThat(unpadded(kind, server.receive(), answer.length)).isEqualTo(answer);
    }
    server.sendError(-404);
    assertThatThrownBy(client::receive)
        .extracting(e -> ((TransportException) e).errorCode()).isEqualTo(-404);
  }

  private static byte[] unpadded(TransportKind kind, byte[] received, int length) {
    if (kind == TransportKind.PADDED_INTERMEDIATE) {
      assertThat(received.length - length).isBetween(0, 15);
      return Arrays.copyOf(received, length);
    }
    return received;
  }

  private static byte[] firstBytes(TransportKind kind, byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Connection.client(kind, new ByteArrayInputStream(new byte[0]), out, RandomSource.zeros())
        .send(payload);
    return out.toByteArray();
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
