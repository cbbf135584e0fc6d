package dev.jgram.cli;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code jgram demo}: walks through the three storage engines for real and says what it did. */
@Command(
    name = "demo",
    mixinStandardHelpOptions = true,
    description = {
      "Walk through the three storage engines for real, saying what happens at each step.",
      "Creates my_account.session (a file session) with a generated key and a few peers,",
      "closes and reopens it, resolves a peer by id and by username; opens a \":memory:\"",
      "session; exports a session string and opens a new client from it; shows that the",
      "memory sessions wrote nothing to disk. No network: nothing here talks to Telegram.",
      "The auth key and the session string are never printed."
    })
final class DemoCommand implements Callable<Integer> {
  static final String FILE_NAME = "my_account.session";

  @Option(names = "--dir", paramLabel = "D",
      description = "Where to create my_account.session (default: a new temporary directory).")
  Path dir;

  private final Terminal terminal;
  private final PrintWriter out;

  DemoCommand(Terminal terminal) {
    this.terminal = terminal;
    this.out = terminal.out();
  }

  @Override
  public Integer call() throws IOException {
    Path workdir = prepareDirectory();
    Path file = workdir.resolve(FILE_NAME);
    out.println("jgram demo: the three session storage engines, for real (no network)");
    out.println("directory: " + workdir + (dir == null ? " (a new temporary directory)" : ""));
    Session session = DemoData.session();
    fileStorage(file, session);
    String before = listing(workdir);
    memoryStorage(session);
    String exported = sessionString(file);
    noDiskWrites(workdir, before);
    out.println();
    out.println("done. Look inside the file: jgram info " + file);
    out.println("                            jgram peers " + file);
    out.println("                            jgram check " + file);
    return exported.isEmpty() ? 1 : 0;
  }

  private Path prepareDirectory() throws IOException {
    if (dir == null) {
      return Files.createTempDirectory("jgram-demo-");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CliException(dir + ": not a directory");
    }
    Files.createDirectories(dir);
    if (Files.exists(dir.resolve(FILE_NAME))) {
      throw new CliException(dir.resolve(FILE_NAME) + ": already exists; the demo never "
          + "touches an existing session (choose another --dir, or remove it)");
    }
    return dir;
  }

  private void fileStorage(Path file, Session session) throws IOException {
    step(1, "File storage: " + FILE_NAME + " (SQLite, a file Pyrogram 2.x opens too)");
    try (Storage storage = Storage.file(file)) {
      storage.open();
      storage.session(session);
      said("created " + FILE_NAME + " with a generated 256-byte auth key, key id "
          + session.authKey().idHex() + " (the key itself is never printed)");
      said("stored the session: dc " + session.dcId() + ", api_id " + session.apiId()
          + ", user " + session.userId() + ", not a bot");
      storage.updatePeers(DemoData.peers());
      said("stored " + DemoData.peers().size() + " peers: " + DemoData.peers().stream()
          .map(DemoData::describe).collect(Collectors.joining(", ")));
    }
    said("closed it: " + FILE_NAME + " is " + Files.size(file) + " bytes on disk");
    try (Storage storage = Storage.file(file)) {
      storage.open();
      Session back = storage.session();
      said("reopened it: dc " + back.dcId() + ", user " + back.userId() + ", key id "
          + back.authKey().idHex() + sameKey(session, back) + ", " + storage.peerCount() + " peers");
      resolve("id " + DemoData.ALICE, () -> storage.peerById(DemoData.ALICE));
      resolve("@jgram_news", () -> storage.peerByUsername("jgram_news"));
      resolve("@alice_collectible (a second username)",
          () -> storage.peerByUsername("alice_collectible"));
    }
  }

  private void memoryStorage(Session session) {
    step(2, "Memory storage: \":memory:\" (pure Java, no SQLite, nothing on disk)");
    try (Storage storage = Storage.memory()) {
      storage.open();
      storage.session(session);
      storage.updatePeers(DemoData.peers().subList(0, 2));
      said("opened \":memory:\" and stored the same session and 2 peers");
      resolve("@alice", () -> storage.peerByUsername("alice"));
    }
    said("closed it: what it held is gone");
  }

  private String sessionString(Path file) {
    step(3, "Session string: the whole session in one line of text");
    String exported;
    try (Storage storage = Storage.file(file)) {
      storage.open();
      exported = storage.exportSessionString();
    }
    said("exported " + FILE_NAME + "'s session string: " + exported.length() + " characters, "
        + "starting " + exported.substring(0, 8) + "… (a secret: whoever has it controls the "
        + "account, so it is never printed whole)");
    try (Storage fromString = Storage.fromSessionString(exported)) {
      fromString.open();
      Session s = fromString.session();
      said("opened a new session from the string: dc " + s.dcId() + ", user " + s.userId()
          + ", key id " + s.authKey().idHex() + ", " + fromString.peerCount()
          + " peers (a string carries no peer cache)");
    }
    return exported;
  }

  private void noDiskWrites(Path workdir, String before) throws IOException {
    step(4, "Nothing on disk for the memory sessions");
    String after = listing(workdir);
    said("directory before steps 2-3: " + before);
    said("directory after steps 2-3:  " + after);
    if (!before.equals(after)) {
      throw new CliException(workdir + ": changed during the memory steps");
    }
    said("unchanged: the \":memory:\" and string sessions wrote nothing");
  }

  private static String listing(Path workdir) throws IOException {
    try (Stream<Path> files = Files.list(workdir)) {
      List<String> names = files.sorted().map(DemoCommand::entry).toList();
      return names.isEmpty() ? "(empty)" : String.join(", ", names);
    }
  }

  private static String entry(Path p) {
    try {
      return p.getFileName() + " (" + Files.size(p) + " bytes)";
    } catch (IOException e) {
      return p.getFileName() + " (size unknown)";
    }
  }

  private void resolve(String what, Supplier<InputPeer> lookup) {
    said("resolved " + what + " -> " + PeerQuery.describe(lookup.get()));
  }

  private static String sameKey(Session a, Session b) {
    return a.authKey().equals(b.authKey()) ? " (the same key)" : " (A DIFFERENT KEY)";
  }

  private void step(int n, String title) {
    out.println();
    out.println(n + ". " + title);
  }

  private void said(String line) {
    out.println("   " + line);
  }
}
