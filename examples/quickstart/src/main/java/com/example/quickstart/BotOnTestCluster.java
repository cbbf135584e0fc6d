package com.example.quickstart;

import dev.jgram.Client;
import dev.jgram.mtproto.api.User;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;

/**
 * Logs a bot into a Telegram test cluster that runs in this JVM on 127.0.0.1, and prints what
 * {@code getMe} answers: the whole client (key exchange, DC migration, login) against a real
 * MTProto server, with no network and no Telegram account.
 */
public final class BotOnTestCluster {
  /** A token of the form BotFather gives; the cluster knows this bot, nobody else does. */
  private static final String TOKEN = "7000001:AAE-example-token";

  private BotOnTestCluster() {}

  /**
   * Starts a cluster of three DCs with the bot at home on DC 2, logs it in from a client kept
   * in memory, prints {@code getMe}, and stops everything.
   *
   * @param args ignored
   */
  public static void main(String[] args) {
    try (TestCluster cluster = TestCluster.builder().dcs(1, 2, 3)
        .services(setup -> Services.open(setup.dcs(), setup.clock(), setup.random(),
            setup.stateDir(), setup.updates(), setup.logins()))
        .start()) {
      ((Services) cluster.services()).addBot(BotSpec.parse(TOKEN + "@2=example_bot"));
      Client.Builder builder = Client.builder("example_bot").inMemory(true)
          .apiId(611335).apiHash("d524b414d21f4d37f08684c1df41ac9c")
          .serverKey(cluster.publicKeyPem());
      for (DcAddress dc : cluster.dcs()) {
        builder.dc(dc.id(), dc.host(), dc.port());
      }
      try (Client bot = builder.build()) {
        bot.loginBot(TOKEN);
        User me = bot.getMe();
        System.out.println("getMe: id " + me.id() + ", bot " + me.bot() + ", @"
            + String.join(", @", me.usernames()) + ", home DC "
            + bot.storage().session().dcId());
      }
    }
  }
}
