package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.crypto.AuthKeyHashes;
import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.crypto.Mtproto1Cipher;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlSchema;
import dev.jgram.mtproto.tl.TlWriter;
import java.util.function.LongFunction;

/**
 * Both halves of binding a temporary key to a permanent one (perfect forward secrecy,
 * core.telegram.org/method/auth.bindTempAuthKey). The client sends, on the temporary key,
 *
 * <pre>
 * auth.bindTempAuthKey perm_auth_key_id nonce expires_at encrypted_message
 *
 * encrypted_message = MTProto 1.0 encryption ({@link Mtproto1Cipher}) with the PERMANENT key of
 *   | random:int128 | msg_id:long | seqno:int = 0 | length:int = 40 | bind_auth_key_inner |
 * bind_auth_key_inner nonce temp_auth_key_id perm_auth_key_id temp_session_id expires_at
 * </pre>
 *
 * <p>msg_id is the id of the message that carries the request, temp_session_id its session.
 * The server decrypts with the permanent key named by perm_auth_key_id and checks every field
 * against the outer request and the message it came in. Client randomness is drawn in this
 * order: nonce (8), the 16 random bytes, the 0..15 padding bytes.
 */
public final class TempKeyBinding {
  private static final TlCodec CODEC = new TlCodec(TlSchema.jgram());
  private static final int INNER_LENGTH = 40;

  private TempKeyBinding() {}

  /**
   * What a checked binding binds.
   *
   * @param permAuthKeyId the permanent key's id
   * @param tempAuthKeyId the temporary key's id
   * @param expiresAt when the binding (and the temporary key) expires, unix time
   */
  public record Bound(long permAuthKeyId, long tempAuthKeyId, int expiresAt) {}

  /**
   * The client half: the {@code auth.bindTempAuthKey} call to send on the temporary key.
   *
   * @param permAuthKey the permanent key (256 bytes)
   * @param tempAuthKey the temporary key the request travels on (256 bytes)
   * @param tempSessionId the session the request travels in
   * @param msgId the msg_id the request will be sent with
   * @param expiresAt the unix time the binding ends; normally the temporary key's expiry
   * @param random nonce, random prefix and padding
   */
  public static TlObject request(byte[] permAuthKey, byte[] tempAuthKey, long tempSessionId,
      long msgId, int expiresAt, RandomSource random) {
    long nonce = Numbers.littleEndianLong(random.bytes(8), 0);
    long permId = AuthKeyHashes.keyId(permAuthKey);
    byte[] inner = CODEC.encode(TlObject.of("bind_auth_key_inner", "nonce", nonce,
        "temp_auth_key_id", AuthKeyHashes.keyId(tempAuthKey), "perm_auth_key_id", permId,
        "temp_session_id", tempSessionId, "expires_at", expiresAt));
    byte[] plaintext = new TlWriter().writeRaw(random.bytes(16)).writeLong(msgId).writeInt(0)
        .writeInt(inner.length).writeRaw(inner).toByteArray();
    byte[] encrypted = Mtproto1Cipher.encrypt(permAuthKey, plaintext,
        Direction.CLIENT_TO_SERVER, random);
    return TlObject.of("auth.bindTempAuthKey", "perm_auth_key_id", permId, "nonce", nonce,
        "expires_at", expiresAt, "encrypted_message", encrypted);
  }

  /**
   * The server half: checks an {@code auth.bindTempAuthKey} call.
   *
   * @param request the decoded call
   * @param msgId the msg_id of the message that carried it
   * @param tempAuthKeyId the key id of the (temporary) key it came on
   * @param tempSessionId the session it came in
   * @param permanentKeys the stored permanent key with an id, or null if there is none
   * @throws TempKeyBindingException naming the first check that fails
   */
  public static Bound check(TlObject request, long msgId, long tempAuthKeyId,
      long tempSessionId, LongFunction<byte[]> permanentKeys) {
    if (!request.name().equals("auth.bindTempAuthKey")) {
      throw new TempKeyBindingException("expected auth.bindTempAuthKey; got " + request.name());
    }
    long permId = request.longValue("perm_auth_key_id");
    byte[] permKey = permanentKeys.apply(permId);
    if (permKey == null) {
      throw new TempKeyBindingException(String.format(
          "perm_auth_key_id %016x names no stored key", permId));
    }
    TlObject inner = decryptInner((byte[]) request.get("encrypted_message"), permKey, msgId);
    require(inner.longValue("nonce") == request.longValue("nonce"), "nonce",
        "the request's nonce");
    require(inner.longValue("temp_auth_key_id") == tempAuthKeyId, "temp_auth_key_id",
        "the id of the key the request came on");
    require(inner.longValue("perm_auth_key_id") == permId, "perm_auth_key_id",
        "the request's perm_auth_key_id");
    require(inner.longValue("temp_session_id") == tempSessionId, "temp_session_id",
        "the session the request came in");
    require(inner.intValue("expires_at") == request.intValue("expires_at"), "expires_at",
        "the request's expires_at");
    return new Bound(permId, tempAuthKeyId, request.intValue("expires_at"));
  }

  private static TlObject decryptInner(byte[] encrypted, byte[] permKey, long msgId) {
    byte[] plaintext;
    try {
      plaintext = Mtproto1Cipher.decrypt(permKey, encrypted, Direction.CLIENT_TO_SERVER);
    } catch (SecurityCheckException | IllegalArgumentException e) {
      throw new TempKeyBindingException("encrypted_message: " + e.getMessage());
    }
    TlReader reader = new TlReader(plaintext, 16, plaintext.length - 16);
    long innerMsgId = reader.readLong();
    int seqno = reader.readInt();
    int length = reader.readInt();
    require(innerMsgId == msgId, "msg_id", "the msg_id of the message that carried it");
    require(seqno == 0, "seqno", "0");
    require(length == INNER_LENGTH, "message length", "40");
    try {
      TlObject inner = CODEC.decode(reader.readRaw(length));
      require(inner.name().equals("bind_auth_key_inner"), "constructor", "bind_auth_key_inner");
      return inner;
    } catch (TlException e) {
      throw new TempKeyBindingException("encrypted_message holds no bind_auth_key_inner: "
          + e.getMessage());
    }
  }

  private static void require(boolean ok, String field, String expected) {
    if (!ok) {
      throw new TempKeyBindingException("binding message: " + field + " is not "
          + expected);
    }
  }
}
