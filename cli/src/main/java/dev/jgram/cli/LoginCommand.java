package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.SignUpRequiredException;
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

/** {@code jgram login}: logs a bot or a user into a session, creating the file if needed. */
@Command(
    name = "login",
    mixinStandardHelpOptions = true,
    description = {
      "Log a bot in (--bot, auth.importBotAuthorization) or a user (--phone: the code Telegram",
      "sends, then the two-step verification password if the account has one) and store the",
      "session, as Pyrogram would. A PHONE_MIGRATE moves the session to the account's home DC.",
      "Codes and passwords are asked on the terminal (the password without echo), or with",
      "--code-stdin read one per line from standard input, in the order asked: after a refused",
      "code the next line is the next code (up to 5), after a wrong password the next password",
      "(up to 3). A new session starts on DC 2 when it is among the --dc given, else on the",
      "first --dc. A session that is already logged in makes no login call and no key exchange."
    })
final class LoginCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<session>",
      description = "A Pyrogram session file (created if missing), a session string, or '-'.")
  String session;

  @Option(names = "--bot", paramLabel = "TOKEN",
      description = "The bot token from BotFather.")
  String token;

  @Option(names = "--phone", paramLabel = "+NNN",
      description = "Log in a user with this phone number.")
  String phone;

  @Option(names = "--first-name", paramLabel = "F",
      description = "Sign up with this first name if the number has no account yet.")
  String firstName;

  @Option(names = "--last-name", paramLabel = "L",
      description = "The last name to sign up with (with --first-name).")
  String lastName;

  @Option(names = "--code-stdin",
      description = "Read the code and the password from standard input, one per line.")
  boolean codeStdin;

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
    if ((token == null) == (phone == null)) {
      throw new ParameterException(spec.commandLine(),
          "Give exactly one of '--bot=TOKEN' and '--phone=+NNN'");
    }
    if (phone == null && (firstName != null || lastName != null || codeStdin)) {
      throw new ParameterException(spec.commandLine(),
          "--first-name, --last-name and --code-stdin go with --phone");
    }
    if (lastName != null && firstName == null) {
      throw new ParameterException(spec.commandLine(), "--last-name needs --first-name");
    }
    Client.Builder b = net.apply(OnlineSession.builder(session, terminal, true)).apiHash(apiHash);
    if (test) {
      b.testMode(true);
    }
    try (Client client = Online.build(session, b)) {
      startDc(client, net.addresses());
      User me = Online.run(session, () -> token != null ? client.loginBot(token)
          : loginUser(client));
      MeJson.print(terminal.out(), net.json, me, client.storage().session().dcId(),
          client.keyExchanges());
    }
    return 0;
  }

  private User loginUser(Client client) {
    LoginPrompts prompts = codeStdin ? LoginPrompts.stdin(terminal, phone)
        : LoginPrompts.console(terminal, phone);
    try {
      return client.loginUser(phone, prompts.codes(), prompts.passwords(), firstName, lastName);
    } catch (SignUpRequiredException e) {
      throw new CliException(Online.label(session) + ": " + phone + " has no Telegram account"
          + " yet; signing up needs --first-name (and optionally --last-name)", e);
    }
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
