package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.FIRST_SALT;
import static dev.jgram.mtproto.session.Wire.GET_CONFIG;
import static dev.jgram.mtproto.session.Wire.KEY;
import static dev.jgram.mtproto.session.Wire.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.SessionCheckException.Check;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Bad inbound messages get a typed exception naming what was wrong, on both sides. */
class InboundChecksTest {
  private final ClientSession client = ClientSession.create(KEY, FIRST_SALT, 0, Wire.random(9));
  private final ServerFixture server = new ServerFixture();

  private static long serverId(long seconds, int n) {
    return ((T0.getEpochSecond() + seconds) << 32) + 4L * n + 1;
  }

  private byte[] toClient(long msgId, byte[] body) {
    return Wire.toClient(FIRST_SALT, client.sessionId(), msgId, 0, body);
  }

  private static void assertCheck(ThrowingCallable call, Check check, String message) {
    assertThatThrownBy(call).isInstanceOf(SessionCheckException.class)
        .isInstanceOf(SecurityCheckException.class)
        .hasMessageContaining(message)
        .satisfies(e -> assertThat(((SessionCheckException) e).check()).isEqualTo(check));
  }

  @Test
  void replayedMsgIdIsRefused() {
    byte[] message = toClient(serverId(0, 1), GET_CONFIG);
    client.receive(message, T0);
    assertCheck(() -> client.receive(message, T0), Check.MSG_ID_REPLAYED,
        "was already received");
  }

  @Test
  void msgIdLowerThanEveryKeptIdIsRefused() {
    for (int n = 1; n <= ClientSession.KEPT_MSG_IDS; n++) {
      client.receive(toClient(serverId(0, 100 + n), Wire.service("msgs_ack", "msg_ids",
          List.of())), T0);
    }
    assertCheck(() -> client.receive(toClient(serverId(0, 1), GET_CONFIG), T0),
        Check.MSG_ID_TOO_OLD, "lower than all 1024 ids kept");
  }

  @Test
  void msgIdOutsideTheTimeWindowIsRefused() {
    assertCheck(() -> client.receive(toClient(serverId(31, 1), GET_CONFIG), T0),
        Check.MSG_ID_OUTSIDE_WINDOW, "is 31 s from the corrected clock");
    assertCheck(() -> client.receive(toClient(serverId(-301, 1), GET_CONFIG), T0),
        Check.MSG_ID_OUTSIDE_WINDOW, "is -301 s from the corrected clock");
    assertThat(client.receive(toClient(serverId(30, 1), GET_CONFIG), T0)).hasSize(1);
  }

  @Test
  void evenServerMsgIdIsRefused() {
    assertCheck(() -> client.receive(toClient(serverId(0, 1) - 1, GET_CONFIG), T0),
        Check.MSG_ID_PARITY, "is even");
  }

  @Test
  void wrongSessionIdIsRefused() {
    byte[] message = Wire.toClient(FIRST_SALT, client.sessionId() + 1, serverId(0, 1), 0,
        GET_CONFIG);
    assertCheck(() -> client.receive(message, T0), Check.SESSION_ID, "this session is");
  }

  @Test
  void containerInsideAContainerIsRefused() {
    byte[] inner = Wire.container(new Framed(serverId(0, 1), 1, GET_CONFIG));
    byte[] outer = Wire.container(new Framed(serverId(0, 2), 0, inner));
    assertCheck(() -> client.receive(toClient(serverId(0, 3), outer), T0),
        Check.NESTED_CONTAINER, "containers do not nest");
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void flippedCiphertextFailsTheMsgKeyCheck(Direction direction) {
    byte[] message = direction == Direction.SERVER_TO_CLIENT
        ? toClient(serverId(0, 1), GET_CONFIG)
        : Wire.toServer(FIRST_SALT, 1, Wire.clientId(0, 1), 1, GET_CONFIG);
    message[40] ^= 1;
    assertCheck(() -> receive(direction, message), Check.MSG_KEY, "msg_key mismatch");
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void paddingShorterThan12BytesIsRefused(Direction direction) {
    byte[] padded = Wire.plaintext(client.sessionId(), serverId(0, 1), 24, 64); // 8 padding
    assertCheck(() -> receive(direction, Wire.sealPadded(padded, direction)), Check.PADDING,
        "padding of 8 bytes after message_data_length 24; expected 12 to 1024");
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void paddingLongerThan1024BytesIsRefused(Direction direction) {
    byte[] padded = Wire.plaintext(client.sessionId(), serverId(0, 1), 12, 32 + 12 + 1028);
    assertCheck(() -> receive(direction, Wire.sealPadded(padded, direction)), Check.PADDING,
        "padding of 1028 bytes");
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void dataLengthBeyondThePlaintextIsRefused(Direction direction) {
    byte[] padded = Wire.plaintext(client.sessionId(), serverId(0, 1), 1000, 64);
    assertCheck(() -> receive(direction, Wire.sealPadded(padded, direction)), Check.DATA_LENGTH,
        "message_data_length 1000 does not fit");
  }

  @ParameterizedTest
  @EnumSource(Direction.class)
  void truncatedMessageIsRefused(Direction direction) {
    byte[] message = Arrays.copyOf(toClient(serverId(0, 1), GET_CONFIG), 70);
    assertCheck(() -> receive(direction, message), Check.MESSAGE_LENGTH, "70 bytes");
  }

  @Test
  void messageForAnotherKeyIsRefused() {
    byte[] message = toClient(serverId(0, 1), GET_CONFIG);
    message[0] ^= 1;
    assertCheck(() -> client.receive(message, T0), Check.AUTH_KEY_ID, "is not this session's");
  }

  @Test
  void authKeyIdOfReadsTheLittleEndianFirstEightBytes() {
    byte[] message = toClient(serverId(0, 1), GET_CONFIG);
    assertThat(AuthKeySessions.authKeyIdOf(message)).isEqualTo(server.server.authKeyId())
        .isEqualTo(client.authKeyId());
    assertThat(AuthKeySessions.authKeyIdOf(new byte[8])).isZero();
    assertCheck(() -> AuthKeySessions.authKeyIdOf(new byte[4]), Check.MESSAGE_LENGTH,
        "has no auth_key_id");
  }

  private Object receive(Direction direction, byte[] message) {
    Instant now = T0;
    return direction == Direction.SERVER_TO_CLIENT ? client.receive(message, now)
        : server.server.receive(message, now);
  }
}
