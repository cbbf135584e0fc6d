package dev.jgram.mtproto.auth;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * What the server half of a completed key exchange yields, for the key store and the call log.
 *
 * @param authKey the 256-byte auth key; a secret
 * @param authKeyId the key id, SHA1(auth_key) bytes 12..19 read little-endian
 * @param firstSalt the first server salt, new_nonce[0:8] XOR server_nonce[0:8] (little-endian)
 * @param expiresAt for a temporary key (p_q_inner_data_temp*), the unix time it expires:
 *     the server's clock at dh_gen_ok plus expires_in; 0 for a permanent key
 * @param dc the dc field the client sent, as sent (e.g. -2, 10002), or empty for
 *     p_q_inner_data and p_q_inner_data_temp
 * @param padding which RSA padding the client used
 * @param innerConstructor the inner data's constructor, e.g. "p_q_inner_data_dc"
 */
public record ServerAuthKey(byte[] authKey, long authKeyId, long firstSalt, long expiresAt,
    OptionalInt dc, RsaPadding padding, String innerConstructor) {

  /** Copies the key and checks it is 256 bytes. */
  public ServerAuthKey {
    if (authKey.length != 256) {
      throw new IllegalArgumentException("auth key is " + authKey.length + " bytes; expected 256");
    }
    authKey = authKey.clone();
    Objects.requireNonNull(dc, "dc");
    Objects.requireNonNull(padding, "padding");
    Objects.requireNonNull(innerConstructor, "innerConstructor");
  }

  /** A copy of authKey. */
  @Override
  public byte[] authKey() {
    return authKey.clone();
  }

  /** Whether the client asked for a temporary key (perfect forward secrecy). */
  public boolean temporary() {
    return expiresAt != 0;
  }

  @Override
  public String toString() {
    return "ServerAuthKey[authKeyId=" + HexFormat.of().toHexDigits(authKeyId) + ", firstSalt="
        + firstSalt + ", expiresAt=" + expiresAt + ", dc=" + dc + ", padding="
        + padding.logName() + ", inner=" + innerConstructor + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServerAuthKey that && Arrays.equals(authKey, that.authKey)
        && authKeyId == that.authKeyId && firstSalt == that.firstSalt
        && expiresAt == that.expiresAt && dc.equals(that.dc) && padding == that.padding
        && innerConstructor.equals(that.innerConstructor);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(authKey) * 31 + Long.hashCode(authKeyId);
  }
}
