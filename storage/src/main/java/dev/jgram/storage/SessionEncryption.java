package dev.jgram.storage;

import dev.jgram.storage.file.AuthKeyAtRest;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * How a file session keeps its auth key at rest: in clear, as Pyrogram does ({@link #none()}),
 * or encrypted with AES-256-GCM under a key from a passphrase ({@link #passphrase(char[])},
 * through PBKDF2WithHmacSHA256 with {@value #PBKDF2_ITERATIONS} iterations and a random
 * 16-byte salt) or a raw 32-byte key ({@link #rawKey(byte[])}).
 *
 * <p>Pass it with {@link StorageConfig#withEncryption(SessionEncryption)}. An encrypted file
 * keeps {@code sessions.auth_key} NULL (Pyrogram sees a session without a key and cannot
 * misuse it) and the sealed key in a {@code jgram_} table; the rest of the session and the
 * peer cache stay readable. Opening an encrypted file without the key, or with a wrong one,
 * fails at once with an {@link EncryptedSessionException} and writes nothing.
 *
 * <p>{@code toString()} names the method only, never the passphrase or the key.
 */
public final class SessionEncryption {
  /** PBKDF2 iterations for a passphrase: OWASP's 2023 figure for PBKDF2-HMAC-SHA256. */
  public static final int PBKDF2_ITERATIONS = 600_000;

  /** The environment variable holding a raw key: 32 bytes in base64 (either alphabet). */
  public static final String KEY_VARIABLE = "JGRAM_SESSION_KEY";

  /** The environment variable holding a passphrase (used when no raw key is set). */
  public static final String PASSPHRASE_VARIABLE = "JGRAM_SESSION_PASSPHRASE";

  /** The length of a raw key, in bytes. */
  public static final int RAW_KEY_BYTES = 32;

  /** Where the key comes from. */
  public enum Kind { NONE, PASSPHRASE, RAW_KEY }

  private static final SessionEncryption NONE = new SessionEncryption(Kind.NONE, null, null, 0);

  private final Kind kind;
  private final char[] passphrase;
  private final byte[] rawKey;
  private final int iterations;

  private SessionEncryption(Kind kind, char[] passphrase, byte[] rawKey, int iterations) {
    this.kind = kind;
    this.passphrase = passphrase;
    this.rawKey = rawKey;
    this.iterations = iterations;
  }

  /** No encryption: the auth key is stored in clear, as Pyrogram stores it (the default). */
  public static SessionEncryption none() {
    return NONE;
  }

  /**
   * Encryption under a key derived from {@code passphrase} (copied; the caller may clear
   * its array afterwards).
   *
   * @throws IllegalArgumentException if the passphrase is null or empty
   */
  public static SessionEncryption passphrase(char[] passphrase) {
    return passphrase(passphrase, PBKDF2_ITERATIONS);
  }

  /** As {@link #passphrase(char[])} with another iteration count (tests use fewer). */
  static SessionEncryption passphrase(char[] passphrase, int iterations) {
    if (passphrase == null || passphrase.length == 0) {
      throw new IllegalArgumentException("passphrase is empty; expected at least one character");
    }
    if (iterations < 1) {
      throw new IllegalArgumentException("iterations must be positive, was " + iterations);
    }
    return new SessionEncryption(Kind.PASSPHRASE, passphrase.clone(), null, iterations);
  }

  /**
   * Encryption under a raw AES-256 key (copied).
   *
   * @throws IllegalArgumentException if the key is not exactly 32 bytes
   */
  public static SessionEncryption rawKey(byte[] key) {
    if (key == null || key.length != RAW_KEY_BYTES) {
      throw new IllegalArgumentException("raw session key has "
          + (key == null ? "no" : Integer.toString(key.length)) + " bytes; expected "
          + RAW_KEY_BYTES);
    }
    return new SessionEncryption(Kind.RAW_KEY, null, key.clone(), 0);
  }

  /**
   * The encryption the environment asks for: a raw key from {@value #KEY_VARIABLE} (base64 of
   * 32 bytes), else a passphrase from {@value #PASSPHRASE_VARIABLE}, else {@link #none()}.
   *
   * @throws IllegalArgumentException if {@value #KEY_VARIABLE} is set but is not base64 of
   *     32 bytes (the message never quotes it)
   */
  public static SessionEncryption fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  /**
   * As {@link #fromEnvironment()}, from the given variables (a tool's own environment).
   *
   * @throws IllegalArgumentException if {@value #KEY_VARIABLE} is set but is not base64 of
   *     32 bytes (the message never quotes it)
   */
  public static SessionEncryption fromEnvironment(Map<String, String> env) {
    String key = env.get(KEY_VARIABLE);
    if (key != null && !key.isBlank()) {
      return rawKey(decodeKey(key.strip()));
    }
    String passphrase = env.get(PASSPHRASE_VARIABLE);
    if (passphrase != null && !passphrase.isEmpty()) {
      return passphrase(passphrase.toCharArray());
    }
    return NONE;
  }

  private static byte[] decodeKey(String text) {
    String urlSafe = text.replace('+', '-').replace('/', '_');
    byte[] key;
    try {
      key = Base64.getUrlDecoder().decode(urlSafe);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(KEY_VARIABLE + " is not base64 (" + text.length()
          + " characters); expected " + RAW_KEY_BYTES + " bytes in base64");
    }
    if (key.length != RAW_KEY_BYTES) {
      int n = key.length;
      Arrays.fill(key, (byte) 0);
      throw new IllegalArgumentException(KEY_VARIABLE + " decodes to " + n
          + " bytes; expected " + RAW_KEY_BYTES);
    }
    return key;
  }

  /**
   * How the auth key of a session file is encrypted, for example {@code "AES-256-GCM, key from
   * a passphrase via PBKDF2WithHmacSHA256, 600000 iterations"}; empty if it is kept in clear.
   * Needs no key and never changes the file.
   *
   * @throws InvalidSessionFileException if {@code sessionFile} is not a session file
   */
  public static java.util.Optional<String> describe(java.nio.file.Path sessionFile) {
    return AuthKeyAtRest.describe(sessionFile);
  }

  /** Whether the auth key is encrypted at rest. */
  public boolean enabled() {
    return kind != Kind.NONE;
  }

  /** Where the key comes from: none, a passphrase or a raw key. */
  public Kind kind() {
    return kind;
  }

  /** The PBKDF2 iterations a new sealed key uses with a passphrase (0 for a raw key). */
  public int iterations() {
    return iterations;
  }

  /**
   * The AES-256 key for a sealed auth key: the raw key itself, or PBKDF2-HMAC-SHA256 of the
   * passphrase with {@code salt} and {@code iterations} (the file's own, when it is opened).
   * The file engine calls it; it costs the iterations' time. Only for an enabled encryption.
   */
  public SecretKeySpec aesKey(byte[] salt, int iterations) {
    if (kind == Kind.RAW_KEY) {
      return new SecretKeySpec(rawKey, "AES"); // which keeps a copy of its own
    }
    char[] secret = passphrase.clone();
    PBEKeySpec spec = new PBEKeySpec(secret, salt, iterations, 256);
    try {
      byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
          .generateSecret(spec).getEncoded();
      try {
        return new SecretKeySpec(derived, "AES");
      } finally {
        Arrays.fill(derived, (byte) 0);
      }
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("PBKDF2WithHmacSHA256 is required by every Java platform",
          e);
    } finally {
      spec.clearPassword();
      Arrays.fill(secret, '\0');
    }
  }

  /** Names the method, never the secret. */
  @Override
  public String toString() {
    return switch (kind) {
      case NONE -> "SessionEncryption[none]";
      case PASSPHRASE -> "SessionEncryption[AES-256-GCM, passphrase, PBKDF2WithHmacSHA256, "
          + iterations + " iterations]";
      case RAW_KEY -> "SessionEncryption[AES-256-GCM, raw 256-bit key]";
    };
  }
}
