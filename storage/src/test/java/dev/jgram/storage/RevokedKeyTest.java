package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file session whose key Telegram declared dead (AUTH_KEY_UNREGISTERED, AUTH_KEY_DUPLICATED):
 * it refuses to export and says why, in this process and after reopening, and keeps every
 * byte for forensics until the user deletes it.
 */
class RevokedKeyTest {
  @TempDir
  Path dir;

  private final AuthKey key = new RandomData(0xdead).authKey();
  private final Session session = new Session(2, 12345L, false, key, 0, 42L, false);

  private Path revoked(String reason) {
    Path file = dir.resolve("dead.session");
    try (Storage s = Storage.file(file)) {
      s.open();
      s.session(session);
      s.updatePeers(new RandomData(1).peers(10));
      assertThat(s.exportSessionString()).isNotEmpty();
      s.revokeKey(reason);
      StorageException e = catchThrowableOfType(s::exportSessionString, StorageException.class);
      assertThat(e).hasMessageContaining("revoked").hasMessageContaining(reason)
          .hasMessageContaining(file.toString());
    }
    return file;
  }

  @Test
  void aReopenedRevokedSessionStillRefusesToExportAndSaysWhy() {
    Path file = revoked("AUTH_KEY_UNREGISTERED");
    for (StorageConfig config : new StorageConfig[] {StorageConfig.DEFAULTS,
        StorageConfig.DEFAULTS.withReadOnly(true)}) {
      try (Storage s = Storage.file(file, config)) {
        s.open();
        assertThat(s.keyRevocation()).hasValueSatisfying(r -> assertThat(r)
            .startsWith("AUTH_KEY_UNREGISTERED").contains("marked dead at"));
        assertThat(catchThrowableOfType(s::exportSessionString, StorageException.class))
            .hasMessageContaining("cannot export").hasMessageContaining("AUTH_KEY_UNREGISTERED");
      }
    }
  }

  @Test
  void aRevokedSessionKeepsItsKeyPeersAndFileForForensicsUntilDeleted() throws Exception {
    Path file = revoked("AUTH_KEY_DUPLICATED");
    assertThat(file).exists();
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.session()).isEqualTo(session);
      assertThat(s.peerCount()).isEqualTo(10);
    }
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:file:" + file + "?mode=ro");
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery("SELECT reason, key_id FROM jgram_key_revocation")) {
      assertThat(rs.next()).isTrue();
      assertThat(rs.getString(1)).isEqualTo("AUTH_KEY_DUPLICATED");
      assertThat(rs.getString(2)).as("which key died").isEqualTo(key.idHex());
    }
    Storage.file(file).delete();
    assertThat(file).doesNotExist();
    assertThat(SqliteDump.listing(dir)).isEmpty();
  }

  @Test
  void aSessionStringOfARevokedMemorySessionIsRefusedToo() {
    try (Storage s = Storage.fromSessionString(PyrogramSessionString.encode(session))) {
      s.open();
      s.revokeKey("AUTH_KEY_UNREGISTERED");
      assertThat(catchThrowableOfType(s::exportSessionString, StorageException.class))
          .hasMessageContaining("AUTH_KEY_UNREGISTERED");
    }
  }
}
