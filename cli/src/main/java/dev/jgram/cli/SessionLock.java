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
 * Who holds a file session, found without taking it. A running jgram client keeps an exclusive
 * OS lock on {@code <file>.lock} and writes its owner there as three lines,
 * {@code pid=}, {@code host=} and {@code since=}; it removes the file when it closes.
 *
 * <p>The probe never creates or changes a file: it reads the lock file, and asks for a shared
 * lock on it through a read-only channel, which fails while an owner holds its exclusive lock.
 * A lock file that nobody locks is a leftover of a process that died. A lock file naming this
 * very process is answered without touching the OS lock, because closing any channel of a
 * file drops every lock this process holds on it.
 *
 * @param held whether a client holds the session now
 * @param owner who holds it, e.g. "process 42 on host build-7 since 2026-...", or who left a
 *     stale lock file when not held; {@code null} if unknown
 */
record SessionLock(boolean held, String owner) {

  private static final int MAX_LOCK_FILE_BYTES = 4096;

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
    Owner owner = Owner.read(lock);
    long me = ProcessHandle.current().pid();
    if (owner.pid() == me) {
      return new SessionLock(true, "this process (pid " + me + ")");
    }
    try (FileChannel ch = FileChannel.open(lock, StandardOpenOption.READ)) {
      FileLock shared = ch.tryLock(0, Long.MAX_VALUE, true);
      if (shared != null) {
        shared.release();
        return new SessionLock(false, owner.pid() < 0 ? null : owner.describe());
      }
      return new SessionLock(true, owner.describe());
    } catch (OverlappingFileLockException e) {
      return new SessionLock(true, "this process (pid " + me + ")");
    } catch (IOException e) {
      return new SessionLock(true, owner.describe() + " (lock state unknown: " + e.getMessage()
          + ")");
    }
  }

  /** One line for people: not held, or who holds the session. */
  String describe() {
    if (!held) {
      return "not held: no running client owns this session" + (owner == null ? ""
          : " (a lock file left by " + owner + ", which ended; the next client takes it over)");
    }
    return "held by another client: " + (owner == null ? "owner unknown" : owner);
  }

  /** What a lock file says; pid -1 and nulls where it says nothing readable. */
  private record Owner(long pid, String host, String since) {

    static Owner read(Path lock) {
      String text;
      try (InputStream in = Files.newInputStream(lock)) {
        text = new String(in.readNBytes(MAX_LOCK_FILE_BYTES), StandardCharsets.UTF_8);
      } catch (IOException e) {
        return new Owner(-1, null, null);
      }
      long pid = -1;
      String host = null;
      String since = null;
      for (String line : text.split("\\R")) {
        int eq = line.indexOf('=');
        String value = eq < 0 ? "" : line.substring(eq + 1).strip();
        switch (eq < 0 ? "" : line.substring(0, eq).strip()) {
          case "pid" -> pid = parsePid(value);
          case "host" -> host = value;
          case "since" -> since = value;
          default -> { }
        }
      }
      return new Owner(pid, host, since);
    }

    private static long parsePid(String value) {
      try {
        return Long.parseLong(value);
      } catch (NumberFormatException e) {
        return -1;
      }
    }

    String describe() {
      if (pid < 0 && host == null) {
        return "owner unknown (the lock file names none)";
      }
      return "process " + (pid < 0 ? "?" : Long.toString(pid)) + " on host "
          + (host == null ? "?" : host) + (since == null ? "" : " since " + since);
    }
  }
}
