package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.jgram.storage.file.SqliteSchema;
import dev.jgram.storage.sqlite.SqliteFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Files that are not sessions jgram can open are refused with a typed error that names the
 * file and says what was expected, and are left byte for byte as they were, with nothing
 * created beside them.
 */
public class SqliteBadFileTest {
  @TempDir Path dir;

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of("a text file", "is not an SQLite database"),
        Arguments.of("zero bytes", "is empty (0 bytes)"),
        Arguments.of("random bytes", "is not an SQLite database"),
        Arguments.of("a JSON session of Pyrogram 0.14", "pre-0.15 Pyrogram JSON session"),
        Arguments.of("a file cut mid-page", "is truncated"),
        Arguments.of("a file cut at a page boundary", "is truncated"),
        Arguments.of("a file cut inside the header", "is truncated"),
        Arguments.of("another SQLite database", "not a Pyrogram session"),
        Arguments.of("a Telethon session", "looks like a Telethon session"),
        Arguments.of("an empty version table", "has no schema version"),
        Arguments.of("a peers table without type", "without the columns [type]"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("badFiles")
  void aBadFileIsRefusedUnchangedWithNothingBesideIt(String kind, String expected)
      throws Exception {
    Path file = make(kind);
    String before = Fixtures.sha256(file);
    List<Path> siblingsBefore = listDir();
    for (boolean readOnly : new boolean[] {false, true}) {
      Storage storage = Storage.file(file, StorageConfig.DEFAULTS.withReadOnly(readOnly));
      InvalidSessionFileException e = catchThrowableOfType(InvalidSessionFileException.class,
          storage::open);
      assertThat(e).as(kind).isNotNull();
      assertThat(e.getMessage()).contains(file.toString()).contains(expected);
      assertThat(e.file()).isEqualTo(file);
      assertThatStorageIsUnusable(storage);
    }
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
    assertThat(listDir()).isEqualTo(siblingsBefore);
  }

  @Test
  void aSchemaNewerThanKnownIsRefusedAsTooNewAndLeftAlone() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    execute(file, "UPDATE version SET number = 8");
    assertRefusedAsTooNew(file, "session schema", 8, 7);
  }

  /**
   * Opening {@code file}, to write and read-only, fails with a SchemaTooNewException for
   * {@code version} of {@code schema}, and leaves the file and its folder as they were.
   */
  private void assertRefusedAsTooNew(Path file, String schema, int version, int newestKnown)
      throws Exception {
    String before = Fixtures.sha256(file);
    for (StorageConfig config : List.of(StorageConfig.DEFAULTS,
        StorageConfig.DEFAULTS.withReadOnly(true))) {
      SchemaTooNewException e = catchThrowableOfType(SchemaTooNewException.class,
          Storage.file(file, config)::open);
      assertThat(e.version()).isEqualTo(version);
      assertThat(e.newestKnown()).isEqualTo(newestKnown);
      assertThat(e).hasMessageContaining(file.toString())
          .hasMessageContaining(schema + " version " + version);
    }
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
    assertThat(listDir()).containsExactly(file);
  }

  @Test
  void jgramTablesOfANewerJgramAreRefusedAsTooNewAndLeftAlone() throws Exception {
    Path file = dir.resolve("newer.session");
    try (Storage s = Storage.file(file)) {
      s.open();
      s.updatePeers(List.of(Peer.of(5, 6L, PeerType.USER, List.of("five", "cinq"), null)));
    }
    execute(file, "UPDATE jgram_meta SET value = '"
        + (SqliteSchema.JGRAM_SCHEMA + 1) + "' WHERE key = 'jgram_schema'");
    assertRefusedAsTooNew(file, "jgram schema", SqliteSchema.JGRAM_SCHEMA + 1,
        SqliteSchema.JGRAM_SCHEMA);
  }

