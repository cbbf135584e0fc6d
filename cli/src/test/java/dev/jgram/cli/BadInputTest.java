package dev.jgram.cli;

import static dev.jgram.cli.CliRun.cli;
import static dev.jgram.cli.CliRun.jgram;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every bad input gets exit code 1, nothing on stdout, and one line on stderr naming it. */
class BadInputTest {
  @TempDir Path dir;

  private static void assertOneLineFailure(CliRun.Result r, String... expected) {
    assertThat(r.exitCode()).as(r.err()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(expected).doesNotContain("\tat ").doesNotContain("Exception");
  }

  private Path notSqlite() throws IOException {
    return Files.writeString(dir.resolve("notes.session"), "these are my notes, not a database\n");
  }

  private Path sqliteButNotASession() throws SQLException {
    Path file = dir.resolve("other.session");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement s = c.createStatement()) {
      s.execute("CREATE TABLE songs (id INTEGER PRIMARY KEY, title TEXT)");
      s.execute("INSERT INTO songs VALUES (1, 'la')");
    }
    return file;
  }

  private Path truncated() throws IOException {
    Path file = Fixtures.copy("pyrogram-v3-user.session", dir);
    byte[] bytes = Files.readAllBytes(file);
    return Files.write(dir.resolve("cut.session"), Arrays.copyOf(bytes, 10_000));
  }

  @ParameterizedTest
  @ValueSource(strings = {"info", "peers", "export"})
  void aMissingFileIsNamed(String command) {
    String missing = dir.resolve("nope.session").toString();
    assertOneLineFailure(jgram(command, missing), missing, "no such file");
  }

  @ParameterizedTest
  @ValueSource(strings = {"peers", "export"})
  void aDirectoryIsRefused(String command) {
    assertOneLineFailure(jgram(command, dir.toString()), dir.toString(), "is a directory");
  }

  @Test
  void infoOfADirectoryThatIsNoGramJsStoreSaysSo() {
    assertOneLineFailure(jgram("info", dir.toString()), dir.toString(),
        "a folder, but not a GramJS StoreSession");
  }

  @ParameterizedTest
  @ValueSource(strings = {"peers", "export"})
  void aFileThatIsNotSqliteIsRefusedAndLeftAlone(String command) throws IOException {
    Path file = notSqlite();
    String before = Fixtures.sha256(file);
    assertOneLineFailure(jgram(command, file.toString()), file.toString(),
        "not an SQLite database");
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
  }

