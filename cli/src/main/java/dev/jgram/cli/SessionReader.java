package dev.jgram.cli;

import dev.jgram.storage.DcKey;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.SessionEncryption;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.format.DetectedSession;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormat;
import dev.jgram.storage.format.SessionFormats;
import dev.jgram.storage.sqlite.SqliteHeader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Reads a session in any format jgram knows, never changing it: a Pyrogram-family file through
 * the SQLite engine (read-only, so its peers, update state and forks' tables come along), and
 * everything else (Telethon files, GramJS folders, strings, gotd JSON) through format detection.
 */
final class SessionReader {
  private SessionReader() {}

  /**
   * A session read from its source.
   *
   * @param format the detected format
   * @param schemaVersion the file's schema version, or {@code null} where there is none
   * @param session the session; its peers are filled only when asked for
   * @param peerCount how many peers the source caches
   * @param dcKeys the keys of DCs other than the home DC (only jgram's files keep them)
   */
  record Loaded(SessionFormat format, Integer schemaVersion, PortableSession session,
      long peerCount, List<DcKey> dcKeys) {

    /** A session whose source keeps no keys of other DCs. */
    Loaded(SessionFormat format, Integer schemaVersion, PortableSession session, long peerCount) {
      this(format, schemaVersion, session, peerCount, List.of());
    }
  }

  /**
   * Reads {@code input}.
   *
   * @param withPeers whether to load the peer cache into {@link Loaded#session()} (for
   *     conversions); otherwise only counted
   * @param encryption the key of an encrypted Pyrogram file (none for a clear one)
   * @throws CliException or {@link StorageException} naming the file or value
   */
  static Loaded read(SessionInput input, Clock clock, boolean withPeers,
      SessionEncryption encryption) {
    if (input instanceof SessionInput.Text text) {
      try {
        DetectedSession d = SessionFormats.detect(text.text());
        return new Loaded(d.format(), null, d.session(), d.session().peers().size());
      } catch (StorageException e) {
        throw new CliException(text.origin() + ": " + e.getMessage(), e);
      }
    }
    Path path = ((SessionInput.File) input).path();
    if (Files.isDirectory(path)) {
      return detected(path, null);
    }
    SessionFiles.requireFile(path);
    if (!SqliteHeader.mayBeSqlite(path)) {
      return textFile(path);
    }
    try (SessionDatabase db = SessionDatabase.open(path)) {
      SessionDatabase.Kind kind = db.requireSession();
      Integer version = db.schemaVersion(kind);
      if (kind == SessionDatabase.Kind.TELETHON) {
        return detected(path, version);
      }
      return pyrogramFile(path, version, db.address(), clock, withPeers, encryption);
    }
  }

  /** A file that is not SQLite may still hold a pasted string or gotd's JSON. */
  private static Loaded textFile(Path path) {
    try {
      return detected(path, null);
    } catch (InvalidSessionFileException e) {
      String m = e.getMessage();
      String prefix = path + ": ";
      throw new CliException(path + ": neither an SQLite session file nor a text file with a "
          + "session string or gotd JSON: " + (m.startsWith(prefix) ? m.substring(prefix.length())
          : m), e);
    }
  }

  private static Loaded detected(Path path, Integer version) {
    DetectedSession d = SessionFormats.detect(path);
    return new Loaded(d.format(), version, d.session(), d.session().peers().size());
  }

  /**
   * Reads a Pyrogram-family file (header and tables checked by the caller); kurigram 7's server
   * address and port come along.
   */
  private static Loaded pyrogramFile(Path path, Integer version, SessionDatabase.Address address,
      Clock clock, boolean withPeers, SessionEncryption encryption) {
    try (Storage storage = SessionFiles.checked(path, clock, encryption)) {
      storage.open();
      PortableSession s = withPeers ? SessionFormats.read(storage)
          : PortableSession.of(storage.session())
              .withUpdates(storage.updateState().orElse(null), storage.allChannelPts());
      s = s.withAddress(address.serverAddress(), address.port());
      return new Loaded(SessionFormat.PYROGRAM_FILE, version, s, storage.peerCount(),
          storage.dcKeys());
    }
  }
}
