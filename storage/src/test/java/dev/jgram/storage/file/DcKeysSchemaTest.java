package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.DcKey;
import dev.jgram.storage.SessionEncryption;
import dev.jgram.storage.SqliteDump;
import dev.jgram.storage.SqliteSchemaTest;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageContractTest;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * jgram schema 3's {@code jgram_dc_keys}: a schema 2 file gains it when opened to write (and
 * reads no keys while opened read-only, untouched), and an encrypted session never holds the
 * keys of other DCs in clear.
 */
class DcKeysSchemaTest {
  @TempDir Path dir;

  private static DcKey media() {
    return new DcKey(4, StorageContractTest.fixtureSession().authKey(), true);
  }

  /** A file as jgram schema 2 left it: no jgram_dc_keys, jgram_schema 2. */
  private Path schemaTwoFile() throws SQLException {
    Path file = dir.resolve("two.session");
    try (Storage s = Storage.file(file)) {
      s.open();
      s.session(StorageContractTest.fixtureSession());
    }
    try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE, 1000);
        Statement s = c.createStatement()) {
      s.executeUpdate("DROP TABLE jgram_dc_keys");
      s.executeUpdate("UPDATE jgram_meta SET value = '2' WHERE key = 'jgram_schema'");
    }
    return file;
  }

  @Test
  void aSchemaTwoFileOpenedReadOnlyReadsNoKeysAndStaysAsItWas() throws Exception {
    Path file = schemaTwoFile();
    String before = SqliteDump.sha256(file);
    try (Storage s = Storage.file(file, StorageConfig.DEFAULTS.withReadOnly(true))) {
      s.open();
      assertThat(s.dcKeys()).isEmpty();
    }
    assertThat(SqliteDump.sha256(file)).isEqualTo(before);
  }

  @Test
  void aSchemaTwoFileOpenedToWriteGainsTheTableAndSchemaThree() throws Exception {
    Path file = schemaTwoFile();
    try (Storage s = Storage.file(file)) {
      s.open();
      s.dcKey(media());
    }
    assertThat(SqliteSchemaTest.rows(file, "SELECT value FROM jgram_meta WHERE key = "
        + "'jgram_schema'")).containsExactly(List.of(String.valueOf(SqliteSchema.JGRAM_SCHEMA)));
    assertThat(SqliteSchema.JGRAM_SCHEMA).isEqualTo(3);
    assertThat(SqliteSchemaTest.rows(file, "SELECT dc_id, key_id, authorized FROM "
        + "jgram_dc_keys")).containsExactly(List.of(4, media().authKey().idHex(), 1));
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.dcKeys()).containsExactly(media());
      assertThat(s.session().authKey()).isEqualTo(media().authKey());
    }
  }

  @Test
  void anEncryptedSessionSealsTheKeysOfOtherDcs() throws Exception {
    Path file = dir.resolve("sealed.session");
    StorageConfig sealed = StorageConfig.DEFAULTS.withEncryption(
        SessionEncryption.rawKey(java.util.HexFormat.of().parseHex("07".repeat(32))));
    try (Storage s = Storage.file(file, sealed)) {
      s.open();
      s.dcKey(media());
    }
    List<List<Object>> rows = SqliteSchemaTest.rows(file,
        "SELECT length(auth_key), hex(auth_key) FROM jgram_dc_keys");
    assertThat(rows).hasSize(1);
    assertThat(rows.get(0).get(0)).isNotEqualTo(AuthKey.LENGTH);
    assertThat(((String) rows.get(0).get(1)).toLowerCase())
        .doesNotContain(HexFormat.of().formatHex(media().authKey().bytes()).substring(0, 32));
    try (Storage s = Storage.file(file, sealed)) {
      s.open();
      assertThat(s.dcKeys()).containsExactly(media());
    }
  }
}
