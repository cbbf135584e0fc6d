package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.FIRST_SALT;
import static dev.jgram.mtproto.session.Wire.KEY;
import static dev.jgram.mtproto.session.Wire.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.Envelope.Plain;
import dev.jgram.mtproto.tl.MessageContainer;
import dev.jgram.mtproto.tl.TlReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Outgoing packing, pinned by grammers' {@code grammers-mtproto/src/mtp/encrypted.rs} tests
 * (commit 03237bc7): salt and session_id in place, one message with seqno 1, two in a
 * container (inner 1 and 3, container seqno 4, 48 bytes, count 2), large payloads alone,
 * gzip only when it pays.
 */
class PackingTest {
  private static final byte[] HEY = "Hey!".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] BYE = "Bye!".getBytes(StandardCharsets.US_ASCII);

  private final ClientSession client = ClientSession.create(KEY, 0x5566L, FIRST_SALT, 0,
      Wire.random(9));

  private Plain packOne(List<OutgoingMessage> messages) {
    Packed packed = client.pack(messages, T0);
    assertThat(packed.messages()).hasSize(1);
    return Wire.openFromServerSide(packed.messages().get(0));
  }

  @Test
  void singleMessageCarriesSaltSessionAndSeqnoOne() {
    Plain plain = packOne(List.of(OutgoingMessage.query(HEY)));
    assertThat(plain.salt()).isEqualTo(FIRST_SALT);
    assertThat(plain.sessionId()).isEqualTo(0x5566L);
    assertThat(plain.seqNo()).isEqualTo(1);
    assertThat(plain.body()).isEqualTo(HEY);
    assertThat(plain.msgId() & 3).isZero();
  }

  @Test
  void twoMessagesGoInAContainerLikeGrammersPacksThem() {
    Packed packed = client.pack(List.of(OutgoingMessage.query(HEY), OutgoingMessage.query(BYE)),
        T0);
    Plain plain = Wire.openFromServerSide(packed.messages().get(0));
    assertThat(plain.seqNo()).isEqualTo(4);
    assertThat(plain.body()).hasSize(48);
    TlReader reader = new TlReader(plain.body());
    assertThat(reader.readInt()).isEqualTo(MessageContainer.ID);
    assertThat(reader.readInt()).isEqualTo(2);
    List<Framed> inner = Containers.unpack(plain.body());
    assertThat(inner).extracting(Framed::seqNo).containsExactly(1, 3);
    assertThat(inner.get(0).body()).isEqualTo(HEY);
    assertThat(inner.get(1).body()).isEqualTo(BYE);
    assertThat(inner).extracting(Framed::msgId).containsExactlyElementsOf(packed.msgIds())
        .allSatisfy(id -> assertThat(id).isLessThan(plain.msgId()));
  }

  @Test
  void twoLargePayloadsThatDoNotFitOneContainerTravelAlone() {
    byte[] data = new byte[768 * 1024];
    Arrays.fill(data, (byte) 0x7f);
    List<OutgoingMessage> two = List.of(OutgoingMessage.service(data),
        OutgoingMessage.service(data));
    Packed packed = client.pack(two, T0);
    assertThat(packed.messages()).hasSize(2);
    for (byte[] message : packed.messages()) {
      assertThat(Wire.openFromServerSide(message).body()).isEqualTo(data);
    }
  }

  @Test
  void moreThan1024MessagesAreSplitAcrossContainers() {
    List<OutgoingMessage> many = Collections.nCopies(1025, OutgoingMessage.query(HEY));
    Packed packed = client.pack(many, T0);
    assertThat(packed.messages()).hasSize(2);
    assertThat(Containers.unpack(Wire.openFromServerSide(packed.messages().get(0)).body()))
        .hasSize(1024);
    assertThat(Wire.openFromServerSide(packed.messages().get(1)).body()).isEqualTo(HEY);
    assertThat(packed.msgIds()).hasSize(1025).doesNotHaveDuplicates();
  }

  @Test
  void payloadBeyondTheContainerLimitIsRefused() {
    OutgoingMessage huge = OutgoingMessage.query(Wire.bytes(2 * 1024 * 1024, 4));
    assertThatThrownBy(() -> client.pack(List.of(huge), T0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2097152 bytes");
  }

  @Test
  void bodyThatIsNotWholeWordsIsRefused() {
    assertThatThrownBy(() -> OutgoingMessage.query(new byte[] {1, 2, 3}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("multiple of 4");
  }

  @Test
  void largeCompressibleQueryIsGzippedButServiceMessagesAndSmallQueriesAreNot() {
    byte[] zeros = new byte[512 * 1024];
    assertThat(ServiceTl.id(packOne(List.of(OutgoingMessage.query(zeros))).body()))
        .isEqualTo(ServiceTl.GZIP_PACKED);
    assertThat(packOne(List.of(OutgoingMessage.service(zeros))).body()).isEqualTo(zeros);
    byte[] small = new byte[252];
    assertThat(packOne(List.of(OutgoingMessage.query(small))).body()).isEqualTo(small);
  }

  @Test
  void compressionIsKeptOnlyWhenItSavesBytes() {
    byte[] noise = Wire.bytes(1024, 5);
    assertThat(Compression.packIfSmaller(noise)).isSameAs(noise);
    byte[] zeros = new byte[256];
    assertThat(Compression.packIfSmaller(zeros)).hasSizeLessThan(256);
    assertThat(Compression.unwrap(Compression.packIfSmaller(zeros))).isEqualTo(zeros);
    byte[] atThreshold = new byte[Compression.THRESHOLD + 1 - 4];
    assertThat(Compression.packIfSmaller(atThreshold)).isSameAs(atThreshold);
  }
}
