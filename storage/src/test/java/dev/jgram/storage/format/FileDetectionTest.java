package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link SessionFormats#detect(Path)} and {@link SessionFormats#write}. */
class FileDetectionTest {
  @TempDir Path dir;

  private Path pyrogram(String name) throws Exception {
    Path out = dir.resolve(name);
    try (InputStream in = getClass().getResourceAsStream("/fixtures/pyrogram/" + name)) {
      Files.copy(in, out);
    }
    return out;
  }

  @Test
  void aPyrogramFileIsDetectedWithItsSessionRow() throws Exception {
    DetectedSession d = SessionFormats.detect(pyrogram("pyrogram-v3-user.session"));

    assertThat(d.format()).isEqualTo(SessionFormat.PYROGRAM_FILE);
    Session s = d.session().session();
    assertThat(s.dcId()).isEqualTo(2);
    assertThat(s.apiId()).isEqualTo(12345);
    assertThat(s.testMode()).isFalse();
    assertThat(s.userId()).isEqualTo(987654321L);
    assertThat(s.isBot()).isFalse();
    assertThat(s.date()).isEqualTo(1699999000L);
    assertThat(d.notCarried()).containsExactly("server_address");
  }

  @Test
  void aSchemaOnePyrogramFileIsDetectedWithoutApiId() throws Exception {
    DetectedSession d = SessionFormats.detect(pyrogram("pyrogram-v1-v0.15.1.session"));

    assertThat(d.format()).isEqualTo(SessionFormat.PYROGRAM_FILE);
    assertThat(d.session().session().apiId()).isNull();
    assertThat(d.session().session().userId()).isEqualTo(123456789L);
  }

  @Test
  void aPyrogramFileBeforeLoginIsRefusedAsNotLoggedIn() throws Exception {
    Path file = pyrogram("pyrogram-v3-fresh.session");

    assertThatThrownBy(() -> SessionFormats.detect(file))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessage(file + ": pyrogram-file: no auth key (the session is not logged in)");
  }

  @Test
  void anotherSqliteDatabaseIsNamedWithItsTables() throws Exception {
    Path file = dir.resolve("app.db");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
        Statement st = c.createStatement()) {
      st.execute("CREATE TABLE users (id integer)");
    }

    assertThatThrownBy(() -> SessionFormats.detect(file))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessage(file + ": an SQLite database with tables [users]; expected sessions and "
            + "entities (telethon-file) or sessions and peers (pyrogram-file)");
  }

  @Test
  void aTextFileHoldingASessionStringIsDetectedAsThatString() throws Exception {
    Path file = Files.writeString(dir.resolve("session.txt"),
        DetectionTableTest.TELETHON4 + "\n");

    assertThat(SessionFormats.detect(file).format()).isEqualTo(SessionFormat.TELETHON_STRING);
  }

  @Test
  void aTextFileHoldingNoSessionSaysWhichFormatsWereTried() throws Exception {
    Path file = Files.writeString(dir.resolve("notes.txt"), "hello");

    assertThatThrownBy(() -> SessionFormats.detect(file))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessageStartingWith(file + ": session string of 5 characters is none of the "
            + "formats jgram reads; tried pyrogram-string: ");
  }

  @Test
  void aMissingPathIsNamed() {
    Path missing = dir.resolve("nope.session");

    assertThatThrownBy(() -> SessionFormats.detect(missing))
        .isInstanceOf(InvalidSessionFileException.class)
        .hasMessage(missing + ": no such file or folder");
  }

  @Test
  void stringFormatsAreWrittenAsOwnerOnlyTextFiles() throws Exception {
    Path out = dir.resolve("gotd.json");
    PortableSession s = SessionFormats.detect(DetectionTableTest.TELETHON4).session();

    SessionFormats.write(s, SessionFormat.GOTD_JSON, out);

    assertThat(Files.readString(out))
        .isEqualTo(InteropFixtures.text("gotd-from-telethon-ipv4-prod-dc2-k1.json"));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(out)))
        .isEqualTo("rw-------");
    assertThatThrownBy(() -> SessionFormats.write(s, SessionFormat.GOTD_JSON, out))
        .isInstanceOf(StorageException.class)
        .hasMessage(out + ": already exists; jgram does not overwrite it");
  }

  @Test
  void aStringFormatIsBuiltBesideItsFileAndLeavesNoTemporaryFileBehind() throws Exception {
    PortableSession s = SessionFormats.detect(DetectionTableTest.TELETHON4).session();

    SessionFormats.write(s, SessionFormat.TELETHON_STRING, dir.resolve("t.txt"));
    assertThatThrownBy(() -> SessionFormats.write(s, SessionFormat.GRAMJS_STRING,
        dir.resolve("missing/g.txt")))
        .isInstanceOf(StorageException.class)
        .hasMessageStartingWith(dir.resolve("missing/g.txt") + ": cannot write the session text "
            + "file (");

    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("t.txt");
    }
    assertThat(Files.readString(dir.resolve("t.txt")))
        .isEqualTo(SessionFormats.encode(s, SessionFormat.TELETHON_STRING));
  }

  @Test
  void writeDispatchesToTheTelethonFileAndGramJsStoreWriters() throws Exception {
    PortableSession s = SessionFormats.detect(DetectionTableTest.TELETHON4).session();

    SessionFormats.write(s, SessionFormat.TELETHON_FILE, dir.resolve("t.session"));
    SessionFormats.write(s, SessionFormat.GRAMJS_STORE, dir.resolve("g"));

    assertThat(SessionFormats.detect(dir.resolve("t.session")).format())
        .isEqualTo(SessionFormat.TELETHON_FILE);
    assertThat(SessionFormats.detect(dir.resolve("g")).format())
        .isEqualTo(SessionFormat.GRAMJS_STORE);
  }

  @Test
  void pyrogramFilesAreLeftToStorageFile() {
    PortableSession s = SessionFormats.detect(DetectionTableTest.PYROGRAM).session();

    assertThatThrownBy(() -> SessionFormats.write(s, SessionFormat.PYROGRAM_FILE,
        dir.resolve("p.session")))
        .isInstanceOf(UnsupportedOperationException.class)
        .hasMessageContaining("Storage.file(path)");
  }

  @Test
  void fileFormatsCannotBeEncodedAsStrings() {
    PortableSession s = SessionFormats.detect(DetectionTableTest.PYROGRAM).session();

    assertThatThrownBy(() -> SessionFormats.encode(s, SessionFormat.TELETHON_FILE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("telethon-file is a file format, not a string format; use write()");
  }
}
