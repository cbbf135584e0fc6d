package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jgram.storage.crypt.SessionCipher;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest of a file session's auth key, seen through the engine and the raw file. */
class EncryptedFileSessionTest {
  private static final SessionEncryption PASSPHRASE =
      SessionEncryption.passphrase("open sesame".toCharArray(), 1_000);
  private static final SessionEncryption OTHER_PASSPHRASE =
      SessionEncryption.passphrase("open barley".toCharArray(), 1_000);

  @TempDir
  Path dir;

  private final RandomData data = new RandomData(0xe5c);
  private final AuthKey key = data.authKey();
  private final Session session = new Session(4, 777L, false, key, 0, 42L, false);

  private static StorageConfig with(SessionEncryption e) {
    return StorageConfig.DEFAULTS.withEncryption(e);
  }

  private static SessionEncryption rawKey(long seed) {
    byte[] k = new byte[32];
    new Random(seed).nextBytes(k);
    return SessionEncryption.rawKey(k);
  }

  private Path written(SessionEncryption e) {
    Path file = dir.resolve("me.session");
    try (Storage s = Storage.file(file, with(e))) {
      s.open();
      s.session(session);
      s.updatePeers(data.peers(50));
    }
    return file;
  }

  @Test
  void anEncryptedFileHasNoAuthKeyInSessionsAndTheSealedKeyInAJgramTable() throws Exception {
    Path file = written(PASSPHRASE);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT auth_key, user_id, dc_id FROM sessions")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBytes(1)).as("what Pyrogram reads: no key, an empty session").isNull();
        assertThat(rs.getLong(2)).isEqualTo(42);
        assertThat(rs.getInt(3)).isEqualTo(4);
      }
      try (ResultSet rs = s.executeQuery("SELECT sealed, key_id FROM jgram_auth_key")) {
        assertThat(rs.next()).isTrue();
        assertThat(rs.getBytes(1)).hasSize(SessionCipher.LENGTH);
        assertThat(rs.getString(2)).isEqualTo(key.idHex());
      }
    }
    assertThat(SqliteDump.integrity(file)).isEqualTo("ok");
  }

  @Test
  void describeNamesTheMethodOfAnEncryptedFileWithoutAKeyAndNothingForAClearOne() {
    Path file = written(PASSPHRASE);
    String before = SqliteDump.sha256(file);
    assertThat(SessionEncryption.describe(file)).hasValue(
        "AES-256-GCM, key from a passphrase via PBKDF2WithHmacSHA256, 1000 iterations");
    assertThat(SqliteDump.sha256(file)).isEqualTo(before);
    Storage.file(file).delete();
    assertThat(SessionEncryption.describe(written(SessionEncryption.none()))).isEmpty();
    Storage.file(file).delete();
    assertThat(SessionEncryption.describe(written(rawKey(9))))
        .hasValue("AES-256-GCM, raw 256-bit key");
  }

  @Test
  void noByteSequenceOfTheKeyAppearsAnywhereInTheFile() throws IOException {
    Path file = written(rawKey(1));
    String bytes = HexFormat.of().formatHex(Files.readAllBytes(file));
    byte[] k = key.bytes();
    for (int i = 0; i + 12 <= k.length; i += 4) {
      assertThat(bytes).doesNotContain(HexFormat.of().formatHex(k, i, i + 12));
    }
  }

  @Test
  void theRightPassphraseOrKeyReadsTheSessionBack() {
    for (SessionEncryption e : List.of(PASSPHRASE, rawKey(2))) {
      Path file = written(e);
      try (Storage s = Storage.file(file, with(e))) {
        s.open();
        assertThat(s.session()).isEqualTo(session);
        assertThat(s.exportSessionString()).isEqualTo(PyrogramSessionString.encode(session));
      }
      try (Storage s = Storage.file(file, with(e).withReadOnly(true))) {
        s.open();
        assertThat(s.session()).isEqualTo(session);
      }
      Storage.file(file).delete();
    }
  }

  @Test
  void randomSessionsRoundTripThroughAnEncryptedFileAndItsReopening() {
    Path file = dir.resolve("round.session");
    Storage s = Storage.file(file, with(PASSPHRASE));
    s.open();
    for (int i = 0; i < 200; i++) {
      Session random = data.session();
      s.session(random);
      assertThat(s.session()).isEqualTo(random);
      if (i % 20 == 19) {
        s.close();
        s = Storage.file(file, with(PASSPHRASE));
        s.open();
        assertThat(s.session()).as("after reopening, case %d", i).isEqualTo(random);
      }
    }
    s.close();
  }

  @Test
  void openingWithoutTheKeyFailsAtOnceAsKeyRequiredAndChangesNothing() {
    Path file = written(PASSPHRASE);
    for (StorageConfig config : List.of(StorageConfig.DEFAULTS,
        StorageConfig.DEFAULTS.withReadOnly(true))) {
      EncryptedSessionException e = refused(file, config);
      assertThat(e.reason()).isEqualTo(EncryptedSessionException.Reason.KEY_REQUIRED);
      assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("encrypted")
          .hasMessageContaining(SessionEncryption.PASSPHRASE_VARIABLE);
    }
  }

  @Test
  void aWrongPassphraseOrKeyFailsAtOnceAsWrongKeyAndChangesNothing() {
    Path file = written(PASSPHRASE);
    for (SessionEncryption wrong : List.of(OTHER_PASSPHRASE, rawKey(3))) {
      EncryptedSessionException e = refused(file, with(wrong));
      assertThat(e.reason()).isEqualTo(EncryptedSessionException.Reason.WRONG_KEY);
      assertThat(e).hasMessageContaining(file.toString()).hasMessageContaining("nothing was written");
    }
  }

  /** Opens and expects a refusal that leaves the file and its directory exactly as they were. */
  private EncryptedSessionException refused(Path file, StorageConfig config) {
    String before = SqliteDump.sha256(file);
    List<String> listing = SqliteDump.listing(dir);
    Storage s = Storage.file(file, config);
    EncryptedSessionException e = catchThrowableOfType(s::open, EncryptedSessionException.class);
    assertThat(e).as("refused").isNotNull();
    assertThat(SqliteDump.sha256(file)).as("file unchanged").isEqualTo(before);
    assertThat(SqliteDump.listing(dir)).as("no side files").isEqualTo(listing);
    assertThatAnotherOpenIsNotLocked(file, config);
    return e;
  }

  private static void assertThatAnotherOpenIsNotLocked(Path file, StorageConfig config) {
    Throwable again = catchThrowableOfType(Storage.file(file, config)::open, StorageException.class);
    assertThat(again).isNotInstanceOf(SessionLockedException.class);
  }

  @Test
  void aClearFileOpenedWithEncryptionIsSealedAtOpen() throws SQLException {
    Path file = written(SessionEncryption.none());
    assertThat(clearKeyColumn(file)).isNotNull();
    try (Storage s = Storage.file(file, with(rawKey(4)))) {
      s.open();
      assertThat(s.session()).isEqualTo(session);
    }
    assertThat(clearKeyColumn(file)).isNull();
    assertThat(refused(file, StorageConfig.DEFAULTS).reason())
        .isEqualTo(EncryptedSessionException.Reason.KEY_REQUIRED);
  }

  @Test
  void aKeyWrittenInClearByPyrogramIntoAnEncryptedFileIsTheNewerOneAndGetsSealed()
      throws SQLException {
    Path file = written(rawKey(5));
    AuthKey fresh = data.authKey();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.executeUpdate("UPDATE sessions SET auth_key = x'" + HexFormat.of().formatHex(fresh.bytes())
          + "'");
    }
    try (Storage s = Storage.file(file, with(rawKey(5)))) {
      s.open();
      assertThat(s.session().authKey()).isEqualTo(fresh);
    }
    assertThat(clearKeyColumn(file)).isNull();
    try (Storage s = Storage.file(file, with(rawKey(5)))) {
      s.open();
      assertThat(s.session().authKey()).isEqualTo(fresh);
    }
  }

  @Test
  void loggingOutOfAnEncryptedSessionRemovesTheSealedKey() {
    Path file = written(rawKey(6));
    try (Storage s = Storage.file(file, with(rawKey(6)))) {
      s.open();
      s.session(session.withAuthKey(null));
    }
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.session().authKey()).isNull();
    }
  }

  @Test
  void aRevokedEncryptedSessionRefusesToExportAndIsKeptUntilDeleted() {
    Path file = written(rawKey(7));
    try (Storage s = Storage.file(file, with(rawKey(7)))) {
      s.open();
      s.revokeKey("AUTH_KEY_DUPLICATED");
    }
    Storage s = Storage.file(file, with(rawKey(7)));
    s.open();
    assertThat(catchThrowableOfType(s::exportSessionString, StorageException.class))
        .hasMessageContaining("revoked").hasMessageContaining("AUTH_KEY_DUPLICATED");
    assertThat(s.session()).isEqualTo(session);
    s.close();
    assertThat(file).exists();
    Storage.file(file, with(rawKey(7))).delete();
    assertThat(file).doesNotExist();
  }

  private static byte[] clearKeyColumn(Path file) throws SQLException {
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT auth_key FROM sessions")) {
      rs.next();
      return rs.getBytes(1);
    }
  }
}
