package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.Session;
import dev.jgram.storage.SessionLockedException;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.concurrent.Callable;
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
      "memory sessions wrote nothing to disk. Then a local test cluster (127.0.0.1 only,",
      "nothing talks to Telegram): my_account.session is started over and a bot logs into",
      "it, whose second start makes no key exchange and no login (the cluster's counters say",
      "so), the peer cache fills from the answers, and a bot login is moved by",
      "USER_MIGRATE_3; messages sent to the bot while it is stopped are delivered once, in",
      "order, from the difference when it starts again; then a user account: a login with a",
      "two-step verification password through a phone migration into my_user.session, and",
      "the key of a second DC reused by the next start. The auth keys and the session string",
      "are never printed."
    })
final class DemoCommand implements Callable<Integer> {
  static final String NAME = "my_account";
  static final String FILE_NAME = NAME + ".session";

  @Option(names = "--dir", paramLabel = "D",
      description = "Where to create my_account.session (default: a new temporary directory).")
  Path dir;

  private final PrintWriter out;
  private final Terminal terminal;

  DemoCommand(Terminal terminal) {
    this.out = terminal.out();
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws IOException {
    Path workdir = prepareDirectory();
    out.println("jgram demo: the three session storage engines, for real, then bots and a user"
        + " account on a local test cluster");
    out.println("directory: " + workdir + (dir == null ? " (a new temporary directory)" : ""));
    Session session = DemoData.session();
    String exported = fileStorage(workdir, session);
    String before = listing(workdir);
    String digestBefore = digest(workdir);
    memoryStorage(session);
    sessionString(exported, session);
    noDiskWrites(workdir, before, digestBefore);
    step(5, "A bot online on a local test cluster: log in, come back without a key exchange,"
        + " the peer cache, a USER_MIGRATE");
    try (BotDemo bots = BotDemo.start(out)) {
      bots.run(workdir);
      step(6, "Updates while the bot is stopped: sent through the test cluster, delivered"
          + " once, in order, from the difference");
      new UpdatesDemo(out, bots).run(workdir);
    }
    step(7, "A user account on a local test cluster: phone code, two-step verification,"
        + " a second DC");
    new UserDemo(out).run(workdir);
    closingHint(workdir.resolve(FILE_NAME));
    return 0;
  }

  /** Commands that work as printed from the directory the user is in. */
  private void closingHint(Path file) {
    String jgram = LauncherCommand.from(terminal.env(), Path.of(""));
    String target = LauncherCommand.quote(file.toString());
    String indent = " ".repeat("done. Look inside the file: ".length());
    out.println();
    out.println("done. Look inside the file: " + jgram + " info " + target);
    out.println(indent + jgram + " peers " + target);
    out.println(indent + jgram + " check " + target);
  }

  private Path prepareDirectory() throws IOException {
    if (dir == null) {
      return Files.createTempDirectory("jgram-demo-");
    }
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new CliException(dir + ": not a directory");
    }
    Files.createDirectories(dir);
    for (String name : new String[] {FILE_NAME, UserDemo.NAME + ".session",
        BotDemo.MOVED_NAME + ".session"}) {
      if (Files.exists(dir.resolve(name))) {
        throw new CliException(dir.resolve(name) + ": already exists; the demo never "
            + "touches an existing session (choose another --dir, or remove it)");
      }
    }
    return dir;
  }

  /** Step 1; returns the exported session string for step 3. */
  private String fileStorage(Path workdir, Session session) throws IOException {
    step(1, "File storage: new Client(\"" + NAME + "\") -> " + FILE_NAME
        + " (SQLite; Pyrogram 2.x opens it too)");
    try (Client app = Client.builder(NAME).workdir(workdir).build()) {
      app.storage().session(session);
      said("created " + FILE_NAME + " with a generated 256-byte auth key, key id "
          + session.authKey().idHex() + " (the key itself is never printed)");
      said("stored the session: dc " + session.dcId() + ", api_id " + session.apiId()
          + ", user " + session.userId() + ", not a bot");
      app.storage().updatePeers(DemoData.peers());
      said("stored " + DemoData.peers().size() + " peers: " + DemoData.peers().stream()
          .map(DemoData::describe).collect(Collectors.joining(", ")));
      secondOwnerRefused(workdir);
    }
    said("closed it: " + FILE_NAME + " is " + Files.size(workdir.resolve(FILE_NAME))
        + " bytes on disk");
    return reopen(workdir, session);
  }

