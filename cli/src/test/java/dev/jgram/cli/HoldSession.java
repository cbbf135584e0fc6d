package dev.jgram.cli;

import dev.jgram.storage.Storage;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A child process for tests: opens a file session (taking it, as a running client does),
 * prints {@code ready}, and holds it until its standard input closes.
 */
public final class HoldSession {
  private HoldSession() {}

  /** Holds the session file {@code args[0]} until stdin closes. */
  public static void main(String[] args) throws IOException {
    try (Storage storage = Storage.file(Path.of(args[0]))) {
      storage.open();
      System.out.println("ready");
      System.out.flush();
      while (System.in.read() >= 0) {
        // wait for the parent to close our stdin
      }
    }
  }
}
