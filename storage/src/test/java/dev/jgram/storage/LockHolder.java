package dev.jgram.storage;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * A child JVM for lock tests: opens the session named by its argument, prints
 * {@code open <pid>}, and closes it when a line (or end of input) arrives on stdin.
 */
public final class LockHolder {
  private LockHolder() {}

  /** Entry point: {@code LockHolder <session file>}. */
  public static void main(String[] args) throws Exception {
    try (Storage storage = Storage.file(Path.of(args[0]))) {
      storage.open();
      System.out.println("open " + ProcessHandle.current().pid());
      System.out.flush();
      new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    }
    System.out.println("closed");
    System.out.flush();
  }
}
