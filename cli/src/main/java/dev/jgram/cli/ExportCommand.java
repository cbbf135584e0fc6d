package dev.jgram.cli;

import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code jgram export}: prints a session file's session string, the one command that does. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Print the session string of a session file.",
      "Pyrogram's current 362-character layout. The string is a secret: whoever has it",
      "controls the account; when standard output is a terminal, a warning goes to stderr.",
      "Never changes the file."
    })
final class ExportCommand implements Callable<Integer> {

  static final String WARNING = "warning: this session string is a secret: whoever has it "
      + "controls the account; do not share it or paste it into chats, issues or logs";

  @Parameters(paramLabel = "<file.session>", description = "The session file.")
  Path file;

  private final Terminal terminal;

  ExportCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    String exported;
    try (Storage storage = SessionFiles.openReadOnly(file, terminal.clock())) {
      exported = storage.exportSessionString();
    } catch (StorageException e) {
      String m = e.getMessage();
      throw new CliException(m.startsWith(file.toString()) ? m : file + ": " + m, e);
    }
    if (terminal.interactive()) {
      terminal.err().println(WARNING);
    }
    terminal.out().println(exported);
    return 0;
  }
}
