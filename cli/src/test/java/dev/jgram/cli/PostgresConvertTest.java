package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.postgres.PostgresStorage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Iterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jgram convert} into a real PostgreSQL and back out. */
class PostgresConvertTest {
  @TempDir Path dir;
  Path file;
  String pyrogramString;
  String url;
  String name;

  @BeforeEach
  void setUp() {
    file = Fixtures.copy("pyrogram-v3-user.session", dir);
    pyrogramString = Fixtures.pyrogramView("pyrogram-v3-user").path("export_session_string")
        .path("string").asText();
    url = Pg.jdbcUrl();
    name = Pg.freshName("alice");
  }

  private static String ok(CliRun.Result r) {
    assertThat(r.exitCode()).as(r.err()).isZero();
    return r.out().strip();
  }

  private CliRun.Result toPostgres(Path input, String... more) {
    String[] base = {"convert", input.toString(), "--to", "postgres", "--jdbc-url", url,
        "--name", name};
    String[] args = Arrays.copyOf(base, base.length + more.length);
    System.arraycopy(more, 0, args, base.length, more.length);
    return jgram(args);
  }

  private Path backToFile(String fileName) {
    Path back = dir.resolve(fileName);
    ok(jgram("convert", "postgres:" + name, "--jdbc-url", url, "--to", "pyrogram-file",
        "--out", back.toString()));
    return back;
  }

  private static JsonNode info(Path f) throws Exception {
    return Json.mapper().readTree(ok(jgram("info", "--json", f.toString())));
  }

  /** The same lookup on both files answers the same (output, exit code, error minus the path). */
  private static void assertSameLookup(Path original, Path back, String flag, String key) {
    CliRun.Result a = jgram("peers", original.toString(), flag, key, "--json");
    CliRun.Result b = jgram("peers", back.toString(), flag, key, "--json");
    assertThat(b.exitCode()).as(flag + " " + key).isEqualTo(a.exitCode());
    assertThat(b.out()).as(flag + " " + key).isEqualTo(a.out());
    assertThat(b.err().replace(back.toString(), "F"))
        .isEqualTo(a.err().replace(original.toString(), "F"));
  }

  @Test
  void theKeysOfOtherDcsGoIntoPostgresAndBackWithTheirFlags() throws Exception {
    dev.jgram.storage.DcKey media;
    try (dev.jgram.storage.Storage s = dev.jgram.storage.Storage.file(file)) {
      s.open();
      media = new dev.jgram.storage.DcKey(4, s.session().authKey(), true);
      s.dcKey(media);
    }
    ok(toPostgres(file));
    try (PostgresStorage rows = PostgresStorage.create(Pg.dataSource(), name)) {
      rows.open();
      assertThat(rows.dcKeys()).containsExactly(media);
    }
    JsonNode back = info(backToFile("back.session")).path("other_dcs");
    assertThat(back.toString()).isEqualTo("[{\"dc_id\":4,\"auth_key_id\":\""
        + media.authKey().idHex() + "\",\"authorized\":true}]");
  }

  @Test
  void aPyrogramFileGoesIntoPostgresAndBackWithItsSessionPeersAndLookups() throws Exception {
    String written = ok(toPostgres(file));
    Path back = backToFile("back.session");

    assertThat(written).isEqualTo("wrote postgres:jgram/" + name + " at " + url
        + " from pyrogram-file: dc 2, user 987654321, 8 peers");
    assertThat(ok(jgram("export", back.toString()))).isEqualTo(pyrogramString);
    JsonNode before = info(file);
    JsonNode after = info(back);
    for (String field : new String[] {"dc_id", "api_id", "user_id", "is_bot", "test_mode",
        "auth_key_id", "date", "peers"}) {
      assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
    }
    assertThat(ok(jgram("peers", back.toString(), "--json")))
        .isEqualTo(ok(jgram("peers", file.toString(), "--json")));
    JsonNode lookups = Fixtures.pyrogramView("pyrogram-v3-user").path("lookups");
    String[][] kinds = {{"by_id", "--id"}, {"by_username", "--username"},
        {"by_phone_number", "--phone"}};
    for (String[] kind : kinds) {
      for (Iterator<String> keys = lookups.path(kind[0]).fieldNames(); keys.hasNext(); ) {
        assertSameLookup(file, back, kind[1], keys.next());
      }
    }
  }

  @Test
  void aPostgresSessionConvertsToAStringFormatToo() {
    ok(toPostgres(file));

    String exported = ok(jgram("convert", "postgres", "--name", name, "--jdbc-url", url,
        "--to", "pyrogram-string"));

    assertThat(exported).isEqualTo(pyrogramString);
  }

  @Test
  void aSessionStringGoesIntoPostgresThroughTheFormatReaders() throws Exception {
    CliRun.Result r = cli().stdin(pyrogramString).run("convert", "-", "--to", "postgres",
        "--jdbc-url", url, "--name", name);

    assertThat(ok(r)).endsWith("from pyrogram-string: dc 2, user 987654321, 0 peers");
    assertThat(ok(jgram("export", backToFile("s.session").toString()))).isEqualTo(pyrogramString);
  }