  @Test
  void infoOfATextFileTriesItAsAPastedStringAndSaysWhyNot() throws IOException {
    Path file = notSqlite();
    String before = Fixtures.sha256(file);
    assertOneLineFailure(jgram("info", file.toString()), file.toString(),
        "neither an SQLite session file nor a text file with a session string or gotd JSON",
        "pyrogram-string", "gotd-json");
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"info", "peers", "export"})
  void anSqliteFileThatIsNotASessionNamesTheTablesFound(String command) throws Exception {
    Path file = sqliteButNotASession();
    String before = Fixtures.sha256(file);
    assertOneLineFailure(jgram(command, file.toString()), file.toString(),
        "not a session", "found songs");
    assertThat(Fixtures.sha256(file)).isEqualTo(before);
  }

  @ParameterizedTest
  @ValueSource(strings = {"info", "peers", "export"})
  void aTruncatedFileSaysHowMuchIsMissing(String command) throws IOException {
    Path file = truncated();
    assertOneLineFailure(jgram(command, file.toString()), file.toString(),
        "truncated: 10000 bytes");
  }

  @ParameterizedTest
  @ValueSource(strings = {"info", "peers", "export"})
  void anEmptyFileIsRefused(String command) throws IOException {
    Path file = Files.write(dir.resolve("empty.session"), new byte[0]);
    assertOneLineFailure(jgram(command, file.toString()), file.toString(), "is empty (0 bytes)");
  }

  @Test
  void aJsonFileGetsAHint() throws IOException {
    Path file = Files.writeString(dir.resolve("old.session"), "{\"dc_id\": 2}");
    assertOneLineFailure(jgram("info", file.toString()), "JSON without the top-level Version");
    assertOneLineFailure(jgram("peers", file.toString()), "looks like JSON");
  }

  @Test
  void aTruncatedSessionStringSaysWhatWasExpected() {
    String s = Fixtures.string("edge:truncated").path("string").asText();
    CliRun.Result r = jgram("info", s);
    assertOneLineFailure(r, "argument: session string of 361 characters is none of the formats",
        "pyrogram-string: base64 part has 361 data characters");
    assertThat(r.err()).doesNotContain(s);
  }

  @Test
  void aTelethonStringIsRecognisedAsOneInTheMessage() {
    String telethon = "1" + "A".repeat(351) + "=";
    CliRun.Result r = jgram("info", telethon);
    assertOneLineFailure(r, "telethon-string: auth key is all zeros");
    assertThat(r.err()).doesNotContain(telethon);
  }

  @Test
  void aBadStringOnStandardInputIsNamedAsSuch() {
    CliRun.Result r = cli().stdin("!!!not base64 at all!!!").run("info", "-");
    assertOneLineFailure(r, "standard input: ", "none of the formats");
  }

  @Test
  void emptyStandardInputIsRefused() {
    assertOneLineFailure(cli().stdin("  \n").run("info", "-"), "standard input: no session string");
  }

  @Test
  void aShortUnknownArgumentIsAMissingFile() {
    assertOneLineFailure(jgram("info", "my_account.session"), "my_account.session: no such file");
  }

  @Test
  void aMissingParameterIsAUsageErrorOnOneLine() {
    CliRun.Result r = jgram("info");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.out()).isEmpty();
    assertThat(r.errLines()).containsExactly(
        "jgram info: Missing required parameter: '<session>' (see 'jgram info --help')");
  }

  @Test
  void anUnknownOptionOrCommandIsAUsageError() {
    CliRun.Result option = jgram("peers", "--frobnicate", "x.session");
    CliRun.Result command = jgram("frobnicate");
    assertThat(option.exitCode()).isEqualTo(2);
    assertThat(option.errLines()).hasSize(1);
    assertThat(option.err()).contains("Unknown option: '--frobnicate'");
    assertThat(command.exitCode()).isEqualTo(2);
    assertThat(command.errLines()).hasSize(1);
  }

  @Test
  void verbosePrintsTheStackTraceAfterTheLine() throws IOException {
    Path file = notSqlite();
    CliRun.Result r = jgram("peers", "--verbose", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()[0]).contains("not an SQLite database");
    assertThat(r.err()).contains("Exception").contains("\tat dev.jgram.");
  }

  @ParameterizedTest
  @ValueSource(strings = {"missing", "directory", "not-sqlite", "not-a-session", "empty"})
  void checkReportsEveryBadFileAndFailsWithOneLineOnStderr(String kind) throws Exception {
    Path file = switch (kind) {
      case "missing" -> dir.resolve("nope.session");
      case "directory" -> Files.createDirectory(dir.resolve("folder.session"));
      case "not-sqlite" -> notSqlite();
      case "not-a-session" -> sqliteButNotASession();
      default -> Files.write(dir.resolve("empty.session"), new byte[0]);
    };
    String expected = switch (kind) {
      case "missing" -> "no such file";
      case "directory" -> "is a directory";
      case "not-sqlite" -> "not an SQLite database";
      case "not-a-session" -> "not a session";
      default -> "is empty (0 bytes)";
    };
    CliRun.Result r = jgram("check", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(file.toString(), expected);
    assertThat(r.out()).contains("FAIL  file", expected, "result: 1 problem(s)");
  }

  @Test
  void checkOfABrokenFileFailsWithOneLineOnStderr() throws IOException {
    Path file = truncated();
    CliRun.Result r = jgram("check", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.errLines()).hasSize(1);
    assertThat(r.err()).contains(file.toString(), "truncated: 10000 bytes");
    assertThat(r.out()).contains("FAIL  file").contains("result: 1 problem(s)");
    assertThat(Files.readAllBytes(file)).hasSize(10_000);
    assertThat(new String(Files.readAllBytes(file), 0, 15, StandardCharsets.US_ASCII))
        .isEqualTo("SQLite format 3");
  }
}