  @Test
  void aJgramSchemaThatIsNoNumberIsAnErrorNamingIt() throws Exception {
    Path file = dir.resolve("garbled.session");
    try (Storage s = Storage.file(file)) {
      s.open();
    }
    execute(file, "UPDATE jgram_meta SET value = 'two' WHERE key = 'jgram_schema'");
    assertThatThrownBy(Storage.file(file)::open)
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessageContaining(file.toString()).hasMessageContaining("'two'");
  }

  @Test
  void aRefusedFileCanBeOpenedOnceRepaired() throws Exception {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    execute(file, "UPDATE version SET number = 99");
    Storage refused = Storage.file(file);
    catchThrowableOfType(SchemaTooNewException.class, refused::open);
    execute(file, "UPDATE version SET number = 3");
    try (Storage s = Storage.file(file)) {
      s.open();
      assertThat(s.peerCount()).isEqualTo(8);
    }
  }

  @Test
  void aPeerOfATypeJgramCannotAddressIsAnErrorNamingItNotACrash() throws Exception {
    Path file = Fixtures.copy("kurigram-v6-user.session", dir);
    execute(file, "INSERT INTO peers (id, access_hash, type, last_update_on) "
        + "VALUES (-1005555, 9, 'forum', 1700000000)");
    try (Storage s = Storage.file(file)) {
      s.open();
      StorageException e = catchThrowableOfType(StorageException.class, () -> s.peerById(-1005555));
      assertThat(e).hasMessageContaining("-1005555").hasMessageContaining("'forum'");
      assertThat(s.peerById(111111111)).isEqualTo(
          new InputPeer.User(111111111, 1234567890123456789L));
    }
  }

  private static void assertThatStorageIsUnusable(Storage storage) {
    IllegalStateException e = catchThrowableOfType(IllegalStateException.class,
        storage::session);
    assertThat(e).isNotNull();
  }

  private List<Path> listDir() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.sorted().toList();
    }
  }

  private Path make(String kind) throws Exception {
    Path file = dir.resolve("bad.session");
    byte[] user = Files.readAllBytes(Fixtures.copy("pyrogram-v3-user.session", dir));
    Files.delete(dir.resolve("pyrogram-v3-user.session"));
    switch (kind) {
      case "a text file" -> Files.writeString(file, "api_id = 12345\napi_hash = secret\n");
      case "zero bytes" -> Files.write(file, new byte[0]);
      case "random bytes" -> {
        byte[] noise = new byte[8192];
        new Random(7).nextBytes(noise);
        Files.write(file, noise);
      }
      case "a JSON session of Pyrogram 0.14" -> Files.writeString(file,
          "{\"dc_id\": 2, \"test_mode\": false, \"auth_key\": [\"AAAA\"]}", StandardCharsets.UTF_8);
      case "a file cut mid-page" -> Files.write(file, Arrays.copyOf(user, 10000));
      case "a file cut at a page boundary" -> Files.write(file, Arrays.copyOf(user, 8192));
      case "a file cut inside the header" -> Files.write(file, Arrays.copyOf(user, 60));
      case "another SQLite database" -> execute(file, "CREATE TABLE notes (id INTEGER, body TEXT)");
      case "a Telethon session" -> {
        execute(file, "CREATE TABLE version (version INTEGER PRIMARY KEY)");
        execute(file, "CREATE TABLE sessions (dc_id INTEGER PRIMARY KEY, server_address TEXT)");
        execute(file, "CREATE TABLE entities (id INTEGER PRIMARY KEY, hash INTEGER)");
      }
      case "an empty version table" -> {
        Files.write(file, user);
        execute(file, "DELETE FROM version");
      }
      case "a peers table without type" -> {
        Files.write(file, user);
        execute(file, "ALTER TABLE peers DROP COLUMN type");
      }
      default -> throw new IllegalArgumentException(kind);
    }
    return file;
  }

  public static void execute(Path file, String sql) throws SQLException {
    try (Connection c = SqliteFiles.open(file, SqliteFiles.Access.READ_WRITE, 1000);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
