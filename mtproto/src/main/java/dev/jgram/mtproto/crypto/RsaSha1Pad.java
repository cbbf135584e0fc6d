package dev.jgram.mtproto.crypto;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;

/**
 * The older RSA padding of {@code p_q_inner_data}, which Pyrogram still sends:
 *
 * <pre>
 * data_with_hash = SHA1(data) + data + random bytes      (exactly 255 bytes; data &lt;= 235)
 * encrypted_data = data_with_hash ^ e mod n, 256 bytes big-endian
 * </pre>
 */
public final class RsaSha1Pad {
  /** The largest {@code data} this scheme accepts. */
  public static final int MAX_DATA = 235;
  private static final int WITH_HASH = 255;

  private RsaSha1Pad() {}

  /** Encrypts {@code data} for {@code key}; returns 256 bytes. */
  public static byte[] encrypt(byte[] data, RsaPublicKey key, RandomSource random) {
    if (data.length > MAX_DATA) {
      throw new IllegalArgumentException("SHA-1 padded RSA data is " + data.length
          + " bytes; expected at most " + MAX_DATA);
    }
    byte[] withHash = Hashes.sha1Prefixed(data,
        random.bytes(WITH_HASH - 20 - data.length));
    return key.encryptRaw(Bytes.unsigned(withHash));
  }

  /**
   * Decrypts with the private key; returns the 235 bytes after the hash (data plus padding).
   * Call {@link #checkHash} once the TL decoder knows how long the data is.
   */
  public static byte[] decrypt(byte[] encrypted, RSAPrivateKey key) {
    BigInteger value = Bytes.unsigned(encrypted);
    if (value.compareTo(key.getModulus()) >= 0) {
      throw new SecurityCheckException("RSA ciphertext is not smaller than the modulus");
    }
    return Bytes.unsignedBigEndian(value.modPow(key.getPrivateExponent(), key.getModulus()),
        256);
  }

  /**
   * Decrypts with a data centre's key; returns 256 bytes whose first is 0 for a well-formed
   * message, then the hash, then data and padding. Call {@link #checkHash} next.
   *
   * @throws SecurityCheckException if the ciphertext is not below the modulus
   */
  public static byte[] decrypt(byte[] encrypted, RsaPrivateKey key) {
    return key.decrypt(encrypted);
  }

  /**
   * Checks the SHA-1 at the front of a {@link #decrypt} result against its first
   * {@code dataLength} data bytes and returns those bytes.
   *
   * @throws SecurityCheckException if the hash does not match
   */
  public static byte[] checkHash(byte[] decrypted, int dataLength) {
    // decrypted[0] is the leading zero of the 255-byte value inside 256 bytes
    if (decrypted[0] != 0 || dataLength > MAX_DATA || dataLength < 0) {
      throw new SecurityCheckException("SHA-1 padded RSA data is malformed (length "
          + dataLength + ", first byte " + (decrypted[0] & 0xFF) + ")");
    }
    byte[] data = Bytes.slice(decrypted, 21, dataLength);
    if (!MessageDigest.isEqual(Hashes.sha1(data), Bytes.slice(decrypted, 1, 20))) {
      throw new SecurityCheckException("SHA-1 padded RSA data hash mismatch");
    }
    return data;
  }

  /** The bytes after hash, where a TL decoder should start reading. */
  public static byte[] payload(byte[] decrypted) {
    return Bytes.slice(decrypted, 21, MAX_DATA);
  }
}
