package dev.jgram.mtproto.crypto;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.SecurityCheckException;
import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.interfaces.RSAPrivateKey;

/**
 * RSA_PAD, the padding of {@code p_q_inner_data} for {@code req_DH_params} since 2021.
 *
 * <pre>
 * data_with_padding  = data + random bytes                 (exactly 192 bytes; data &lt;= 144)
 * data_pad_reversed  = BYTE_REVERSE(data_with_padding)
 * temp_key           = 32 random bytes
 * data_with_hash     = data_pad_reversed + SHA256(temp_key + data_with_padding)    (224 bytes)
 * aes_encrypted      = AES256_IGE(data_with_hash, temp_key, iv = 32 zero bytes)
 * temp_key_xor       = temp_key XOR SHA256(aes_encrypted)
 * key_aes_encrypted  = temp_key_xor + aes_encrypted                               (256 bytes)
 *   -- if key_aes_encrypted &gt;= n, draw a new temp_key and repeat
 * encrypted_data     = key_aes_encrypted ^ e mod n, 256 bytes big-endian
 * </pre>
 *
 * <p>Randomness is drawn in this order: the padding, then each temp_key. The inverse, with
 * the private key, is what a data centre runs.
 */
public final class RsaPad {
  /** The largest {@code data} RSA_PAD accepts. */
  public static final int MAX_DATA = 144;
  private static final int PADDED = 192;
  private static final byte[] ZERO_IV = new byte[32];

  private RsaPad() {}

  /** Encrypts {@code data} for {@code key}; returns 256 bytes. */
  public static byte[] encrypt(byte[] data, RsaPublicKey key, RandomSource random) {
    if (data.length > MAX_DATA) {
      throw new IllegalArgumentException("RSA_PAD data is " + data.length
          + " bytes; expected at most " + MAX_DATA);
    }
    byte[] withPadding = Bytes.concat(data, random.bytes(PADDED - data.length));
    byte[] reversed = Bytes.reversed(withPadding);
    while (true) {
      byte[] tempKey = random.bytes(32);
      byte[] withHash = Bytes.concat(reversed, Hashes.sha256(tempKey, withPadding));
      byte[] aesEncrypted = AesIge.encrypt(withHash, tempKey, ZERO_IV);
      byte[] tempKeyXor = Bytes.xor(tempKey, Hashes.sha256(aesEncrypted));
      BigInteger value = Bytes.unsigned(Bytes.concat(tempKeyXor, aesEncrypted));
      if (value.compareTo(key.modulus()) < 0) {
        return key.encryptRaw(value);
      }
    }
  }

  /**
   * Inverts {@link #encrypt}: returns the 192-byte data_with_padding; the caller's TL decoder
   * finds where the data ends.
   *
   * @throws SecurityCheckException if the SHA-256 inside does not match
   */
  public static byte[] decrypt(byte[] encrypted, RSAPrivateKey key) {
    BigInteger value = Bytes.unsigned(encrypted);
    if (value.compareTo(key.getModulus()) >= 0) {
      throw new SecurityCheckException("RSA_PAD ciphertext is not smaller than the modulus");
    }
    return unwrap(Bytes.unsignedBigEndian(
        value.modPow(key.getPrivateExponent(), key.getModulus()), 256));
  }

  /**
   * Inverts {@link #encrypt} with a data centre's key; returns the 192-byte data_with_padding.
   *
   * @throws SecurityCheckException if the ciphertext is not below the modulus or the SHA-256
   *     inside does not match
   */
  public static byte[] decrypt(byte[] encrypted, RsaPrivateKey key) {
    return unwrap(key.decrypt(encrypted));
  }

  /**
   * The server decode after raw RSA ({@link RsaPrivateKey#decrypt}): temp_key, AES-IGE, byte
   * reversal, SHA-256 check. Returns the 192-byte data_with_padding.
   *
   * @throws SecurityCheckException if the SHA-256 inside does not match
   */
  public static byte[] unwrap(byte[] plain) {
    if (plain.length != 256) {
      throw new SecurityCheckException("RSA_PAD needs a 2048-bit key; the decrypted value is "
          + plain.length + " bytes");
    }
    byte[] aesEncrypted = Bytes.slice(plain, 32, 224);
    byte[] tempKey = Bytes.xor(Bytes.slice(plain, 0, 32), Hashes.sha256(aesEncrypted));
    byte[] withHash = AesIge.decrypt(aesEncrypted, tempKey, ZERO_IV);
    byte[] withPadding = Bytes.reversed(Bytes.slice(withHash, 0, PADDED));
    byte[] expected = Hashes.sha256(tempKey, withPadding);
    if (!MessageDigest.isEqual(expected, Bytes.slice(withHash, PADDED, 32))) {
      throw new SecurityCheckException(
          "RSA_PAD hash mismatch: SHA256(temp_key + data_with_padding) differs");
    }
    return withPadding;
  }
}
