package dev.jgram;

import dev.jgram.mtproto.api.User;
import java.nio.file.Path;

/**
 * A client in a process of its own, for the crash tests: {@code login DIR PORT PEM TOKEN} logs
 * a bot in, prints "ready" and waits to be killed; {@code listen DIR PORT PEM TOKEN} does the
 * same and prints "msg TEXT" for every new message it is given ({@link UpdatesCrashScenario});
 * {@code me DIR PORT PEM} prints the account and the key exchanges it made. Test code only.
 */
public final class ChildClient {
  private ChildClient() {}

  /** Runs one mode. */
  public static void main(String[] args) throws Exception {
    Client.Builder b = Client.builder("bot").workdir(Path.of(args[1])).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c").serverKey(args[3])
        .dc(2, "127.0.0.1", Integer.parseInt(args[2]));
    try (Client app = b.build()) {
      if (args[0].equals("listen")) {
        UpdatesCrashScenario.listenUntilKilled(app, args[4]);
      }
      if (args[0].equals("login")) {
        app.loginBot(args[4]);
        System.out.println("ready");
        System.out.flush();
        Thread.currentThread().join();
      }
      User me = app.getMe();
      System.out.println("me " + me.id() + " key_exchanges " + app.keyExchanges());
    }
  }
}
