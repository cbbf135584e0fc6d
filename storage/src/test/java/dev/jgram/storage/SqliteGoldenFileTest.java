package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opens every golden file and checks that jgram reads back exactly what the writing library
 * (or, for Pyrogram's own files, Pyrogram 2.0.106) read from it: session fields, lookups with
 * the clock at the fixture's "now" (expired username and misses included), the exported
 * string, and the schema version after open.
 */
class SqliteGoldenFileTest {
  @TempDir Path dir;

  private Storage openFixture(String file) {
    Path copy = Fixtures.copy(file, dir);
    Storage storage = Storage.file(copy, StorageConfig.DEFAULTS.withClock(Fixtures.fixtureClock()));
    storage.open();
    return storage;
  }

  private static JsonNode view(String dump, String engine) {
    return Fixtures.json(dump).path("read_by").path(engine).path("engine_view");
  }

  @ParameterizedTest(name = "{0} as {2} reads it")
  @CsvSource({
      "pyrogram-v3-user.session, pyrogram-v3-user.dump.json, pyrogram",
      "pyrogram-v3-fresh.session, pyrogram-v3-fresh.dump.json, pyrogram",
      "pyrogram-v2-v1.4.0.session, pyrogram-v2-v1.4.0.dump.json, pyrogram",
      "pyrogram-v1-v0.15.1.session, pyrogram-v1-v0.15.1.dump.json, pyrogram",
      "pyrofork-v4-user.session, pyrofork-v4-user.dump.json, pyrofork",
      "kurigram-v6-user.session, kurigram-v6-user.dump.json, kurigram"})
  void everyGoldenFileReadsBackWhatItsLibraryRead(String file, String dump, String engine)
      throws SQLException {
    JsonNode view = view(dump, engine);
    try (Storage storage = openFixture(file)) {
      assertThat(storage.session()).isEqualTo(expectedSession(view.path("session")));
      assertLookups(view.path("lookups").path("by_id"), k -> storage.peerById(Long.parseLong(k)));
      assertLookups(view.path("lookups").path("by_username"), storage::peerByUsername);
      assertLookups(view.path("lookups").path("by_phone_number"), storage::peerByPhoneNumber);
      assertExport(storage, view.path("export_session_string"));
    }
    assertThat(versionOf(dir.resolve(file))).isEqualTo(view.path("version_after_open").asInt());
  }

  @ParameterizedTest(name = "{0} read-only")
  @CsvSource({
      "pyrogram-v3-user.session, pyrogram-v3-user.dump.json, pyrogram",
      "pyrofork-v4-user.session, pyrofork-v4-user.dump.json, pyrofork",
      "kurigram-v6-user.session, kurigram-v6-user.dump.json, kurigram"})
  void aReadOnlyOpenReadsTheSameAndChangesNoByte(String file, String dump, String engine)
      throws Exception {
    Path copy = Fixtures.copy(file, dir);
    String before = Fixtures.sha256(copy);
    JsonNode view = view(dump, engine);
    try (Storage storage = Storage.file(copy, StorageConfig.DEFAULTS.withReadOnly(true)
        .withClock(Fixtures.fixtureClock()))) {
      storage.open();
      assertThat(storage.session()).isEqualTo(expectedSession(view.path("session")));
      assertLookups(view.path("lookups").path("by_id"), k -> storage.peerById(Long.parseLong(k)));
      assertLookups(view.path("lookups").path("by_username"), storage::peerByUsername);
      assertLookups(view.path("lookups").path("by_phone_number"), storage::peerByPhoneNumber);
    }
    assertThat(Fixtures.sha256(copy)).isEqualTo(before);
    try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
      assertThat(files).containsExactly(copy);
    }
  }

  @Test
  void aSchema2FileIsMigratedWithApiIdUnknownAndExportNamesIt() {
    try (Storage storage = openFixture("pyrogram-v2-v1.4.0.session")) {
      assertThat(storage.session().apiId()).isNull();
      assertThat(storage.session().dcId()).isEqualTo(4);
      StorageException e = catchThrowableOfType(StorageException.class,
          storage::exportSessionString);
      assertThat(e).hasMessageContaining("api_id is unknown");
      assertThat(storage.peerCount()).isEqualTo(8);
    }
  }

  @Test
  void aSchema1FileLosesItsPeersOnMigrationLikePyrogram() {
    try (Storage storage = openFixture("pyrogram-v1-v0.15.1.session")) {
      assertThat(storage.peerCount()).isZero();
      assertThat(storage.session().userId()).isEqualTo(123456789L);
    }
  }

  @Test
  void pyrogramPeerRowsReadBackWhole() {
    JsonNode rows = Fixtures.json("pyrogram-v3-user.dump.json").path("raw").path("tables")
        .path("peers").path("rows");
    try (Storage storage = openFixture("pyrogram-v3-user.session")) {
      assertThat(storage.peerCount()).isEqualTo(rows.size());
      List<Peer> expected = new ArrayList<>();
      for (JsonNode r : rows) {
        Peer p = new Peer(r.path("id").asLong(), r.path("access_hash").asLong(),
            PeerType.fromValue(r.path("type").asText()),
            r.path("username").isNull() ? List.of() : List.of(r.path("username").asText()),
            r.path("phone_number").isNull() ? null : r.path("phone_number").asText(),
            r.path("last_update_on").asLong());
        assertThat(storage.peer(p.id())).contains(p);
        expected.add(p);
      }
      List<Peer> seen = new ArrayList<>();
      storage.forEachPeer(seen::add);
      assertThat(seen).containsExactlyElementsOf(expected);
    }
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"pyrofork-v4-user.session", "kurigram-v6-user.session"})
  void forkFilesKeepEveryUsernameOfAPeer(String file) {
    try (Storage storage = openFixture(file)) {
      assertThat(storage.peer(222222222).orElseThrow().usernames())
          .containsExactly("bob_main", "bob_collectible");
      assertThat(storage.peerByUsername("bob_collectible"))
          .isEqualTo(new InputPeer.User(222222222, -987654321098765432L));
      assertThat(storage.peer(111111111).orElseThrow().usernames())
          .containsExactly("alice_smith");
    }
  }

  static Session expectedSession(JsonNode s) {
    JsonNode key = s.path("auth_key");
    return new Session(
        s.path("dc_id").asInt(),
        s.path("api_id").isNull() ? null : (Long) s.path("api_id").asLong(),
        s.path("test_mode").isNull() ? null : s.path("test_mode").asInt() != 0,
        key.isNull() ? null : AuthKey.of(HexFormat.of().parseHex(key.path("hex").asText())),
        s.path("date").asLong(),
        s.path("user_id").isNull() ? null : s.path("user_id").asLong(),
        s.path("is_bot").isNull() ? null : s.path("is_bot").asInt() != 0);
  }

  private static void assertLookups(JsonNode cases, Function<String, InputPeer> lookup) {
    assertThat(cases.size()).isPositive();
    Iterator<Map.Entry<String, JsonNode>> it = cases.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> c = it.next();
      JsonNode expected = c.getValue();
      if (expected.has("error")) {
        String message = expected.path("message").asText().replace("'", "");
        PeerNotFoundException e = catchThrowableOfType(PeerNotFoundException.class,
            () -> lookup.apply(c.getKey()));
        assertThat(e).as("lookup of %s", c.getKey()).isNotNull().hasMessage(message);
        assertThat(e.key()).isEqualTo(c.getKey());
      } else {
        InputPeer found = lookup.apply(c.getKey());
        assertThat(found).as("lookup of %s", c.getKey()).isEqualTo(inputPeer(expected));
        if (expected.has("tl_hex")) {
          assertThat(HexFormat.of().formatHex(found.toTl()))
              .isEqualTo(expected.path("tl_hex").asText());
        }
      }
    }
  }

  private static InputPeer inputPeer(JsonNode n) {
    return switch (n.path("_").asText()) {
      case "InputPeerUser" -> new InputPeer.User(n.path("user_id").asLong(),
          n.path("access_hash").asLong());
      case "InputPeerChat" -> new InputPeer.Chat(n.path("chat_id").asLong());
      case "InputPeerChannel" -> new InputPeer.Channel(n.path("channel_id").asLong(),
          n.path("access_hash").asLong());
      default -> throw new IllegalArgumentException("unexpected " + n);
    };
  }

  private static void assertExport(Storage storage, JsonNode expected) {
    if (expected.has("string")) {
      assertThat(storage.exportSessionString()).isEqualTo(expected.path("string").asText());
    } else {
      StorageException e = catchThrowableOfType(StorageException.class,
          storage::exportSessionString);
      assertThat(e).isNotNull().hasMessageContaining("cannot export a session string")
          .hasMessageContaining("is unknown");
    }
  }

  static int versionOf(Path file) throws SQLException {
    try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_ONLY, 1000);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT number FROM version")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
