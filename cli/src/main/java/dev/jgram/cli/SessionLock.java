package dev.jgram.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Who holds a file session, found without taking it: a running jgram client keeps an OS lock on
 * {@code <file>.lock} and writes its pid, host and start time into it. The probe opens that
 * file for reading only (never creating it) and asks for a shared lock on it, which fails while
 * an owner holds its exclusive lock; a lock file nobody locks is a leftover of a process that
 * ended.
 *
 * @param held whether a client holds the session now
 * @param owner who holds it, as the lock file says; {@code null} if unknown or not held
 */
record SessionLock(boolean held, String owner) {

  private static final int MAX_OWNER_CHARS = 300;

  /** The lock file of {@code sessionFile}. */
  static Path lockFile(Path sessionFile) {
    return SessionDatabase.sibling(sessionFile, ".lock");
  }

  /** Probes the lock of {@code sessionFile}; never creates or changes a file. */
  static SessionLock probe(Path sessionFile) {
    Path lock = lockFile(sessionFile);
    if (!Files.isRegularFile(lock)) {
      return new SessionLock(false, null);
    }
    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.READ)) {
      FileLock mine = ch.tryLock(0, Long.MAX_VALUE, true);
      if (mine != null) {
        mine.release();
        return new SessionLock(false, null);
      }
      return new SessionLock(true, owner(lock));
    } catch (OverlappingFileLockException e) {
      return new SessionLock(true, "this process (pid " + ProcessHandle.current().pid() + ")");
    } catch (IOException e) {
      return new SessionLock(true, owner(lock) + " (lock state unknown: " + e.getMessage() + ")");
    }
  }

  /** What the lock file says about its owner, on one line. */
  private static String owner(Path lock) {
    try {
      byte[] head;
      try (InputStream in = Files.newInputStream(lock)) {
        head = in.readNBytes(4096);
      }
      String text = new String(head, StandardCharsets.UTF_8);
      String line = Jgram.oneLine(text);
      if (line.isEmpty()) {
        return null;
      }
      return line.length() > MAX_OWNER_CHARS ? line.substring(0, MAX_OWNER_CHARS) + "…" : line;
    } catch (IOException e) {
      return null;
    }
  }

  /** One line for people: "free", or who holds the session. */
  String describe() {
    if (!held) {
      return "not held: no running client owns this session";
    }
    return "held by another client: " + (owner == null ? "owner unknown" : owner);
  }
}