  /** The rest of step 1: a new client on the closed file finds everything again. */
  private String reopen(Path workdir, Session session) {
    try (Client app = Client.builder(NAME).workdir(workdir).build()) {
      Session back = app.storage().session();
      said("reopened it: dc " + back.dcId() + ", user " + back.userId() + ", key id "
          + back.authKey().idHex() + sameKey(session, back) + ", "
          + app.storage().peerCount() + " peers");
      resolve(app, DemoData.ALICE);
      resolve(app, "@jgram_news");
      resolve(app, "@alice_collectible");
      String exported = app.exportSessionString();
      said("exported its session string: " + exported.length() + " characters, starting "
          + exported.substring(0, 8) + "… (a secret: whoever has it controls the account, so "
          + "it is never printed whole)");
      return exported;
    }
  }

  private void secondOwnerRefused(Path workdir) {
    try (Client second = Client.builder(NAME).workdir(workdir).build()) {
      said("a second client opened the same file: the lock did not hold");
    } catch (SessionLockedException e) {
      said("a second client on the same file is refused while this one runs:");
      said("  " + e.getMessage());
    }
  }

  private void memoryStorage(Session session) {
    step(2, "Memory storage: new Client(\":memory:\") (pure Java, no SQLite, nothing on disk)");
    try (Client app = new Client(":memory:")) {
      app.storage().session(session);
      app.storage().updatePeers(DemoData.peers().subList(0, 2));
      said("stored the same session and 2 peers in memory");
      resolve(app, "@alice");
    }
    said("closed it: what it held is gone");
  }

  private void sessionString(String exported, Session original) {
    step(3, "Session string: new Client(<the string exported in step 1>)");
    try (Client app = new Client(exported)) {
      Session s = app.storage().session();
      said("opened a new client from the string: dc " + s.dcId() + ", user " + s.userId()
          + ", key id " + s.authKey().idHex() + sameKey(original, s));
      said("its peer cache is empty (a string carries none): " + app.storage().peerCount()
          + " peers");
      resolve(app, "@alice");
    }
  }

  private void noDiskWrites(Path workdir, String before, String digestBefore)
      throws IOException {
    step(4, "Nothing on disk for the memory sessions");
    String after = listing(workdir);
    said("directory before steps 2-3: " + before);
    said("directory after steps 2-3:  " + after);
    if (!before.equals(after) || !digestBefore.equals(digest(workdir))) {
      throw new CliException(workdir + ": changed during the memory steps");
    }
    said("unchanged, byte for byte (SHA-256): the \":memory:\" and string sessions wrote nothing");
  }

  /** The SHA-256 of every file's name and content, so "unchanged" means byte for byte. */
  private static String digest(Path workdir) throws IOException {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required by every Java platform", e);
    }
    try (Stream<Path> files = Files.list(workdir)) {
      for (Path p : files.sorted().toList()) {
        sha.update(p.getFileName().toString().getBytes(StandardCharsets.UTF_8));
        if (Files.isRegularFile(p)) {
          sha.update(Files.readAllBytes(p));
        }
      }
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static String listing(Path workdir) throws IOException {
    try (Stream<Path> files = Files.list(workdir)) {
      String names = files.sorted().map(DemoCommand::entry).collect(Collectors.joining(", "));
      return names.isEmpty() ? "(empty)" : names;
    }
  }

  private static String entry(Path p) {
    try {
      return p.getFileName() + " (" + Files.size(p) + " bytes)";
    } catch (IOException e) {
      return p.getFileName() + " (size unknown)";
    }
  }

  private void resolve(Client app, Object peer) {
    String what = peer instanceof String ? "\"" + peer + "\"" : peer + "L";
    try {
      said("resolvePeer(" + what + ") -> " + PeerQuery.describe(app.resolvePeer(peer)));
    } catch (PeerNotFoundException e) {
      said("resolvePeer(" + what + ") -> " + e.getMessage());
    }
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
