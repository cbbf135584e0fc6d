package dev.jgram.storage.crypt;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.EncryptedSessionException;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.SessionEncryption;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals and opens an auth key for a file session under a {@link SessionEncryption}. The key is
 * derived once (PBKDF2 is slow on purpose) and reused for every seal, each with a fresh nonce.
 *
 * <table>
 *   <caption>Sealed auth key, version 1: 310 bytes</caption>
 *   <tr><th>offset</th><th>size</th><th>field</th></tr>
 *   <tr><td>0</td><td>4</td><td>magic {@code "JGAK"}</td></tr>
 *   <tr><td>4</td><td>1</td><td>version, 1</td></tr>
 *   <tr><td>5</td><td>1</td><td>key source: 1 raw 32-byte key, 2 PBKDF2WithHmacSHA256</td></tr>
 *   <tr><td>6</td><td>4</td><td>PBKDF2 iterations, uint32 big-endian (0 for a raw key)</td></tr>
 *   <tr><td>10</td><td>16</td><td>PBKDF2 salt (zeros for a raw key)</td></tr>
 *   <tr><td>26</td><td>12</td><td>AES-GCM nonce</td></tr>
 *   <tr><td>38</td><td>272</td><td>AES-256-GCM of the 256 key bytes, then the 16-byte tag;
 *       bytes 0..37 are the associated data, so no parameter can be changed unnoticed</td></tr>
 * </table>
 */
public final class SessionCipher {
  public static final int LENGTH = 310;
  public static final int MAX_ITERATIONS = 10_000_000;
  private static final byte[] MAGIC = {'J', 'G', 'A', 'K'};
  private static final int VERSION = 1;
  private static final int SOURCE_RAW = 1;
  private static final int SOURCE_PBKDF2 = 2;
  private static final int HEADER = 38;
  private static final int SALT_BYTES = 16;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKeySpec key;
  private final int source;
  private final int iterations;
  private final byte[] salt;

  private SessionCipher(SecretKeySpec key, int source, int iterations, byte[] salt) {
    this.key = key;
    this.source = source;
    this.iterations = iterations;
    this.salt = salt;
  }

  /** A cipher for a file that has no sealed key yet: a fresh salt, the key derived now. */
  public static SessionCipher create(SessionEncryption encryption) {
    byte[] salt = new byte[SALT_BYTES];
    if (encryption.kind() == SessionEncryption.Kind.PASSPHRASE) {
      RANDOM.nextBytes(salt);
      return new SessionCipher(encryption.aesKey(salt, encryption.iterations()),
          SOURCE_PBKDF2, encryption.iterations(), salt);
    }
    return new SessionCipher(encryption.aesKey(salt, 0), SOURCE_RAW, 0, salt);
  }

  /**
   * A cipher for {@code sealed}, written earlier under {@code encryption}, after checking
   * that it opens.
   *
   * @throws EncryptedSessionException if {@code encryption} is none, of the other kind, or
   *     wrong (the tag does not verify)
   * @throws InvalidSessionFileException if {@code sealed} is not a sealed key
   */
  public static SessionCipher unlock(SessionEncryption encryption, byte[] sealed, String file) {
    ByteBuffer b = header(sealed, file);
    int source = b.get(5);
    int iterations = b.getInt(6);
    byte[] salt = Arrays.copyOfRange(sealed, 10, 10 + SALT_BYTES);
    String method = method(source, iterations);
    if (!encryption.enabled()) {
      throw new EncryptedSessionException(EncryptedSessionException.Reason.KEY_REQUIRED, file
          + ": the auth key is encrypted (" + method + "); give the "
          + (source == SOURCE_PBKDF2 ? "passphrase (" + SessionEncryption.PASSPHRASE_VARIABLE
          : "raw key (" + SessionEncryption.KEY_VARIABLE) + " or StorageConfig.withEncryption)");
    }
    boolean passphrase = encryption.kind() == SessionEncryption.Kind.PASSPHRASE;
    if (passphrase != (source == SOURCE_PBKDF2)) {
      throw new EncryptedSessionException(EncryptedSessionException.Reason.WRONG_KEY, file
          + ": the auth key is encrypted with a " + (passphrase ? "raw key" : "passphrase")
          + " (" + method + "), but a " + (passphrase ? "passphrase" : "raw key")
          + " was given; nothing was written");
    }
    SessionCipher cipher = new SessionCipher(encryption.aesKey(salt, iterations), source,
        iterations, salt);
    byte[] plain = cipher.decrypt(sealed, file, method);
    Arrays.fill(plain, (byte) 0);
    return cipher;
  }

