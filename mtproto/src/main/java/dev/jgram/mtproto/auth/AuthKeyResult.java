package dev.jgram.mtproto.auth;

/**
 * What a completed key exchange yields.
 *
 * @param authKey the 256-byte auth key; a secret
 * @param timeOffset server_time minus the client's clock, in seconds
 * @param firstSalt the first server salt
 */
public record AuthKeyResult(byte[] authKey, int timeOffset, long firstSalt) {

  /** Copies the key. */
  public AuthKeyResult {
    authKey = authKey.clone();
  }

  /** A copy of authKey. */

  @Override
  public byte[] authKey() {
    return authKey.clone();
  }

  @Override
  public String toString() {
    return "AuthKeyResult[authKey=secret, timeOffset=" + timeOffset + ", firstSalt="
        + firstSalt + "]";
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof AuthKeyResult that && java.util.Arrays.equals(authKey, that.authKey)
        && timeOffset == that.timeOffset && firstSalt == that.firstSalt;
  }

  @Override
  public int hashCode() {
    return java.util.Arrays.hashCode(authKey) * 31 + Long.hashCode(firstSalt) + timeOffset;
  }
}
