package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.UpdateState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TelethonSessionFileTest {
  private static final String FIXTURE = "telethon-v7-user.session";

  @TempDir Path dir;

  @Test
  void telethonsOwnFileReadsAsTheSessionTelethonReadsBack() throws Exception {
    PortableSession s = TelethonSessionFile.read(InteropFixtures.copy(FIXTURE, dir));

    assertThat(s.dcId()).isEqualTo(2);
    assertThat(s.serverAddress()).isEqualTo("149.154.167.51");
    assertThat(s.port()).isEqualTo(443);
    assertThat(s.authKey()).isEqualTo(InteropFixtures.k1());
    assertThat(s.session().testMode()).isFalse();
    assertThat(s.session().userId()).isNull();
    assertThat(s.extras()).doesNotContainKey(PortableSession.EXTRA_TELETHON_TAKEOUT_ID);
    assertThat(s.updateState()).isEqualTo(new UpdateState(4321, 17, 1700000000, 99));
    assertThat(s.channelPts()).isEqualTo(Map.of(1234567890L, 555));
  }

  @Test
  void entitiesBecomePeersTypedByTheirMarkedIds() throws Exception {
    PortableSession s = TelethonSessionFile.read(InteropFixtures.copy(FIXTURE, dir));

    assertThat(s.peers()).extracting(Peer::id, Peer::accessHash, Peer::type, Peer::usernames,
        Peer::phoneNumber, Peer::lastUpdateOn).containsExactly(
        tuple(-1002222222222L, -77777777777L, PeerType.CHANNEL, List.of(), null, 1700000000L),
        tuple(-1001234567890L, 987654321987654321L, PeerType.CHANNEL, List.of("somechannel"),
            null, 1700000000L),
        tuple(-4242L, 0L, PeerType.GROUP, List.of(), null, 1700000000L),
        tuple(123456789L, -1234567890123456789L, PeerType.USER, List.of("someuser"),
            "15551234567", 1700000000L),
        tuple(5123456789L, 4242424242424242L, PeerType.USER, List.of("jgram_test_bot"), null,
            1700000000L),
        tuple(7123456789L, -458939926978231597L, PeerType.USER, List.of(), null, 1700000000L));
  }

  @Test
  void telethonsOwnFileIsDetectedAsTelethonFile() throws Exception {
    DetectedSession d = SessionFormats.detect(InteropFixtures.copy(FIXTURE, dir));

    assertThat(d.format()).isEqualTo(SessionFormat.TELETHON_FILE);
    assertThat(SessionFormats.encode(d.session(), SessionFormat.TELETHON_STRING)).isEqualTo(
        InteropFixtures.artifact("telethon-v7-user").path("expected").path("as_string_session")
            .asText());
  }

  @Test
  void readingLeavesTheFileByteForByteUnchanged() throws Exception {
    Path file = InteropFixtures.copy(FIXTURE, dir);
    byte[] before = Files.readAllBytes(file);

    TelethonSessionFile.read(file);

    assertThat(Files.readAllBytes(file)).isEqualTo(before);
    try (var files = Files.list(dir)) {
      assertThat(files.toList()).containsExactly(file);
    }
  }

  @Test
  void aWrittenFileHasTelethonsSchemaCharacterForCharacter() throws Exception {
    Path ours = dir.resolve("ours.session");
    SessionFormats.write(sample(), SessionFormat.TELETHON_FILE, ours);

    assertThat(schema(ours)).isEqualTo(schema(InteropFixtures.copy(FIXTURE, dir)));
    assertThat(schema(ours)).isEqualTo(dumpSchema());
    assertThat(query(ours, "SELECT version FROM version")).containsExactly(List.of(7L));
  }

  @Test
  void aWrittenFileReadsBackWithAddressPortKeyEntitiesAndUpdatesKeepingOneUsername() throws Exception {
    Path file = dir.resolve("out.session");
    PortableSession written = sample();
    SessionFormats.write(written, SessionFormat.TELETHON_FILE, file);

    PortableSession read = TelethonSessionFile.read(file);

    assertThat(read.dcId()).isEqualTo(4);
    assertThat(read.serverAddress()).isEqualTo("149.154.167.91");
    assertThat(read.port()).isEqualTo(443);
    assertThat(read.authKey()).isEqualTo(InteropFixtures.k1());
    assertThat(read.session().userId()).isEqualTo(7123456789L);
    assertThat(read.peers()).containsExactly(
        written.peers().get(1),
        new Peer(123456789L, -5L, PeerType.USER, List.of("someuser"), "15551234567",
            1700000000L));
    assertThat(read.updateState()).isEqualTo(written.updateState());
    assertThat(read.channelPts()).isEqualTo(written.channelPts());
    assertThat(query(file, "SELECT id, hash, username, phone, name FROM entities WHERE id = 0"))
        .containsExactly(java.util.Arrays.asList(0L, 7123456789L, null, null, null));
  }

  @Test
  void telethonsFileRewrittenByJgramHoldsTheSameRowsButNames() throws Exception {
    Path original = InteropFixtures.copy(FIXTURE, dir);
    Path copy = dir.resolve("copy.session");

    SessionFormats.write(TelethonSessionFile.read(original), SessionFormat.TELETHON_FILE, copy);

    String sessions = "SELECT * FROM sessions";
    String entities = "SELECT id, hash, username, phone, date FROM entities ORDER BY id";
    String updates = "SELECT * FROM update_state ORDER BY id";
    assertThat(query(copy, sessions)).isEqualTo(query(original, sessions));
    assertThat(query(copy, entities)).isEqualTo(query(original, entities));
    assertThat(query(copy, "SELECT id, pts, qts, seq FROM update_state ORDER BY id"))
        .isEqualTo(query(original, "SELECT id, pts, qts, seq FROM update_state ORDER BY id"));
    assertThat(query(copy, updates).get(0)).isEqualTo(query(original, updates).get(0));
  }

  @Test
  void newerSchemasWithExtraColumnsAreReadByColumnName() throws Exception {
    Path file = dir.resolve("newer.session");
    SessionFormats.write(sample(), SessionFormat.TELETHON_FILE, file);
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("ALTER TABLE sessions ADD COLUMN tmp_auth_key blob");
      st.execute("UPDATE version SET version = 8");
    }

    assertThat(TelethonSessionFile.read(file).authKey()).isEqualTo(InteropFixtures.k1());
  }

  @Test
  void aSessionWithoutAddressGetsTheDcsRealAddressAndPort() throws Exception {
    Path file = dir.resolve("test.session");
    SessionFormats.write(PortableSession.of(
        new Session(3, 1L, true, InteropFixtures.k1(), 0, 1L, false)),
            SessionFormat.TELETHON_FILE, file);

    assertThat(query(file, "SELECT dc_id, server_address, port FROM sessions"))
        .containsExactly(List.of(3L, "149.154.175.117", 80L));
  }

  @Test
  void anExistingFileIsNeverOverwritten() throws Exception {
    Path file = InteropFixtures.copy(FIXTURE, dir);
    byte[] before = Files.readAllBytes(file);

    assertThatThrownBy(() -> SessionFormats.write(sample(), SessionFormat.TELETHON_FILE, file))
        .isInstanceOf(StorageException.class)
        .hasMessageContaining("already exists");
    assertThat(Files.readAllBytes(file)).isEqualTo(before);
  }

  @Test
  void aPyrogramLikeDatabaseIsNotATelethonFile() throws Exception {
    Path file = dir.resolve("other.session");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE sessions (dc_id integer primary key)");
      st.execute("CREATE TABLE peers (id integer primary key)");
    }

    assertThatThrownBy(() -> TelethonSessionFile.read(file))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessageContaining("expected tables sessions and entities; found peers, sessions");
  }

  @Test
  void aFileThatIsNotSqliteIsRefusedByName() throws Exception {
    Path file = Files.writeString(dir.resolve("x.session"), "hello");

    assertThatThrownBy(() -> TelethonSessionFile.read(file))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessage(file + ": not an SQLite database (no 'SQLite format 3' header); expected "
            + "a Telethon .session file");
  }

  static PortableSession sample() {
    Session session = new Session(4, null, false, InteropFixtures.k1(), 0, 7123456789L, null);
    List<Peer> peers = List.of(
        new Peer(123456789L, -5L, PeerType.USER, List.of("someuser", "second"), "15551234567",
            1700000000L),
        new Peer(-1001234567890L, 98L, PeerType.CHANNEL, List.of("chan"), null, 1700000001L));
    return PortableSession.of(session).withPeers(peers)
        .withUpdates(new UpdateState(10, 2, 1700000000, 7), Map.of(1234567890L, 55));
  }

  private static List<List<Object>> schema(Path file) throws Exception {
    return query(file, "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY rowid");
  }

  private static List<List<Object>> dumpSchema() throws Exception {
    JsonNode dump = new ObjectMapper().readTree(InteropFixtures.bytes("telethon-v7-user.dump.json"));
    List<List<Object>> out = new ArrayList<>();
    for (JsonNode row : dump.path("raw").path("sqlite_master")) {
      out.add(java.util.Arrays.asList(row.path("type").asText(), row.path("name").asText(),
          row.path("tbl_name").asText(), row.path("sql").isNull() ? null
              : row.path("sql").asText()));
    }
    return out;
  }

  static List<List<Object>> query(Path file, String sql) throws Exception {
    List<List<Object>> rows = new ArrayList<>();
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      int n = rs.getMetaData().getColumnCount();
      while (rs.next()) {
        List<Object> row = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
          Object v = rs.getObject(i);
          row.add(v instanceof Integer x ? Long.valueOf(x)
              : v instanceof byte[] b ? java.util.HexFormat.of().formatHex(b) : v);
        }
        rows.add(row);
      }
    }
    return rows;
  }
}