  @Test
  void anExistingPostgresSessionIsReplacedOnlyWithForce() throws Exception {
    ok(toPostgres(file));
    Path fresh = Fixtures.copy("pyrogram-v3-fresh.session", dir);

    CliRun.Result refused = toPostgres(fresh);
    assertThat(refused.exitCode()).isEqualTo(1);
    assertThat(refused.errLines()).containsExactly("jgram convert: postgres:jgram/" + name
        + " at " + url + ": already exists (a session row or peers); pass --force to replace it");
    assertThat(info(backToFile("kept.session")).path("peers").asLong()).isEqualTo(8);

    ok(toPostgres(fresh, "--force"));
    Path replaced = backToFile("replaced.session");
    JsonNode expected = info(fresh);
    JsonNode actual = info(replaced);
    for (String field : new String[] {"dc_id", "api_id", "user_id", "auth_key_id", "peers"}) {
      assertThat(actual.path(field)).as(field).isEqualTo(expected.path(field));
    }
    assertThat(actual.path("peers").asLong()).isNotEqualTo(8);
  }

  @Test
  void aSessionOwnedByAnotherClientIsRefusedNamingTheOwner() {
    try (PostgresStorage owner = PostgresStorage.create(Pg.dataSource(), name,
        PostgresStorage.DEFAULT_SCHEMA, StorageConfig.DEFAULTS)) {
      owner.open();

      CliRun.Result r = toPostgres(file, "--force");

      assertThat(r.exitCode()).isEqualTo(1);
      assertThat(r.errLines()).hasSize(1);
      assertThat(r.err()).startsWith("jgram convert: postgres:jgram/" + name
          + ": session is in use by process " + ProcessHandle.current().pid() + " on host ");
    }
  }

  @Test
  void anUnreachableDatabaseIsOneLineNamingTheUrlWithoutItsPassword() {
    String bad = "jdbc:postgresql://127.0.0.1:1/nowhere?user=u&password=hunter2";

    CliRun.Result r = jgram("convert", file.toString(), "--to", "postgres", "--jdbc-url", bad,
        "--name", name);

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).startsWith("jgram convert: jdbc:postgresql://127.0.0.1:1/nowhere"
        + "?user=u&password=***: ").doesNotContain("hunter2");
  }

  @Test
  void aUrlThatIsNotPostgresIsRefusedWithoutItsPassword() {
    CliRun.Result r = jgram("convert", "postgres:" + name, "--jdbc-url",
        "jdbc:mysql://db/x?password=hunter2", "--to", "pyrogram-string");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).containsExactly("jgram convert: jdbc:mysql://db/x?password=***: "
        + "not a PostgreSQL JDBC URL; expected jdbc:postgresql://host[:port]/database[?user=...]");
  }

  @Test
  void thePasswordIsReadFromTheNamedEnvironmentVariable() {
    CliRun.Result unset = toPostgres(file, "--db-password-env", "JGRAM_TEST_UNSET_PASSWORD_VAR");
    assertThat(unset.exitCode()).isEqualTo(1);
    assertThat(unset.errLines()).containsExactly("jgram convert: --db-password-env "
        + "JGRAM_TEST_UNSET_PASSWORD_VAR: environment variable JGRAM_TEST_UNSET_PASSWORD_VAR "
        + "is not set");

    // The embedded server trusts local connections, so any password (here $PATH's) is accepted.
    String path = System.getenv("PATH");
    CliRun.Result r = toPostgres(file, "--db-password-env", "PATH", "--db-user", "postgres");
    assertThat(ok(r)).doesNotContain(path);
  }

  @Test
  void aMissingSessionIsNamedWhenReadingBack() {
    CliRun.Result r = jgram("convert", "postgres:" + name, "--jdbc-url", url,
        "--to", "pyrogram-string");

    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains("postgres:jgram/" + name);
  }

  @Test
  void postgresWithoutUrlOrNameIsAUsageError() {
    assertThat(jgram("convert", file.toString(), "--to", "postgres", "--name", name).err())
        .contains("needs --jdbc-url");
    CliRun.Result noName = jgram("convert", file.toString(), "--to", "postgres",
        "--jdbc-url", url);
    assertThat(noName.exitCode()).isEqualTo(2);
    assertThat(noName.err()).contains("needs --name");
  }

  @Test
  void aSessionIsCopiedBetweenNamesAndTheSourceIsUnchanged() throws Exception {
    ok(toPostgres(file));
    String copy = Pg.freshName("copy");

    ok(jgram("convert", "postgres:" + name, "--jdbc-url", url, "--to", "postgres",
        "--name", copy));

    Path out = dir.resolve("copy.session");
    ok(jgram("convert", "postgres:" + copy, "--jdbc-url", url, "--to", "pyrogram-file",
        "--out", out.toString()));
    assertThat(ok(jgram("peers", out.toString(), "--json")))
        .isEqualTo(ok(jgram("peers", file.toString(), "--json")));
    assertThat(Files.exists(out)).isTrue();
  }

  @Test
  void theHelpDocumentsPostgresAsTargetAndInput() {
    CliRun.Result r = jgram("convert", "--help");

    assertThat(r.out()).contains("gotd-json, postgres", "--to postgres --jdbc-url <url> --name",
        "postgres:<name>", "--db-password-env=<VAR>", "--db-user=<user>", "--schema=<schema>",
        "(default: jgram)");
  }
}
