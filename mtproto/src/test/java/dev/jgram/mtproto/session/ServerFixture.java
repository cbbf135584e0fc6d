package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.FIRST_SALT;
import static dev.jgram.mtproto.session.Wire.KEY;
import static dev.jgram.mtproto.session.Wire.T0;

import dev.jgram.mtproto.session.Wire.Msg;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A server key with Telegram's salt periods, and one client session id talking to it. */
class ServerFixture {
  static final long SESSION = 0x0123456789abcdefL;
  static final Duration PERIOD = Duration.ofMinutes(30);
  static final Duration GRACE = Duration.ofSeconds(1800);

  final AuthKeySessions server;

  ServerFixture() {
    this(ServerOptions.defaults());
  }

  ServerFixture(ServerOptions options) {
    server = new AuthKeySessions(KEY, SaltSchedule.create(FIRST_SALT, T0, PERIOD, GRACE,
        Wire.random(7)), Wire.random(8), options);
  }

  ServerReceipt send(long msgId, int seqNo, byte[] body) {
    return send(FIRST_SALT, msgId, seqNo, body, T0);
  }

  ServerReceipt send(long salt, long msgId, int seqNo, byte[] body, Instant now) {
    return server.receive(Wire.toServer(salt, SESSION, msgId, seqNo, body), now);
  }

  /** Opens the session with query {@code clientId(0, 1)}, seqno 1; returns the session. */
  ServerSession open() {
    return send(Wire.clientId(0, 1), 1, Wire.GET_CONFIG).session().orElseThrow();
  }

  static List<Msg> replies(ServerReceipt receipt) {
    return Wire.fromServer(receipt.replies());
  }

  static Msg only(List<byte[]> replies) {
    List<Msg> messages = Wire.fromServer(replies);
    if (messages.size() != 1) {
      throw new AssertionError("expected one message, got " + messages.size());
    }
    return messages.get(0);
  }
}
