package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.mtproto.api.User;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A client process for tests: builds {@code Client} {@code args[1]} in folder {@code args[0]}
 * against DC {@code args[5]} at {@code args[6]}:{@code args[7]} trusting the PEM key in file
 * {@code args[4]}, logs bot token {@code args[2]} in with api_id {@code args[3]}, calls getMe,
 * prints {@code online id=ID key_exchanges=N}, and then stays online until its standard input
 * closes (or it is killed, which is what the test does).
 */
public final class OnlineChild {
  private static final String API_HASH = "0123456789abcdef0123456789abcdef";

  private OnlineChild() {}

  /** Runs the client; see the class comment for the arguments. */
  public static void main(String[] args) throws IOException {
    try (Client client = Client.builder(args[1]).workdir(Path.of(args[0]))
        .apiId(Long.parseLong(args[3])).apiHash(API_HASH)
        .serverKey(Files.readString(Path.of(args[4])))
        .dc(Integer.parseInt(args[5]), args[6], Integer.parseInt(args[7])).build()) {
      client.loginBot(args[2]);
      User me = client.getMe();
      System.out.println("online id=" + me.id() + " key_exchanges=" + client.keyExchanges());
      System.out.flush();
      while (System.in.read() >= 0) {
        // online until the parent closes our stdin or kills us
      }
    }
  }
}
