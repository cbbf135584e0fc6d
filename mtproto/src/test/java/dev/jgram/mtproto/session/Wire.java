package dev.jgram.mtproto.session;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.AesIge;
import dev.jgram.mtproto.crypto.AesKeyIv;
import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.crypto.MessageKeys;
import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.Envelope.Plain;
import dev.jgram.mtproto.tl.MessageContainer;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Builds and reads raw encrypted messages for tests, bypassing the sessions' own rules. */
final class Wire {
  static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
  static final byte[] KEY = bytes(256, 1);
  static final long FIRST_SALT = 0x1122334455667788L;
  /** An API query body: help.getConfig#c4f9186b. */
  static final byte[] GET_CONFIG = new TlWriter().writeInt(0xc4f9186b).toByteArray();

  private Wire() {}

  /** One message as the session layer sees it, with its body decoded if it is a service one. */
  record Msg(long msgId, int seqNo, byte[] body) {
    int id() {
      return ServiceTl.id(body);
    }

    TlObject object() {
      return ServiceTl.decode(body);
    }

    /** The constructor name; rpc_result is named without decoding its API result. */
    String name() {
      return id() == ServiceTl.RPC_RESULT ? "rpc_result" : object().name();
    }
  }

  static byte[] bytes(int n, long seed) {
    byte[] out = new byte[n];
    new Random(seed).nextBytes(out);
    return out;
  }

  static RandomSource random(long seed) {
    return new Random(seed)::nextBytes;
  }

  /** The client msg_id at {@code seconds} after T0, number {@code n} within that second. */
  static long clientId(long seconds, int n) {
    return ((T0.getEpochSecond() + seconds) << 32) + 4L * n;
  }

  static byte[] toServer(long salt, long sessionId, long msgId, int seqNo, byte[] body) {
    return Envelope.seal(KEY, new Plain(salt, sessionId, msgId, seqNo, body),
        Direction.CLIENT_TO_SERVER, random(msgId));
  }

  static byte[] toClient(long salt, long sessionId, long msgId, int seqNo, byte[] body) {
    return Envelope.seal(KEY, new Plain(salt, sessionId, msgId, seqNo, body),
        Direction.SERVER_TO_CLIENT, random(msgId));
  }

  /** Opens what a client sent, as the server would. */
  static Plain openFromServerSide(byte[] encrypted) {
    return Envelope.open(KEY, encrypted, Direction.CLIENT_TO_SERVER);
  }

  static Plain openFromServer(byte[] encrypted) {
    return Envelope.open(KEY, encrypted, Direction.SERVER_TO_CLIENT);
  }

  /** The messages of server replies, containers opened, in order. */
  static List<Msg> fromServer(List<byte[]> replies) {
    List<Msg> out = new ArrayList<>();
    for (byte[] reply : replies) {
      Plain p = openFromServer(reply);
      if (ServiceTl.id(p.body()) == MessageContainer.ID) {
        for (Framed f : Containers.unpack(p.body())) {
          out.add(new Msg(f.msgId(), f.seqNo(), f.body()));
        }
      } else {
        out.add(new Msg(p.msgId(), p.seqNo(), p.body()));
      }
    }
    return out;
  }

  /**
   * Encrypts an already padded plaintext as is (any padding length), with an honest msg_key,
   * so that only the checks after msg_key can fail.
   */
  static byte[] sealPadded(byte[] padded, Direction direction) {
    byte[] msgKey = MessageKeys.msgKey(KEY, padded, direction);
    AesKeyIv keyIv = MessageKeys.aesKeyIv(KEY, msgKey, direction);
    byte[] encrypted = AesIge.encrypt(padded, keyIv.key(), keyIv.iv());
    byte[] out = new byte[24 + encrypted.length];
    System.arraycopy(AuthKeyHashes.keyIdBytes(KEY), 0, out, 0, 8);
    System.arraycopy(msgKey, 0, out, 8, 16);
    System.arraycopy(encrypted, 0, out, 24, encrypted.length);
    return out;
  }

  /** A plaintext header claiming {@code dataLength} bytes, followed by {@code total} bytes. */
  static byte[] plaintext(long sessionId, long msgId, int dataLength, int total) {
    byte[] header = new TlWriter().writeLong(FIRST_SALT).writeLong(sessionId).writeLong(msgId)
        .writeInt(0).writeInt(dataLength).writeInt(ServiceTl.MSGS_ACK).writeInt(0x1cb5c415)
        .writeInt(0).toByteArray();
    return java.util.Arrays.copyOf(header, total);
  }

  static byte[] container(Framed... messages) {
    List<MessageContainer.Message> inner = new ArrayList<>();
    for (Framed f : messages) {
      inner.add(new MessageContainer.Message(f.msgId(), f.seqNo(), f.body()));
    }
    return MessageContainer.encode(inner);
  }

  static byte[] service(String name, Object... fields) {
    return ServiceTl.encode(TlObject.of(name, fields));
  }
}
