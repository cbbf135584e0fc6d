package dev.jgram.mtproto.session;

import dev.jgram.mtproto.session.SessionCheckException.Check;
import dev.jgram.mtproto.tl.GzipPacked;
import dev.jgram.mtproto.tl.MessageContainer;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlSchema;
import dev.jgram.mtproto.tl.TlWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;

/**
 * The MTProto service constructors the session layer reads and writes, with their ids, and
 * the codec over jgram's service schema ({@code mtproto.tl}) alone, so that no API layer is
 * involved. Fields declared {@code string} that hold raw bytes ({@code msgs_state_info.info})
 * are read by hand.
 */
final class ServiceTl {
  static final int MSGS_ACK = 0x62d6b459;
  static final int BAD_MSG_NOTIFICATION = 0xa7eff811;
  static final int BAD_SERVER_SALT = 0xedab447b;
  static final int MSGS_STATE_REQ = 0xda69fb52;
  static final int MSGS_STATE_INFO = 0x04deb57d;
  static final int MSGS_ALL_INFO = 0x8cc0d131;
  static final int MSG_DETAILED_INFO = 0x276d3ec6;
  static final int MSG_NEW_DETAILED_INFO = 0x809db6df;
  static final int MSG_RESEND_REQ = 0x7d861a08;
  static final int RPC_RESULT = 0xf35c6d01;
  static final int RPC_ERROR = 0x2144ca19;
  static final int RPC_ANSWER_UNKNOWN = 0x5e2ad36e;
  static final int RPC_ANSWER_DROPPED_RUNNING = 0xcd78e586;
  static final int RPC_ANSWER_DROPPED = 0xa43ad8b7;
  static final int FUTURE_SALTS = 0xae500895;
  static final int PONG = 0x347773c5;
  static final int DESTROY_SESSION_OK = 0xe22045fc;
  static final int DESTROY_SESSION_NONE = 0x62d350c9;
  static final int NEW_SESSION_CREATED = 0x9ec20908;
  static final int HTTP_WAIT = 0x9299359f;
  static final int RPC_DROP_ANSWER = 0x58e4a740;
  static final int GET_FUTURE_SALTS = 0xb921bd04;
  static final int PING = 0x7abe77ec;
  static final int PING_DELAY_DISCONNECT = 0xf3427b8c;
  static final int DESTROY_SESSION = 0xe7512126;
  static final int MSG_CONTAINER = MessageContainer.ID;
  /** {@code msg_copy#e06046b2 orig_message:Message} (core.telegram.org service messages). */
  static final int MSG_COPY = 0xe06046b2;
  static final int GZIP_PACKED = GzipPacked.ID;

  /** Service messages a client sends whose seqno parity the client chooses (§3.3). */
  private static final Set<Integer> EITHER_PARITY = Set.of(MSGS_ACK, PING, PING_DELAY_DISCONNECT,
      GET_FUTURE_SALTS, MSGS_STATE_REQ, MSG_RESEND_REQ, DESTROY_SESSION, HTTP_WAIT,
      RPC_DROP_ANSWER, MSGS_STATE_INFO, MSGS_ALL_INFO, MSG_DETAILED_INFO, MSG_NEW_DETAILED_INFO,
      PONG);

  private static final TlSchema SCHEMA = TlSchema.parse(serviceSchema());
  static final TlCodec CODEC = new TlCodec(SCHEMA);

  private ServiceTl() {}

  /** The constructor id a body starts with. */
  static int id(byte[] body) {
    if (body.length < 4) {
      throw new SessionCheckException(Check.MALFORMED_BODY, "message body of " + body.length
          + " bytes has no constructor id");
    }
    return new TlReader(body, 0, 4).readInt();
  }

  /** Whether {@code id} is a constructor or function of the service schema. */
  static boolean isService(int id) {
    return SCHEMA.byId(id).isPresent();
  }

  /** Whether a client sends this constructor with either seqno parity (not an API query). */
  static boolean eitherParity(int id) {
    return EITHER_PARITY.contains(id);
  }

  /** Decodes a service message; a failure is a {@link Check#MALFORMED_BODY}. */
  static TlObject decode(byte[] body) {
    try {
      return CODEC.decode(body);
    } catch (TlException e) {
      throw new SessionCheckException(Check.MALFORMED_BODY, String.format(
          "service message %08x does not decode: %s", id(body), e.getMessage()), e);
    }
  }

  static byte[] encode(TlObject object) {
    return CODEC.encode(object);
  }

  static List<Long> ids(TlObject object) {
    return object.list("msg_ids");
  }

  /** {@code rpc_result req_msg_id result}: the result is copied as it is. */
  static byte[] rpcResult(long reqMsgId, byte[] result) {
    return new TlWriter().writeInt(RPC_RESULT).writeLong(reqMsgId).writeRaw(result)
        .toByteArray();
  }

  /** {@code msgs_state_info req_msg_id info}, info being one status byte per asked id. */
  static byte[] msgsStateInfo(long reqMsgId, byte[] info) {
    return new TlWriter().writeInt(MSGS_STATE_INFO).writeLong(reqMsgId).writeBytes(info)
        .toByteArray();
  }

  /** The status bytes of a {@code msgs_state_info} (its {@code info} field, raw). */
  static byte[] stateInfoBytes(byte[] body) {
    try {
      TlReader reader = new TlReader(body);
      reader.readInt();
      reader.readLong();
      return reader.readBytes();
    } catch (TlException e) {
      throw new SessionCheckException(Check.MALFORMED_BODY,
          "msgs_state_info does not decode: " + e.getMessage(), e);
    }
  }

  private static String serviceSchema() {
    String path = "/dev/jgram/mtproto/tl/mtproto.tl";
    try (InputStream in = TlSchema.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("jgram schema resource " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("jgram schema resource " + path + " is unreadable", e);
    }
  }
}
