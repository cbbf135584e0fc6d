package dev.jgram.mtproto.crypto;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES in Infinite Garble Extension mode, built on the JDK's AES (and its AES-NI intrinsics).
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
 * <p><b>Encryption runs as one CBC pass.</b> With y[i] = AES_enc(p[i] XOR c[i-1]) we have
 * c[i] = y[i] XOR p[i-1], so the AES input is p[i] XOR p[i-2] XOR y[i-1]: that is CBC over
 * q[i] = p[i] XOR p[i-2] (p[-2] = 0) with IV c[-1]. The JDK's {@code AES/CBC/NoPadding} does
 * the whole chain in one intrinsic call; two XOR passes around it make IGE of it.
 * <b>Decryption</b> needs AES_dec of a value that depends on the previous output, which no JDK
 * mode provides, so it runs block by block on {@code AES/ECB/NoPadding} without allocating.
 * Cipher objects are cached per thread.
 *
 * <p>The input length must be a multiple of 16; no padding is added.
 */
public final class AesIge {
  private static final int BLOCK = 16;
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final ThreadLocal<Cipher> CBC = ThreadLocal.withInitial(
      () -> instance("AES/CBC/NoPadding"));
  private static final ThreadLocal<Cipher> ECB = ThreadLocal.withInitial(
      () -> instance("AES/ECB/NoPadding"));

  private AesIge() {}

  /** Encrypts {@code plaintext}; returns a new array of the same length. */
  public static byte[] encrypt(byte[] plaintext, byte[] key, byte[] iv) {
    check(plaintext.length, iv);
    byte[] out = new byte[plaintext.length];
    encrypt(plaintext, 0, plaintext.length, key, iv, out, 0);
    return out;
  }

  /**
   * Encrypts {@code length} bytes of {@code in} at {@code inAt} into {@code out} at
   * {@code outAt}; the two ranges must not overlap.
   */
  static void encrypt(byte[] in, int inAt, int length, byte[] key, byte[] iv, byte[] out,
      int outAt) {
    check(length, iv);
    for (int i = 0; i < length; i += BLOCK) {
      // q[0] = p[0]; q[1] = p[1] ^ p[-1] (iv 16..31); q[i] = p[i] ^ p[i-2]
      if (i == 0) {
        System.arraycopy(in, inAt, out, outAt, BLOCK);
      } else if (i == BLOCK) {
        xorBlock(in, inAt + i, iv, BLOCK, out, outAt + i);
      } else {
        xorBlock(in, inAt + i, in, inAt + i - 2 * BLOCK, out, outAt + i);
      }
    }
    Cipher cipher = init(CBC.get(), Cipher.ENCRYPT_MODE, key, iv);
    try {
      cipher.doFinal(out, outAt, length, out, outAt);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CBC failed on " + length + " bytes", e);
    }
    // c[i] = y[i] ^ p[i-1], p[-1] = iv 16..31
    for (int i = 0; i < length; i += BLOCK) {
      if (i == 0) {
        xorBlock(out, outAt, iv, BLOCK, out, outAt);
      } else {
        xorBlock(out, outAt + i, in, inAt + i - BLOCK, out, outAt + i);
      }
    }
  }

  /** Decrypts {@code ciphertext}; returns a new array of the same length. */
  public static byte[] decrypt(byte[] ciphertext, byte[] key, byte[] iv) {
    return decrypt(ciphertext, 0, ciphertext.length, key, iv);
  }

  /** Decrypts {@code length} bytes of {@code in} at {@code inAt} into a new array. */
  static byte[] decrypt(byte[] in, int inAt, int length, byte[] key, byte[] iv) {
    check(length, iv);
    Cipher cipher = init(ECB.get(), Cipher.DECRYPT_MODE, key, null);
    byte[] out = new byte[length];
    byte[] block = new byte[BLOCK];
    try {
      for (int i = 0; i < length; i += BLOCK) {
        // block = c[i] ^ p[i-1]; p[i] = AES_dec(block) ^ c[i-1]
        if (i == 0) {
          xorBlock(in, inAt, iv, BLOCK, block, 0);
        } else {
          xorBlock(in, inAt + i, out, i - BLOCK, block, 0);
        }
        cipher.update(block, 0, BLOCK, out, i);
        if (i == 0) {
          xorBlock(out, 0, iv, 0, out, 0);
        } else {
          xorBlock(out, i, in, inAt + i - BLOCK, out, i);
        }
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/ECB failed on one block", e);
    }
    return out;
  }

  private static void xorBlock(byte[] a, int aAt, byte[] b, int bAt, byte[] out, int outAt) {
    long low = (long) LONGS.get(a, aAt) ^ (long) LONGS.get(b, bAt);
    long high = (long) LONGS.get(a, aAt + 8) ^ (long) LONGS.get(b, bAt + 8);
    LONGS.set(out, outAt, low);
    LONGS.set(out, outAt + 8, high);
  }

  private static void check(int length, byte[] iv) {
    if (length % BLOCK != 0) {
      throw new IllegalArgumentException(
          "AES-IGE input is " + length + " bytes; expected a multiple of 16");
    }
    if (iv.length != 2 * BLOCK) {
      throw new IllegalArgumentException("AES-IGE iv is " + iv.length + " bytes; expected 32");
    }
  }

  private static Cipher init(Cipher cipher, int mode, byte[] key, byte[] iv) {
    try {
      if (iv == null) {
        cipher.init(mode, new SecretKeySpec(key, "AES"));
      } else {
        cipher.init(mode, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv, 0, BLOCK));
      }
      return cipher;
    } catch (GeneralSecurityException | IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "AES key of " + key.length + " bytes rejected; expected 16, 24 or 32", e);
    }
  }

  private static Cipher instance(String transformation) {
    try {
      return Cipher.getInstance(transformation);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(transformation + " is unavailable in this JDK", e);
    }
  }
}
