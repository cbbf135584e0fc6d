package dev.jgram.storage;

import dev.jgram.storage.lock.SessionLock;
import java.nio.file.Path;

/**
 * Who holds a file session, as {@link #of(Path)} finds it without taking it: a running jgram
 * client keeps an exclusive OS lock on {@code <file>.lock} and names itself there.
 *
 * @param held whether a client, in this process or another, owns the session now
 * @param owner who holds it ({@code "process 42 on host build-7 since 2026-..."}), or, when
 *     not held, who left a stale lock file (a process that ended); null if unknown
 */
public record SessionLockState(boolean held, String owner) {
  /**
   * Probes the lock of {@code sessionFile}. Never creates or changes a file: it reads the
   * lock file and asks for a shared lock on it through a read-only channel, which fails while
   * an owner holds its exclusive lock. An owner in this process is recognised without
   * touching the OS lock.
   */
  public static SessionLockState of(Path sessionFile) {
    return SessionLock.probe(sessionFile);
  }

  /** One line for people: not held, or who holds the session. */
  public String describe() {
    if (!held) {
      return "not held: no running client owns this session" + (owner == null ? ""
          : " (a lock file left by " + owner + ", which ended; the next client takes it over)");
    }
    return "held by another client: " + (owner == null ? "owner unknown" : owner);
  }
}
