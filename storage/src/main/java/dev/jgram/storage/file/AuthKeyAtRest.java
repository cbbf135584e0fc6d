package dev.jgram.storage.file;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.EncryptedSessionException;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.SessionEncryption;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.crypt.SessionCipher;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Where a file session's auth key lives: in clear in {@code sessions.auth_key}, as Pyrogram
 * keeps it, or sealed by a {@link SessionCipher} in {@code jgram_auth_key} with
 * {@code sessions.auth_key} NULL (Pyrogram then sees a session without a key).
 *
 * <pre>
 * CREATE TABLE jgram_auth_key
 * (
 *     id     INTEGER PRIMARY KEY CHECK (id = 0),
 *     sealed BLOB NOT NULL,   -- SessionCipher's 310 bytes: parameters, nonce, ciphertext, tag
 *     key_id TEXT             -- the key id (public: MTProto sends it in clear), for jgram info
 * )
 * </pre>
 *
 * <p>The key is unlocked before the engine writes anything to an existing file: a missing or
 * wrong key fails the open with an {@link EncryptedSessionException} and the file is left
 * as it was. A key found in clear in an encrypted file (a program that does not know jgram's
 * table logged in afresh) is the newer one: it is used, and sealed on the next write.
 */
public final class AuthKeyAtRest {
  /**
   * Files up to this size get SQLite's {@code quick_check} before the writable open (a few
   * milliseconds for a session of thousands of peers). Larger ones skip it, since it reads
   * every page (about 0.2 s for 200,000 peers); their damage is found by the first statement
   * that reads it, which may be after the switch to WAL has changed the header.
   */
  static final long QUICK_CHECK_MAX_BYTES = 8 << 20;

  /** The table of the sealed key. */
  static final String TABLE = "jgram_auth_key";

  private static final String CREATE = """
      CREATE TABLE IF NOT EXISTS jgram_auth_key
      (
          id     INTEGER PRIMARY KEY CHECK (id = 0),
          sealed BLOB NOT NULL,
          key_id TEXT
      )""";

  private final String name;
  private final SessionEncryption encryption;
  private SessionCipher cipher; // derived when first needed: PBKDF2 is slow on purpose
  private boolean table;

  private AuthKeyAtRest(String name, SessionEncryption encryption, SessionCipher cipher,
      boolean table) {
    this.name = name;
    this.encryption = encryption;
    this.cipher = cipher;
    this.table = table;
  }

  /**
   * Unlocks the key of {@code file} before any write: through a read-only connection, checks
   * {@code encryption} against the sealed key, if any, and reads the session row with it, after
   * SQLite's {@code quick_check} (files up to {@link #QUICK_CHECK_MAX_BYTES}), so that a
   * missing or wrong key, a corrupt file, or a row jgram cannot read, refuses the file
   * untouched (the writable open switches to WAL and may migrate: a failure after that would
   * leave the file changed). A hot journal of a crashed writer is rolled back first.
   *
   * @throws EncryptedSessionException if the file is encrypted and the key is missing or wrong
   * @throws InvalidSessionFileException if the session row or the sealed key is damaged
   */
  static AuthKeyAtRest beforeOpening(Path file, SessionEncryption encryption) {
    if (!Files.exists(file)) {
      return fresh(file.toString(), encryption);
    }
    rollBackHotJournal(file);
    try (SqliteOpener.Opened ro = SqliteOpener.openReadOnly(file)) {
      quickCheck(file, ro.connection());
      AuthKeyAtRest keys = unlock(ro.connection(), ro.layout(), file.toString(), encryption);
      new SqliteState(ro.connection(), ro.layout(), false, keys).readSession();
      return keys;
    } catch (SQLException e) {
      throw new InvalidSessionFileException(file, file + ": cannot read the session row: "
          + e.getMessage(), e);
    } catch (StorageException e) {
      if (e instanceof InvalidSessionFileException || e instanceof EncryptedSessionException) {
        throw e;
      }
      throw new InvalidSessionFileException(file, file + ": " + e.getMessage(), e);
    }
  }

