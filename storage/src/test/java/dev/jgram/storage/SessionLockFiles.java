package dev.jgram.storage;

import java.nio.file.Path;

/** Where a file session's ownership lock lives: {@code <session>.lock} beside it. */
final class SessionLockFiles {
  private SessionLockFiles() {}

  static Path of(Path session) {
    return session.resolveSibling(session.getFileName() + ".lock");
  }
}
