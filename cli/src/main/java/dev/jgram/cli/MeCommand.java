package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.mtproto.api.User;
import dev.jgram.mtproto.tl.TlObject;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgram me}: connects with a stored session and asks who it is. */
@Command(
    name = "me",
    mixinStandardHelpOptions = true,
    description = {
      "Connect with a session's stored key and print the logged-in account (getMe).",
      "No key exchange and no login: key_exchanges is 0 when the stored key was used.",
      "The api_id comes from the session, or from --api-id for formats without one.",
      "--on-dc N sends getMe to DC N through an authorisation exported from the home DC",
      "(stored with DC N's key, so a second run makes no key exchange and no export)."
    })
final class MeCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<session>",
      description = "A session file or folder, a session string of any library, or '-'.")
  String session;

  @Option(names = "--on-dc", paramLabel = "N",
      description = "Send getMe to DC N instead of the home DC.")
  Integer onDc;

  @Mixin
  NetworkOptions net = new NetworkOptions();

  private final Terminal terminal;

  MeCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  private User onDc(Client client) {
    List<?> users = (List<?>) client.invokeOn(onDc, TlObject.of("users.getUsers", "id",
        List.of(TlObject.of("inputUserSelf"))));
    if (users.isEmpty()) {
      throw new CliException(Online.label(session) + ": DC " + onDc
          + " answered users.getUsers([inputUserSelf]) with no user");
    }
    return User.from((TlObject) users.get(0));
  }

  @Override
  public Integer call() {
    Client.Builder b = net.apply(OnlineSession.builder(session, terminal, false));
    try (Client client = Online.build(session, b)) {
      if (client.storage().session().apiId() == null) {
        throw new CliException(session + ": the session holds no api_id; give it with --api-id");
      }
      if (client.storage().session().authKey() == null) {
        throw new CliException(session + ": the session holds no auth key; log in first");
      }
      User me = Online.run(session, onDc == null ? client::getMe : () -> onDc(client));
      MeJson.print(terminal.out(), net.json, me,
          onDc == null ? client.storage().session().dcId() : onDc, client.keyExchanges());
    }
    return 0;
  }
}