  /** Seals {@code authKey} with a fresh nonce. */
  public byte[] seal(AuthKey authKey) {
    byte[] nonce = new byte[NONCE_BYTES];
    RANDOM.nextBytes(nonce);
    ByteBuffer out = ByteBuffer.allocate(LENGTH);
    out.put(MAGIC).put((byte) VERSION).put((byte) source).putInt(iterations).put(salt)
        .put(nonce);
    byte[] plain = authKey.bytes();
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      c.updateAAD(out.array(), 0, HEADER);
      c.doFinal(plain, 0, plain.length, out.array(), HEADER);
      return out.array();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is required by every Java platform", e);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /**
   * Opens {@code sealed}, written under this cipher's key.
   *
   * @throws EncryptedSessionException if it does not authenticate
   * @throws InvalidSessionFileException if it is not a sealed key
   */
  public AuthKey open(byte[] sealed, String file) {
    ByteBuffer b = header(sealed, file);
    byte[] plain = decrypt(sealed, file, method(b.get(5), b.getInt(6)));
    try {
      return AuthKey.of(plain);
    } finally {
      Arrays.fill(plain, (byte) 0);
    }
  }

  /** The method, for messages and {@code jgram info}: never a secret. */
  public String method() {
    return method(source, iterations);
  }

  /**
   * The method {@code sealed} was written with, read from its header without any key.
   *
   * @throws InvalidSessionFileException if {@code sealed} is not a sealed key
   */
  public static String methodOf(byte[] sealed, String file) {
    ByteBuffer b = header(sealed, file);
    return method(b.get(5), b.getInt(6));
  }

  private byte[] decrypt(byte[] sealed, String file, String method) {
    try {
      Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
      c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 26, NONCE_BYTES));
      c.updateAAD(sealed, 0, HEADER);
      return c.doFinal(sealed, HEADER, LENGTH - HEADER);
    } catch (AEADBadTagException e) {
      throw new EncryptedSessionException(EncryptedSessionException.Reason.WRONG_KEY, file
          + ": wrong " + (source == SOURCE_PBKDF2 ? "passphrase" : "key")
          + ": the encrypted auth key does not authenticate under it (" + method
          + "); nothing was written");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES/GCM/NoPadding is required by every Java platform", e);
    }
  }

  private static ByteBuffer header(byte[] sealed, String file) {
    if (sealed == null || sealed.length != LENGTH) {
      throw corrupt(file, "has " + (sealed == null ? 0 : sealed.length) + " bytes; expected "
          + LENGTH);
    }
    ByteBuffer b = ByteBuffer.wrap(sealed);
    if (!Arrays.equals(sealed, 0, 4, MAGIC, 0, 4) || sealed[4] != VERSION) {
      throw corrupt(file, "does not start with \"JGAK\" version " + VERSION);
    }
    int source = sealed[5];
    int iterations = b.getInt(6);
    if (source == SOURCE_RAW ? iterations != 0
        : source != SOURCE_PBKDF2 || iterations < 1 || iterations > MAX_ITERATIONS) {
      throw corrupt(file, "has key source " + source + " with " + Integer.toUnsignedString(
          iterations) + " iterations; expected 1 with 0, or 2 with 1.." + MAX_ITERATIONS);
    }
    return b;
  }

  private static InvalidSessionFileException corrupt(String file, String problem) {
    return new InvalidSessionFileException(java.nio.file.Path.of(file), file
        + ": the encrypted auth key " + problem + "; the file is damaged");
  }

  private static String method(int source, int iterations) {
    return source == SOURCE_PBKDF2
        ? "AES-256-GCM, key from a passphrase via PBKDF2WithHmacSHA256, " + iterations
            + " iterations"
        : "AES-256-GCM, raw 256-bit key";
  }
}
