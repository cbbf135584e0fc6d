package dev.jgram.mtproto.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in Infinite Garble Extension mode, built on the JDK's {@code AES/ECB/NoPadding}.
 *
 * <p>MTProto uses it with a 256-bit key; any AES key length works (OpenSSL's reference
 * vectors use 128-bit keys). The 32-byte IV is split as Telegram and OpenSSL split it:
 *
 * <pre>
 * | iv bytes | role                                  |
 * |----------|---------------------------------------|
 * | 0..15    | c[-1], the "previous ciphertext" block |
 * | 16..31   | p[-1], the "previous plaintext" block  |
 *
 * encrypt: c[i] = AES_enc(p[i] XOR c[i-1]) XOR p[i-1]
 * decrypt: p[i] = AES_dec(c[i] XOR p[i-1]) XOR c[i-1]
 * </pre>
 *
 * <p>The input length must be a multiple of 16; no padding is added.
 */
public final class AesIge {
  private static final int BLOCK = 16;

  private AesIge() {}

  /** Encrypts {@code plaintext}; returns a new array of the same length. */
  public static byte[] encrypt(byte[] plaintext, byte[] key, byte[] iv) {
    return run(plaintext, key, iv, true);
  }

  /** Decrypts {@code ciphertext}; returns a new array of the same length. */
  public static byte[] decrypt(byte[] ciphertext, byte[] key, byte[] iv) {
    return run(ciphertext, key, iv, false);
  }

  private static byte[] run(byte[] input, byte[] key, byte[] iv, boolean encrypt) {
    if (input.length % BLOCK != 0) {
      throw new IllegalArgumentException(
          "AES-IGE input is " + input.length + " bytes; expected a multiple of 16");
    }
    if (iv.length != 2 * BLOCK) {
      throw new IllegalArgumentException("AES-IGE iv is " + iv.length + " bytes; expected 32");
    }
    Cipher cipher = ecb(key, encrypt);
    // For encryption "chainIn" is c[i-1] and "chainOut" p[i-1]; decryption swaps the roles.
    byte[] chainIn = Bytes.slice(iv, encrypt ? 0 : BLOCK, BLOCK);
    byte[] chainOut = Bytes.slice(iv, encrypt ? BLOCK : 0, BLOCK);
    byte[] output = new byte[input.length];
    byte[] block = new byte[BLOCK];
    for (int at = 0; at < input.length; at += BLOCK) {
      for (int i = 0; i < BLOCK; i++) {
        block[i] = (byte) (input[at + i] ^ chainIn[i]);
      }
      byte[] processed = apply(cipher, block);
      for (int i = 0; i < BLOCK; i++) {
        output[at + i] = (byte) (processed[i] ^ chainOut[i]);
      }
      System.arraycopy(output, at, chainIn, 0, BLOCK);
      System.arraycopy(input, at, chainOut, 0, BLOCK);
    }
    return output;
  }

  private static Cipher ecb(byte[] key, boolean encrypt) {
    try {
      Cipher cipher = Cipher.getInstance("AES/ECB/NoPadding");
      cipher.init(encrypt ? Cipher.ENCRYPT_MODE : Cipher.DECRYPT_MODE,
          new SecretKeySpec(key, "AES"));
      return cipher;
    } catch (GeneralSecurityException e) {
      throw new IllegalArgumentException(
          "AES key of " + key.length + " bytes rejected; expected 16, 24 or 32", e);
    }
  }

  private static byte[] apply(Cipher cipher, byte[] block) {
    try {
      return cipher.update(block);
    } catch (IllegalStateException e) {
      throw new IllegalStateException("AES/ECB cipher failed on one block", e);
    }
  }
}
