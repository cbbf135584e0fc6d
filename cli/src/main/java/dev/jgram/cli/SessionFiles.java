package dev.jgram.cli;

import dev.jgram.storage.SessionEncryption;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Clock;

/** Checks a session file argument and opens it for inspection only. */
final class SessionFiles {
  private SessionFiles() {}

  /**
   * The path of an existing, readable, regular session file.
   *
   * @throws CliException naming the argument: missing, a directory, or unreadable
   */
  static Path requireFile(String arg) {
    Path path;
    try {
      path = Path.of(arg);
    } catch (InvalidPathException e) {
      throw new CliException(arg + ": not a valid file name (" + e.getReason() + ")", e);
    }
    return requireFile(path);
  }

  /** As {@link #requireFile(String)}, for a path. */
  static Path requireFile(Path path) {
    if (Files.isDirectory(path)) {
      throw new CliException(path + ": is a directory; expected a session file");
    }
    if (!Files.exists(path)) {
      throw new CliException(path + ": no such file");
    }
    if (!Files.isRegularFile(path)) {
      throw new CliException(path + ": not a regular file; expected a session file");
    }
    if (!Files.isReadable(path)) {
      throw new CliException(path + ": permission denied (not readable)");
    }
    return path;
  }

  /**
   * Opens a Pyrogram-family session file read-only: no migration, no write, no lock taken, so
   * it works while a running client owns the session. An encrypted file needs {@code encryption}
   * (from {@code JGRAM_SESSION_PASSPHRASE} or {@code JGRAM_SESSION_KEY}). The header and tables are checked first
   * so that a file that is not a session gets an exact message and is never handed to the
   * engine.
   *
   * @throws CliException or {@link dev.jgram.storage.StorageException} naming the file
   */
  static Storage openReadOnly(Path file, Clock clock, SessionEncryption encryption) {
    Storage storage = readOnly(file, clock, encryption);
    storage.open();
    return storage;
  }

  /** As {@link #openReadOnly}, but not yet opened (for a Client, which opens it itself). */
  static Storage readOnly(Path file, Clock clock, SessionEncryption encryption) {
    requireFile(file);
    try (SessionDatabase db = SessionDatabase.open(file)) {
      if (db.requireSession() != SessionDatabase.Kind.PYROGRAM) {
        throw new CliException(file + ": a Telethon session file; this command reads "
            + "Pyrogram-family session files (convert it first)");
      }
    }
    return checked(file, clock, encryption);
  }

  /** As {@link #readOnly}, for a file whose header and tables the caller has checked. */
  static Storage checked(Path file, Clock clock, SessionEncryption encryption) {
    return Storage.file(file, StorageConfig.DEFAULTS.withReadOnly(true).withClock(clock)
        .withEncryption(encryption));
  }
}
