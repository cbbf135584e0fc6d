package dev.jgram.cli;

import dev.jgram.Client;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code jgram logout}: logs a session out and removes it, as Pyrogram's {@code log_out}. */
@Command(
    name = "logout",
    mixinStandardHelpOptions = true,
    description = {
      "Log the session out (auth.logOut on its home DC and on other DCs it was authorised on)",
      "and remove it: the session file and its lock, or nothing more for a session string.",
      "Prints one line naming the removed session."
    })
final class LogoutCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<session>",
      description = "A Pyrogram session file, a session string, or '-'.")
  String session;

  @Mixin
  NetworkOptions net = new NetworkOptions();

  private final Terminal terminal;

  LogoutCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    Client.Builder b = net.apply(OnlineSession.builder(session, terminal, false));
    try (Client client = Online.build(session, b)) {
      if (client.storage().session().authKey() == null) {
        throw new CliException(Online.label(session) + ": the session holds no auth key;"
            + " there is nothing to log out");
      }
      Online.run(session, () -> {
        client.logOut();
        return null;
      });
    }
    terminal.out().println("logged out and removed " + Online.label(session));
    return 0;
  }
}
