package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;
import dev.jgram.testdc.services.UserSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same proof against testdc's own connection core ({@link TestCluster}, which routes the
 * services' pushes to every live session of an account): pushes in order, a dropped push
 * filled by the difference, and a restart that catches up once, in order.
 */
class UpdatesAgainstTestClusterTest {
  static final String TOKEN = "5000006:AAH-cluster_updates";
  static final long BOT = 5000006L;

  @TempDir
  Path dir;
  TestCluster cluster;
  Services services;
  long alice;

  @BeforeEach
  void start() {
    cluster = TestCluster.builder().dcs(2)
        .services(setup -> Services.open(setup.dcs(), setup.clock(), setup.random(),
            setup.stateDir(), setup.updates(), setup.logins()))
        .start();
    services = (Services) cluster.services();
    services.addBot(BotSpec.ofToken(TOKEN));
    alice = services.addUser(UserSpec.ofPhone("+15550009876"));
  }

  @AfterEach
  void stop() {
    cluster.close();
  }

  private Client bot(BlockingQueue<NewMessage> into) {
    DcAddress dc = cluster.dc(2);
    Client app = Client.builder("bot").workdir(dir).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c").serverKey(cluster.publicKeyPem())
        .dc(2, dc.host(), dc.port()).build();
    app.loginBot(TOKEN);
    app.onNewMessage(into::add);
    return app;
  }

  private void send(String prefix, int from, int to) {
    IntStream.rangeClosed(from, to).forEach(i -> services.sendMessage(alice, BOT, prefix + i));
  }

  private static List<String> take(BlockingQueue<NewMessage> from, int n) throws Exception {
    List<String> got = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NewMessage m = from.poll(20, TimeUnit.SECONDS);
      assertThat(m).as("message %d of %d (got %s)", i + 1, n, got).isNotNull();
      got.add(m.text());
    }
    return got;
  }

  private static List<String> numbered(String prefix, int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toList();
  }

  @Test
  void pushesComeInOrderAGapIsFilledAndARestartCatchesUpOnce() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      send("a", 1, 10);
      assertThat(take(got, 10)).isEqualTo(numbered("a", 1, 10));
      services.faults().dropPushes(BOT, 2);
      send("b", 1, 5);
      assertThat(take(got, 5)).isEqualTo(numbered("b", 1, 5));
    }
    send("c", 1, 7);
    try (Client app = bot(got)) {
      assertThat(take(got, 7)).isEqualTo(numbered("c", 1, 7));
      send("d", 1, 3);
      assertThat(take(got, 3)).isEqualTo(numbered("d", 1, 3));
      assertThat(got.poll(300, TimeUnit.MILLISECONDS)).isNull();
    }
  }
}
