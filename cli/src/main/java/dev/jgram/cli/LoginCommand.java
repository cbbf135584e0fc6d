package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.mtproto.api.User;
import dev.jgram.net.DcAddress;
import dev.jgram.storage.Session;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgram login}: logs a bot into a session, creating the file if needed. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log a bot in (auth.importBotAuthorization) and store the session, as Pyrogram would.",
      "A new session starts on DC 2 when it is among the --dc given, else on the first --dc.",
      "A session that is already logged in makes no login call and no key exchange."
    })
final class LoginCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<session>",
      description = "A Pyrogram session file (created if missing), a session string, or '-'.")
  String session;

  @Option(names = "--bot", paramLabel = "TOKEN", required = true,
      description = "The bot token from BotFather.")
  String token;

  @Option(names = "--api-hash", paramLabel = "H", required = true,
      description = "The application's api_hash.")
  String apiHash;

  @Option(names = "--test", description = "Use Telegram's test DCs.")
  boolean test;

  @Mixin
  NetworkOptions net = new NetworkOptions();

  @Spec
  CommandSpec spec;

  private final Terminal terminal;

  LoginCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    if (net.apiId == null) {
      throw new ParameterException(spec.commandLine(), "Missing required option: '--api-id=N'");
    }
    Client.Builder b = net.apply(OnlineSession.builder(session, terminal, true)).apiHash(apiHash);
    if (test) {
      b.testMode(true);
    }
    try (Client client = Online.build(session, b)) {
      startDc(client, net.addresses());
      User me = Online.run(session, () -> client.loginBot(token));
      MeJson.print(terminal.out(), net.json, me, client.storage().session().dcId(),
          client.keyExchanges());
    }
    return 0;
  }

  /** A session without a key starts on DC 2 if given, else on the first --dc. */
  private static void startDc(Client client, List<DcAddress> dcs) {
    Session s = client.storage().session();
    if (s.authKey() == null && !dcs.isEmpty()
        && dcs.stream().noneMatch(d -> d.id() == 2)) {
      client.storage().session(s.withDcId(dcs.get(0).id()));
    }
  }
}
