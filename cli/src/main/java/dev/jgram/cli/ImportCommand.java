package dev.jgram.cli;

import dev.jgram.storage.PyrogramSessionString;
import dev.jgram.storage.Session;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgram import}: writes a new session file from a session string. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    description = {
      "Write a new session file from a session string.",
      "The file is Pyrogram schema 3, which Pyrogram 2.x opens.",
      "Refuses to overwrite an existing file unless --force is given, and never overwrites",
      "a session that a running client holds."
    })
final class ImportCommand implements Callable<Integer> {

  @Parameters(
      paramLabel = "<session string>",
      description = "The session string, or '-' to read it from stdin (keeps it out of the "
          + "process list and shell history).")
  String sessionString;

  @Option(names = "--out", required = true, paramLabel = "<name.session>",
      description = "The session file to write.")
  Path out;

  @Option(names = "--force", description = "Replace the file if it exists.")
  boolean force;

  private final Terminal terminal;

  ImportCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    Session session = decode();
    OutputTarget.prepare(out, force);
    try (Storage storage = Storage.file(out)) {
      storage.open();
      storage.session(session);
    }
    terminal.out().println("wrote " + out + ": dc " + session.dcId() + ", user "
        + (session.userId() == null ? "unknown" : session.userId())
        + ", auth key id " + (session.authKey() == null ? "none" : session.authKey().idHex()));
    return 0;
  }

  private Session decode() {
    SessionInput.Text text = sessionString.equals("-")
        ? (SessionInput.Text) SessionInput.parse("-", terminal)
        : new SessionInput.Text(sessionString.strip(), "argument");
    try {
      return PyrogramSessionString.decode(text.text());
    } catch (StorageException e) {
      throw new CliException(text.origin() + ": " + e.getMessage(), e);
    }
  }
}
