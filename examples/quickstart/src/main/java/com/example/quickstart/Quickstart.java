package com.example.quickstart;

import dev.jgram.Client;
import dev.jgram.storage.Session;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opens a session file as an application would, and says what it holds. */
public final class Quickstart {
  private Quickstart() {}

  /**
   * Opens {@code quickstart.session} in a new temporary directory (or the directory given as
   * the first argument), prints where it is and whether it is logged in, and closes it.
   *
   * @param args optionally, the directory for the session file
   * @throws IOException if the temporary directory cannot be created
   */
  public static void main(String[] args) throws IOException {
    Path dir = args.length > 0 ? Path.of(args[0]) : Files.createTempDirectory("jgram-quickstart");
    try (Client app = Client.builder("quickstart").workdir(dir).build()) {
      Session session = app.storage().session();
      System.out.println("session file: " + dir.resolve("quickstart.session")
          + (Files.isRegularFile(dir.resolve("quickstart.session")) ? " (created)" : " (missing)"));
      System.out.println("jgram read as module " + Client.class.getModule().getName());
      System.out.println(session.isAuthorized() ? "logged in as " + session.userId()
          : "not logged in yet: data centre " + session.dcId());
    }
  }
}