  /**
   * A {@code -journal} left by a process killed inside a rollback-mode transaction holds the
   * pages it was changing; until SQLite rolls it back the file may hold half a transaction,
   * and read-only connections cannot roll it back. The caller owns the session lock, so the
   * writer that left it is dead: roll it back now, restoring the last committed content.
   */
  private static void rollBackHotJournal(Path file) {
    Path journal = SqliteFiles.sibling(file, "-journal");
    try {
      if (!Files.exists(journal) || Files.size(journal) == 0) {
        return;
      }
      try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE,
          SqliteOpener.BUSY_TIMEOUT_MS); Statement s = c.createStatement()) {
        s.executeQuery("SELECT count(*) FROM sqlite_master").close();
      }
    } catch (java.io.IOException | SQLException e) {
      throw new InvalidSessionFileException(file, file + ": cannot roll back the journal a "
          + "crashed writer left (" + e.getMessage() + "); expected a recoverable session", e);
    }
  }

  private static void quickCheck(Path file, Connection c) throws SQLException {
    try {
      if (Files.size(file) > QUICK_CHECK_MAX_BYTES) {
        return;
      }
    } catch (java.io.IOException e) {
      return; // the open that follows reports what is wrong with the file
    }
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA quick_check(1)")) {
      String verdict = rs.next() ? rs.getString(1) : "no answer";
      if (!"ok".equals(verdict)) {
        throw new InvalidSessionFileException(file, file + ": is corrupt (SQLite's quick_check: "
            + verdict + "); expected an intact SQLite session; the file is left as it was");
      }
    }
  }

  /**
   * How the key of {@code file} is sealed, read without any key; empty for a clear session.
   * Reads the file read-only, as {@link SqliteOpener#openReadOnly(Path)} does.
   */
  public static java.util.Optional<String> describe(Path file) {
    try (SqliteOpener.Opened ro = SqliteOpener.openReadOnly(file)) {
      byte[] sealed = ro.layout().hasTable(TABLE) ? readSealed(ro.connection()) : null;
      return sealed == null ? java.util.Optional.empty()
          : java.util.Optional.of(SessionCipher.methodOf(sealed, file.toString()));
    } catch (SQLException e) {
      throw new InvalidSessionFileException(file, file + ": cannot read the encrypted auth key: "
          + e.getMessage(), e);
    }
  }

  /** Unlocks through an open connection (a read-only storage's own). */
  static AuthKeyAtRest unlock(Connection c, SchemaLayout layout, String name,
      SessionEncryption encryption) throws SQLException {
    byte[] sealed = layout.hasTable(TABLE) ? readSealed(c) : null;
    if (sealed == null) {
      return fresh(name, encryption);
    }
    return new AuthKeyAtRest(name, encryption, SessionCipher.unlock(encryption, sealed, name),
        true);
  }

  private static AuthKeyAtRest fresh(String name, SessionEncryption encryption) {
    return new AuthKeyAtRest(name, encryption, null, false);
  }

  private static byte[] readSealed(Connection c) throws SQLException {
    try (PreparedStatement s = c.prepareStatement("SELECT sealed FROM " + TABLE + " WHERE id = 0");
        ResultSet rs = s.executeQuery()) {
      return rs.next() ? rs.getBytes(1) : null;
    }
  }


  /** The session's key: the {@code auth_key} column's value, else the sealed key, if any. */
  AuthKey read(Connection c, byte[] column) throws SQLException {
    if (column != null) {
      return SqliteState.authKey(column);
    }
    byte[] sealed = table && cipher != null ? readSealed(c) : null;
    return sealed == null ? null : cipher.open(sealed, name);
  }

  /** Whether the session as read still has its key in clear where it should be sealed. */
  boolean needsSealing(byte[] column) {
    return encryption.enabled() && column != null;
  }

  /** What to store in {@code sessions.auth_key}: the key, or NULL when it is sealed. */
  byte[] column(AuthKey key) {
    return key == null || encryption.enabled() ? null : key.bytes();
  }

  /**
   * Stores the sealed key beside the {@code sessions} row, in the caller's transaction; a
   * null key removes it. Does nothing for a clear session.
   */
  void write(Connection c, AuthKey key) throws SQLException {
    if (!encryption.enabled()) {
      return;
    }
    try (Statement s = c.createStatement()) {
      s.executeUpdate(CREATE);
      table = true;
      if (key == null) {
        s.executeUpdate("DELETE FROM " + TABLE);
        return;
      }
    }
    byte[] next = atRest(key);
    try (PreparedStatement s = c.prepareStatement(
        "REPLACE INTO " + TABLE + " (id, sealed, key_id) VALUES (0, ?, ?)")) {
      s.setBytes(1, next);
      s.setString(2, key.idHex());
      s.executeUpdate();
    }
  }

  /**
   * What {@code jgram_dc_keys} stores for a key of another DC: the key's bytes, or in an
   * encrypted session its sealed form.
   */
  byte[] atRest(AuthKey key) {
    if (!encryption.enabled()) {
      return key.bytes();
    }
    if (cipher == null) {
      cipher = SessionCipher.create(encryption);
    }
    return cipher.seal(key);
  }

  /**
   * A key of another DC as {@link #atRest} stored it.
   *
   * @throws EncryptedSessionException if the key is sealed and this session has no or another
   *     encryption key
   */
  AuthKey fromRest(byte[] stored) {
    if (stored.length == AuthKey.LENGTH) {
      return SqliteState.authKey(stored);
    }
    if (cipher == null) {
      cipher = SessionCipher.unlock(encryption, stored, name);
    }
    return cipher.open(stored, name);
  }
}
