package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The schema jgram writes and the migrations it runs, compared with Pyrogram's own files. */
public class SqliteSchemaTest {
  @TempDir Path dir;

  /** sqlite_master rows (type, name, sql) of {@code file}, without jgram's own objects. */
  static Map<String, String> pyrogramSchema(Path file) throws SQLException {
    Map<String, String> schema = new TreeMap<>();
    try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_ONLY, 1000);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT type, name, sql, tbl_name FROM sqlite_master")) {
      while (rs.next()) {
        if (!rs.getString(4).startsWith("jgram_")) {
          schema.put(rs.getString(1) + " " + rs.getString(2), rs.getString(3));
        }
      }
    }
    return schema;
  }

  static Map<String, String> fixtureSchema(JsonNode schema) {
    Map<String, String> out = new TreeMap<>();
    for (JsonNode row : schema) {
      out.put(row.path("type").asText() + " " + row.path("name").asText(),
          row.path("sql").isNull() ? null : row.path("sql").asText());
    }
    return out;
  }

  public static List<List<Object>> rows(Path file, String sql) throws SQLException {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_ONLY, 1000);
        Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          row.add(rs.getObject(i));
        }
        rows.add(row);
      }
    }
    return rows;
  }

  @Test
  void aNewFileHasPyrogramsSchemaTextByteForByte() throws SQLException {
    Path file = dir.resolve("new.session");
    try (Storage s = Storage.file(file)) {
      s.open();
    }
    JsonNode fresh = Fixtures.json("pyrogram-v3-fresh.dump.json").path("raw").path("schema");
    assertThat(pyrogramSchema(file)).isEqualTo(fixtureSchema(fresh));
  }

  @Test
  void aNewFileHoldsPyrogramsInitialRowsAndJgramsTables() throws SQLException {
    Path file = dir.resolve("rows.session");
    try (Storage s = Storage.file(file)) {
      s.open();
    }
    assertThat(rows(file, "SELECT number FROM version")).containsExactly(List.of(3));
    assertThat(rows(file, "SELECT dc_id, api_id, test_mode, auth_key, date, user_id, is_bot "
        + "FROM sessions")).containsExactly(java.util.Arrays.asList(2, null, null, null, 0, null,
        null));
    assertThat(rows(file, "SELECT name FROM sqlite_master WHERE name LIKE 'jgram%' "
        + "AND type = 'table' ORDER BY name")).extracting(r -> r.get(0)).containsExactly(
        "jgram_dc_keys", "jgram_key_revocation", "jgram_meta", "jgram_peer_log",
        "jgram_update_state", "jgram_usernames");
    assertThat(rows(file, "PRAGMA journal_mode")).containsExactly(List.of("delete"));
  }

  @Test
  void peersAreWrittenTheWayPyrogramWritesThem() throws SQLException {
    Path file = dir.resolve("peers.session");
    try (Storage s = Storage.file(file, StorageConfig.DEFAULTS.withClock(
        Fixtures.fixtureClock()))) {
      s.open();
      s.updatePeers(List.of(Peer.of(222222222, -987654321098765432L, PeerType.USER,
          List.of("bob_main", "bob_collectible"), null)));
    }
    assertThat(rows(file, "SELECT id, access_hash, type, typeof(type), username, phone_number, "
        + "last_update_on FROM peers")).containsExactly(java.util.Arrays.asList(222222222,
        -987654321098765432L, "user", "text", "bob_main", null, 1700000000));
  }

  @ParameterizedTest(name = "schema {1}")
  @CsvSource({"pyrogram-v2-v1.4.0.session, 2, pyrogram-v2-v1.4.0.dump.json",
      "pyrogram-v1-v0.15.1.session, 1, pyrogram-v1-v0.15.1.dump.json"})
  void migrationKeepsABackupAndEndsWithPyrogramsMigratedSchema(String name, int version,
      String dump) throws SQLException {
    Path file = Fixtures.copy(name, dir);
    String before = Fixtures.sha256(file);
    try (Storage s = Storage.file(file)) {
      s.open();
    }
    Path backup = dir.resolve(name + ".v" + version + ".bak");
    assertThat(backup).exists();
    assertThat(Fixtures.sha256(backup)).isEqualTo(before);
    JsonNode migrated = Fixtures.json(dump).path("read_by").path("pyrogram").path("engine_view")
        .path("after_open_raw").path("schema");
    assertThat(pyrogramSchema(file)).isEqualTo(fixtureSchema(migrated));
    assertThat(rows(file, "SELECT name FROM pragma_table_info('sessions')"))
        .extracting(r -> r.get(0)).endsWith("is_bot", "api_id");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pyrofork-v4-user.session, pyrofork-v4-user.dump.json, 4",
      "kurigram-v6-user.session, kurigram-v6-user.dump.json, 6"})
  void forkFilesKeepTheirSchemaAndVersionAndGainOnlyJgramTables(String name, String dump,
      int version) throws SQLException {
    Path file = Fixtures.copy(name, dir);
    try (Storage s = Storage.file(file)) {
      s.open();
      s.updatePeers(List.of(Peer.of(5, 6L, PeerType.USER, List.of("five", "cinq"), null)));
    }
    assertThat(pyrogramSchema(file)).isEqualTo(
        fixtureSchema(Fixtures.json(dump).path("raw").path("schema")));
    assertThat(rows(file, "SELECT number FROM version")).containsExactly(List.of(version));
    assertThat(Files.exists(dir.resolve(name + ".v" + version + ".bak"))).isFalse();
  }

  @Test
  void kurigramSeesTheUsernamesJgramWritesToItsFile() throws SQLException {
    Path file = Fixtures.copy("kurigram-v6-user.session", dir);
    try (Storage s = Storage.file(file)) {
      s.open();
      s.updatePeers(List.of(Peer.of(222222222, 1L, PeerType.USER, List.of("bob_new"), null)));
    }
    assertThat(rows(file, "SELECT username FROM usernames WHERE id = 222222222"))
        .containsExactly(List.of("bob_new"));
  }

  @Test
  void pyroforkSeesTheExtraUsernamesJgramWritesToItsFile() throws SQLException {
    Path file = Fixtures.copy("pyrofork-v4-user.session", dir);
    try (Storage s = Storage.file(file, StorageConfig.DEFAULTS.withClock(
        Fixtures.fixtureClock()))) {
      s.open();
      s.updatePeers(List.of(Peer.of(7, 1L, PeerType.USER, List.of("seven", "sept"), null)));
    }
    assertThat(rows(file, "SELECT id, peer_id, last_update_on FROM usernames WHERE peer_id = 7 "
        + "ORDER BY id")).containsExactly(List.of("sept", 7, 1700000000),
        List.of("seven", 7, 1700000000));
  }

  @Test
  void aMigrationThatFailsHalfwayLeavesTheOldFileWhole() throws Exception {
    Path file = Fixtures.copy("pyrogram-v1-v0.15.1.session", dir);
    SqliteBadFileTest.execute(file, "CREATE TRIGGER refuse BEFORE UPDATE ON version "
        + "BEGIN SELECT RAISE(ABORT, 'refused by test'); END");
    Storage storage = Storage.file(file);
    assertThatThrownBy(storage::open).isInstanceOf(StorageException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("refused by test");
    // Peers deleted and api_id added before the failing step were rolled back with it.
    assertThat(rows(file, "SELECT number FROM version")).containsExactly(List.of(1));
    assertThat(rows(file, "SELECT COUNT(*) FROM peers")).containsExactly(List.of(8));
    assertThat(rows(file, "SELECT name FROM pragma_table_info('sessions')"))
        .extracting(r -> r.get(0)).doesNotContain("api_id");
    assertThat(rows(file, "SELECT name FROM sqlite_master WHERE name LIKE 'jgram%'")).isEmpty();
    assertThat(dir.resolve("pyrogram-v1-v0.15.1.session.lock")).doesNotExist();
  }

  @Test
  void theBackupIsReadableByTheOwnerOnly() throws Exception {
    Path file = Fixtures.copy("pyrogram-v2-v1.4.0.session", dir);
    try (Storage s = Storage.file(file)) {
      s.open();
    }
    assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(
        dir.resolve("pyrogram-v2-v1.4.0.session.v2.bak")))).isEqualTo("rw-------");
  }

  @Test
  void aKurigramSchema5FileOpensWithItsUsernames() throws Exception {
    Path file = Fixtures.copy("kurigram-v6-user.session", dir);
    SqliteBadFileTest.execute(file, "DROP INDEX idx_usernames_id");
    SqliteBadFileTest.execute(file, "UPDATE version SET number = 5");
    try (Storage s = Storage.file(file, StorageConfig.DEFAULTS.withClock(
        Fixtures.fixtureClock()))) {
      s.open();
      assertThat(s.peerByUsername("bob_collectible"))
          .isEqualTo(new InputPeer.User(222222222, -987654321098765432L));
    }
    assertThat(rows(file, "SELECT number FROM version")).containsExactly(List.of(5));
  }

  @Test
  void aKurigramSchema7FileKeepsItsServerAddressInStepWithTheDc() throws Exception {
    Path file = Fixtures.copy("kurigram-v6-user.session", dir);
    SqliteBadFileTest.execute(file, "ALTER TABLE sessions ADD server_address TEXT");
    SqliteBadFileTest.execute(file, "ALTER TABLE sessions ADD port INTEGER");
    SqliteBadFileTest.execute(file, "UPDATE sessions SET server_address = '149.154.167.51', "
        + "port = 443");
    SqliteBadFileTest.execute(file, "UPDATE version SET number = 7");
    try (Storage s = Storage.file(file)) {
      s.open();
      s.session(s.session().withDcId(4));
      assertThat(s.session().dcId()).isEqualTo(4);
    }
    assertThat(rows(file, "SELECT dc_id, server_address, port FROM sessions"))
        .containsExactly(List.of(4, "149.154.167.91", 443));
    assertThat(rows(file, "SELECT number FROM version")).containsExactly(List.of(7));
  }

  @ParameterizedTest
  @CsvSource({"0", "1", "2147483647", "2147483648", "4294967295"})
  void anApiIdIsStoredAsTheUnsigned32BitNumberPyrogramWrites(long stored) throws Exception {
    Path file = dir.resolve("api.session");
    Session session = StorageContractTest.fixtureSession().withApiId(stored);
    try (Storage s = Storage.file(file)) {
      s.open();
      s.session(session);
    }
    assertThat(rows(file, "SELECT CAST(api_id AS TEXT), typeof(api_id) FROM sessions"))
        .containsExactly(List.of(Long.toString(stored), "integer"));
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.session()).isEqualTo(session);
      assertThat(s.exportSessionString()).isEqualTo(PyrogramSessionString.encode(session));
    }
  }

  @Test
  void aPyrogramFileWithTheLargestApiIdReadsAsItsUnsignedValue() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    SqliteBadFileTest.execute(file, "UPDATE sessions SET api_id = 4294967295");
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.session().apiId()).isEqualTo(4294967295L);
    }
    SqliteBadFileTest.execute(file, "UPDATE sessions SET api_id = 4294967296");
    assertThatThrownBy(() -> {
      try (Storage s = Storage.file(file)) {
        s.open();
      }
    }).isInstanceOf(StorageException.class)
        .hasMessageContaining("sessions.api_id is 4294967296; expected an unsigned 32-bit value, "
            + "0 to 4294967295");
  }

  @Test
  void aNegativeThirtyTwoBitApiIdReadsAsTheUnsignedNumberWithTheSameBits() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    SqliteBadFileTest.execute(file, "UPDATE sessions SET api_id = -2147483648");
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.session().apiId()).isEqualTo(2147483648L);
    }
  }
}
