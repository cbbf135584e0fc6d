package dev.jgram.mtproto.crypto;

import java.security.GeneralSecurityException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256 in counter mode whose key stream continues across calls: processing 10 bytes and
 * then 22 gives the same output as processing the 32 at once. The 16-byte IV is the initial
 * counter block, incremented as a 128-bit big-endian integer. Encryption and decryption are
 * the same operation. Obfuscated2 keeps one instance per direction for a connection's life.
 *
 * <p>Not thread-safe: one instance belongs to one stream direction.
 */
public final class AesCtr {
  private final Cipher cipher;

  /** Starts a key stream at counter block {@code iv}. */
  public AesCtr(byte[] key, byte[] iv) {
    if (key.length != 32) {
      throw new IllegalArgumentException("AES-256-CTR key is " + key.length
          + " bytes; expected 32");
    }
    if (iv.length != 16) {
      throw new IllegalArgumentException("AES-256-CTR iv is " + iv.length + " bytes; expected 16");
    }
    try {
      cipher = Cipher.getInstance("AES/CTR/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(key, "AES"), new IvParameterSpec(iv));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/CTR/NoPadding is unavailable in this JDK", e);
    }
  }

  /** XORs the next {@code data.length} key-stream bytes into a copy of {@code data}. */
  public byte[] process(byte[] data) {
    byte[] out = data.clone();
    process(out, 0, out.length);
    return out;
  }

  /** XORs the next {@code length} key-stream bytes into {@code buffer} in place. */
  public void process(byte[] buffer, int offset, int length) {
    if (length == 0) {
      return;
    }
    try {
      int written = cipher.update(buffer, offset, length, buffer, offset);
      if (written != length) {
        throw new IllegalStateException("AES-CTR produced " + written + " bytes for " + length);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-CTR update failed", e);
    }
  }
}
