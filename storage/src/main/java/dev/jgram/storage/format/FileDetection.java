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
    try {
      if (Files.size(path) > MAX_TEXT_FILE) {
        throw new InvalidSessionFileException(path, path + ": neither SQLite nor a text file "
            + "of at most " + MAX_TEXT_FILE + " bytes holding a session string or gotd JSON");
      }
      String text = new String(Files.readAllBytes(path), StandardCharsets.UTF_8);
      return SessionFormats.detect(text);
    } catch (InvalidSessionStringException e) {
      throw new InvalidSessionFileException(path, path + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new InvalidSessionFileException(path, path + ": cannot read (" + e.getMessage()
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
