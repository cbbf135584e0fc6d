package dev.jgram.cli;

import dev.jgram.storage.Session;
import dev.jgram.storage.SessionLockState;
import dev.jgram.storage.Storage;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormats;
import dev.jgram.storage.sqlite.SqliteHeader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jgram check}: is this session file sound, and who holds it. */
@Command(
    name = "check",
    mixinStandardHelpOptions = true,
    description = {
      "Check a session file and say who holds it.",
      "SQLite header and integrity, schema version, whether jgram can read it, and whether",
      "another process holds the session (which one, if known).",
      "Exit code 1 if anything is wrong (a session held by a running client is reported, but",
      "is not wrong). Never changes the file, and works while a running client holds it."
    })
final class CheckCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<file.session>", description = "The session file.")
  Path file;

  private final Terminal terminal;
  private final List<String> problems = new ArrayList<>();

  CheckCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    terminal.out().println("check " + file);
    SessionDatabase.Kind kind = checkFile();
    if (kind == SessionDatabase.Kind.PYROGRAM) {
      checkSession();
    } else if (kind == SessionDatabase.Kind.TELETHON) {
      checkTelethonSession();
    }
    checkLock();
    if (problems.isEmpty()) {
      terminal.out().println("result: ok");
      return 0;
    }
    terminal.out().println("result: " + problems.size() + " problem(s)");
    terminal.err().println("jgram check: " + file + ": " + problems.get(0)
        + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
    return 1;
  }

  /** File, header, integrity and schema; the kind, or null if nothing more can be checked. */
  private SessionDatabase.Kind checkFile() {
    try {
      SessionFiles.requireFile(file);
      try (SessionDatabase db = SessionDatabase.open(file)) {
        SqliteHeader h = db.header();
        line(true, "file", h.size() + " bytes, SQLite 3, " + h.pageSize() + "-byte pages, "
            + (h.wal() ? "WAL journal" : "rollback journal"));
        List<String> integrity = db.integrityCheck();
        boolean sound = integrity.equals(List.of("ok"));
        line(sound, "integrity", "PRAGMA integrity_check: "
            + String.join("; ", integrity.subList(0, Math.min(3, integrity.size()))));
        SessionDatabase.Kind kind = db.requireSession();
        Integer version = db.schemaVersion(kind);
        line(true, "schema", describe(kind, version));
        return sound ? kind : null;
      }
    } catch (CliException e) {
      line(false, "file", stripFile(e.getMessage()));
      return null;
    }
  }

  private void checkSession() {
    try (Storage storage = SessionFiles.openReadOnly(file, terminal.clock(), terminal.encryption())) {
      Session s = storage.session();
      line(true, "session", "dc " + s.dcId() + ", " + login(s) + ", " + storage.peerCount()
          + " peers");
      storage.keyRevocation().ifPresent(reason -> line(false, "auth key", "revoked: " + reason));
    } catch (RuntimeException e) {
      line(false, "session", stripFile(Failures.describe(e)));
    }
  }

  private void checkTelethonSession() {
    try {
      PortableSession p = SessionFormats.detect(file).session();
      line(true, "session", "dc " + p.dcId() + ", " + login(p.session()) + ", "
          + p.peers().size() + " entities (Telethon file: convert it to use it with jgram)");
    } catch (RuntimeException e) {
      line(false, "session", stripFile(Failures.describe(e)));
    }
  }

  private void checkLock() {
    SessionLockState lock = SessionLockState.of(file);
    info("lock", lock.describe());
    Path journal = SessionDatabase.sibling(file, "-journal");
    if (Files.exists(journal)) {
      info("journal", journal.getFileName() + " exists: a client is writing now, or one "
          + "crashed mid-write (SQLite rolls it back on the next read-write open)");
    }
    Path wal = SessionDatabase.sibling(file, "-wal");
    long walBytes = size(wal);
    if (walBytes > 0 && !lock.held()) {
      info("wal", wal.getFileName() + " holds " + walBytes + " bytes not yet checkpointed "
          + "into the file (kept by a client that is running or was killed)");
    }
  }

  private static String login(Session s) {
    if (s.authKey() == null) {
      return "not logged in (no auth key)";
    }
    String who = s.userId() == null ? "user unknown"
        : (Boolean.TRUE.equals(s.isBot()) ? "bot " : "user ") + s.userId();
    return who + ", auth key id " + s.authKey().idHex();
  }

  private static String describe(SessionDatabase.Kind kind, Integer version) {
    if (kind == SessionDatabase.Kind.TELETHON) {
      return "Telethon schema version " + version;
    }
    String origin = switch (version == null ? 0 : version) {
      case 1 -> " (Pyrogram 0.15)";
      case 2 -> " (Pyrogram 0.16 to 1.4)";
      case 3 -> " (Pyrogram 2.x)";
      case 4 -> " (pyrofork)";
      case 5, 6, 7 -> " (kurigram)";
      default -> "";
    };
    return "Pyrogram-family schema version " + version + origin;
  }

  private String stripFile(String message) {
    String prefix = file + ": ";
    return message != null && message.startsWith(prefix) ? message.substring(prefix.length())
        : Jgram.oneLine(message);
  }

  private void line(boolean ok, String what, String detail) {
    terminal.out().printf("  %-5s %-10s %s%n", ok ? "ok" : "FAIL", what, detail);
    if (!ok) {
      problems.add(what + ": " + detail);
    }
  }

  private void info(String what, String detail) {
    terminal.out().printf("  %-5s %-10s %s%n", "info", what, detail);
  }

  private static long size(Path p) {
    try {
      return Files.exists(p) ? Files.size(p) : 0;
    } catch (IOException e) {
      return 0;
    }
  }
}
