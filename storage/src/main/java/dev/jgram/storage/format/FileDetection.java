package dev.jgram.storage.format;

import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.sqlite.SqliteFiles;
import dev.jgram.storage.sqlite.SqliteHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;

/** {@link SessionFormats#detect(Path)}: which library wrote a file or folder. */
final class FileDetection {
  private static final int MAX_TEXT_FILE = 64 * 1024;

  private FileDetection() {}

  static DetectedSession detect(Path path) {
    if (Files.isDirectory(path)) {
      if (!GramJsStoreSession.looksLikeStore(path)) {
        throw new InvalidSessionFileException(path, path + ": a folder, but not a GramJS "
            + "StoreSession (no <name>%3AauthKey file in it)");
      }
      return validated(path, SessionFormat.GRAMJS_STORE, GramJsStoreSession.read(path));
    }
    if (!Files.isRegularFile(path)) {
      throw new InvalidSessionFileException(path, path + ": no such file or folder");
    }
    if (SqliteHeader.isSqlite(path)) {
      return detectSqlite(path);
    }
    return detectText(path);
  }

  private static DetectedSession detectSqlite(Path path) {
    try (Connection c = SqliteFiles.openReadOnly(path, "a session file")) {
      Set<String> tables = SqliteFiles.tables(c);
      if (tables.contains("sessions") && tables.contains("entities")) {
        return validated(path, SessionFormat.TELETHON_FILE,
            TelethonSessionFile.read(path, c, tables));
      }
      if (tables.contains("sessions") && tables.contains("peers")) {
        return validated(path, SessionFormat.PYROGRAM_FILE, PyrogramFileProbe.read(path, c));
      }
      throw new InvalidSessionFileException(path, path + ": an SQLite database with tables ["
          + String.join(", ", tables) + "]; expected sessions and entities (telethon-file) "
          + "or sessions and peers (pyrogram-file)");
    } catch (SQLException e) {
      throw new InvalidSessionFileException(path, path + ": cannot read the SQLite database ("
          + e.getMessage() + ")", e);
    }
  }

  private static DetectedSession detectText(Path path) {
    String text = readText(path, path, MAX_TEXT_FILE,
        "SQLite, or a text file holding a session string or gotd JSON");
    try {
      return SessionFormats.detect(text);
    } catch (InvalidSessionStringException e) {
      throw new InvalidSessionFileException(path, path + ": " + e.getMessage(), e);
    }
  }

  /**
   * The UTF-8 text of {@code file}, a file of the session at {@code owner}, which must hold at
   * most {@code limit} bytes ({@code expected} says what it should hold).
   *
   * @throws InvalidSessionFileException if it is larger or cannot be read
   */
  static String readText(Path owner, Path file, int limit, String expected) {
    try {
      if (Files.size(file) > limit) {
        throw new InvalidSessionFileException(owner, file + ": larger than " + limit
            + " bytes; expected " + expected);
      }
      return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new InvalidSessionFileException(owner, file + ": cannot read (" + e.getMessage()
          + ")", e);
    }
  }

  private static DetectedSession validated(Path path, SessionFormat format, PortableSession s) {
    byte[] key = s.authKey() == null ? null : s.authKey().bytes();
    String problem = SessionChecks.problem(s.dcId(), s.session().testMode(), key);
    if (key != null) {
      java.util.Arrays.fill(key, (byte) 0);
    }
    if (problem != null) {
      throw new InvalidSessionFileException(path, path + ": " + format.cliName() + ": "
          + (s.authKey() == null ? "no auth key (the session is not logged in)" : problem));
    }
    return new DetectedSession(format, s);
  }

}
