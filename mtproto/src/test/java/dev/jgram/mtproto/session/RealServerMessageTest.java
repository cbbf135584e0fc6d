package dev.jgram.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.Vectors;
import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.session.Envelope.Plain;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A real Telegram server message (grammers' {@code decrypt_server_data_v2}, also gotd's
 * {@code TestDecrypt}) through the session layer: decrypted, decoded as a container of
 * new_session_created and pong, handled by a client session, and encrypted again byte for byte.
 */
class RealServerMessageTest {
  private static final Vectors GRAMMERS = Vectors.load("grammers-crypto.txt");
  private static final byte[] AUTH_KEY = GRAMMERS.bytes("decrypt_server_data_v2.auth_key");
  private static final byte[] CIPHERTEXT = GRAMMERS.bytes("decrypt_server_data_v2.ciphertext");
  private static final byte[] PLAINTEXT = GRAMMERS.bytes("decrypt_server_data_v2.expected");
  private static final long SALT = Long.reverseBytes(0xfc826a02248b28fdL);
  private static final long SESSION = Long.reverseBytes(0x60f2c4822443ad68L);
  private static final long CONTAINER_ID = 0x5e308b91c2c1f001L;
  private static final long PING_MSG_ID = 0x5e308b91ad33fdc4L;
  private static final Instant SENT = Instant.ofEpochSecond(0x5e308b91L);

  @Test
  void envelopeOpensToTheRecordedHeader() {
    Plain plain = Envelope.open(AUTH_KEY, CIPHERTEXT, Direction.SERVER_TO_CLIENT);
    assertThat(plain.salt()).isEqualTo(SALT);
    assertThat(plain.sessionId()).isEqualTo(SESSION);
    assertThat(plain.msgId()).isEqualTo(CONTAINER_ID);
    assertThat(plain.seqNo()).isEqualTo(2);
    assertThat(plain.body()).isEqualTo(Arrays.copyOfRange(PLAINTEXT, 32, 32 + 88));
    assertThat(PLAINTEXT.length - 32 - 88).as("padding").isEqualTo(24);
  }

  @Test
  void bodyIsAContainerOfNewSessionCreatedAndPong() {
    Plain plain = Envelope.open(AUTH_KEY, CIPHERTEXT, Direction.SERVER_TO_CLIENT);
    List<Containers.Framed> inner = Containers.unpack(plain.body());
    assertThat(inner).extracting(Containers.Framed::msgId)
        .containsExactly(0x5e308b91c2c1a801L, 0x5e308b91c2c1cc01L);
    assertThat(inner).extracting(Containers.Framed::seqNo).containsExactly(1, 2);
    assertThat(inner).allSatisfy(m -> assertThat(m.msgId() & 3).isEqualTo(1));
    var created = ServiceTl.decode(inner.get(0).body());
    assertThat(created.name()).isEqualTo("new_session_created");
    assertThat(created.longValue("first_msg_id")).isEqualTo(PING_MSG_ID);
    assertThat(created.longValue("unique_id")).isEqualTo(0x1658ee07a68ea818L);
    assertThat(created.longValue("server_salt")).isEqualTo(SALT);
    var pong = ServiceTl.decode(inner.get(1).body());
    assertThat(pong.name()).isEqualTo("pong");
    assertThat(pong.longValue("msg_id")).isEqualTo(PING_MSG_ID);
    assertThat(pong.longValue("ping_id")).isEqualTo(3147876L);
  }

  @Test
  void clientSessionTurnsItIntoSessionCreatedAndPong() {
    ClientSession client = ClientSession.create(AUTH_KEY, SESSION, 0, 0, Wire.random(1));
    List<ClientAction> actions = client.receive(CIPHERTEXT, SENT);
    assertThat(actions).containsExactly(
        new ClientAction.SessionCreated(PING_MSG_ID, 0x1658ee07a68ea818L, SALT),
        new ClientAction.Pong(PING_MSG_ID, 3147876L));
    assertThat(client.salt(SENT)).isEqualTo(SALT);
    assertThat(client.pendingAcks()).as("new_session_created is content-related").isEqualTo(1);
  }

  @Test
  void serverDirectionEncryptionWithTheSamePaddingReproducesTheCiphertext() {
    Plain plain = new Plain(SALT, SESSION, CONTAINER_ID, 2,
        Arrays.copyOfRange(PLAINTEXT, 32, 32 + 88));
    RandomSource padding = RandomSource.replaying(Arrays.copyOfRange(PLAINTEXT, 120, 144));
    assertThat(Envelope.seal(AUTH_KEY, plain, Direction.SERVER_TO_CLIENT, padding))
        .isEqualTo(CIPHERTEXT);
  }
}
