package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.mtproto.api.User;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.event.ClusterEvent;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * The demo's online bot step: a local test cluster (DCs 1, 2 and 3 on 127.0.0.1) with two bots,
 * one at home on DC 2 and one on DC 3. The first logs into {@code my_bot.session} and calls
 * getMe; a second client on the same file calls getMe with no key exchange and no login, which
 * the cluster's own counters show; the second bot's login starts on DC 2 and follows
 * {@code USER_MIGRATE_3}; the peer cache fills from the answers and from
 * {@code contacts.resolveUsername}, and a cached username costs no call.
 */
final class BotDemo {
  static final String NAME = "my_bot";
  static final String MOVED_NAME = "my_moved_bot";
  static final String TOKEN = "7000001:AAH-jgram-demo-bot";
  static final String MOVED_TOKEN = "7000002:AAH-jgram-demo-moved";
  static final String MOVED_USERNAME = "jgram_moved_bot";

  private final PrintWriter out;

  BotDemo(PrintWriter out) {
    this.out = out;
  }

  /** Runs the step in {@code workdir}, creating {@code my_bot.session} and {@code my_moved_bot.session}. */
  void run(Path workdir) {
    try (TestCluster cluster = TestCluster.builder().dcs(1, 2, 3)
        .services(setup -> Services.open(setup.dcs(), setup.clock(), setup.random(), null,
            setup.updates(), setup.logins())).start()) {
      Services services = (Services) cluster.services();
      services.addBot(BotSpec.parse(TOKEN + "@2=jgram_demo_bot"));
      services.addBot(BotSpec.parse(MOVED_TOKEN + "@3=" + MOVED_USERNAME));
      said("started a test cluster: " + cluster.dcs().stream()
          .map(d -> "DC " + d.id() + " at " + d.host() + ":" + d.port())
          .collect(Collectors.joining(", ")));
      said("it holds bot 7000001 (home DC 2) and bot 7000002 @" + MOVED_USERNAME
          + " (home DC 3)");
      firstStart(cluster, workdir);
      secondStart(cluster, workdir);
      migration(cluster, workdir);
    }
  }

  private void firstStart(TestCluster cluster, Path workdir) {
    try (Client app = client(cluster, workdir, NAME).build()) {
      app.loginBot(TOKEN);
      User me = app.getMe();
      said("loginBot(<token>) on " + NAME + ".session, then getMe: bot " + me.id() + " @"
          + me.usernames().get(0) + ", " + app.keyExchanges() + " key exchange by this client");
      said("the cluster's counters: " + counters(cluster));
    }
  }

  private void secondStart(TestCluster cluster, Path workdir) {
    String before = counters(cluster);
    try (Client again = client(cluster, workdir, NAME).build()) {
      User me = again.getMe();
      said("closed it, opened " + NAME + ".session again and called getMe (no loginBot): bot "
          + me.id() + ", " + again.keyExchanges() + " key exchanges by this client");
      said("the cluster's counters: before " + before + "; after " + counters(cluster)
          + " (the stored key was used, no new key and no new login)");
      peerCache(cluster, again);
    }
  }

  /** The peer cache: filled by getMe's answer, then by a username lookup, then a cache hit. */
  private void peerCache(TestCluster cluster, Client app) {
    said("peer cache after getMe: " + app.storage().peerCount() + " peer (the bot itself,"
        + " from the answer)");
    long calls = cluster.rpcs();
    String first = PeerQuery.describe(app.resolvePeer("@" + MOVED_USERNAME));
    said("resolvePeer(\"@" + MOVED_USERNAME + "\") -> " + first + " (a cache miss: "
        + (cluster.rpcs() - calls) + " call, contacts.resolveUsername)");
    said("peer cache now: " + app.storage().peerCount() + " peers");
    calls = cluster.rpcs();
    String again = PeerQuery.describe(app.resolvePeer("@" + MOVED_USERNAME));
    said("resolvePeer(\"@" + MOVED_USERNAME + "\") again -> " + again + " (from the cache: "
        + (cluster.rpcs() - calls) + " calls)");
  }

  private void migration(TestCluster cluster, Path workdir) {
    try (Client moved = client(cluster, workdir, MOVED_NAME).build()) {
      User me = moved.loginBot(MOVED_TOKEN);
      int home = moved.storage().session().dcId();
      said("loginBot(<token of @" + MOVED_USERNAME + ">) on " + MOVED_NAME
          + ".session started on DC 2" + (home == 2 ? "" : "; USER_MIGRATE_" + home
          + " moved it to DC " + home) + ": bot " + me.id() + ", home DC " + home + ", "
          + moved.keyExchanges() + " key exchanges by this client");
      said("the cluster's counters: " + counters(cluster));
    }
  }

  /** Key exchanges per DC and logins, as the cluster counts them. */
  private static String counters(TestCluster cluster) {
    long logins = cluster.events().stream().filter(e -> e instanceof ClusterEvent.Login).count();
    return cluster.dcs().stream().map(d -> "DC" + d.id() + "=" + cluster.keyExchanges(d.id()))
        .collect(Collectors.joining(" ", "key exchanges ", "")) + ", logins " + logins;
  }

  private static Client.Builder client(TestCluster cluster, Path workdir, String name) {
    Client.Builder b = Client.builder(name).workdir(workdir).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c").serverKey(cluster.publicKeyPem());
    for (DcAddress d : cluster.dcs()) {
      b.dc(d.id(), d.host(), d.port());
    }
    return b;
  }

  private void said(String line) {
    out.println("   " + line);
  }
}
