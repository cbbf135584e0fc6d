package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.net.LoopbackServices;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import dev.jgram.storage.Storage;
import dev.jgram.storage.UpdateState;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.UserSpec;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 18's proof against testdc's services over loopback DCs: updates come in order, gaps
 * (dropped pushes, {@code updatesTooLong}, channel gaps) are filled by differences, sliced
 * differences are followed, duplicates ignored, and the state kept in storage resumes after a
 * clean stop with nothing lost and nothing twice.
 */
class UpdatesAgainstServicesTest {
  static final String TOKEN = "5000001:AAH-updates_secret";
  static final long BOT = 5000001L;
  static final long WAIT_SECONDS = 20;

  @TempDir
  Path dir;
  LoopbackServices cluster;
  long alice;

  @BeforeEach
  void start() throws Exception {
    cluster = new LoopbackServices(dir.resolve("state"), 2);
    cluster.services.addBot(BotSpec.ofToken(TOKEN).withUsername("updates_test_bot"));
    alice = cluster.services.addUser(UserSpec.ofPhone("+15550001234"));
  }

  @AfterEach
  void stop() throws Exception {
    cluster.close();
  }

  /**
   * A logged-in bot on the file engine, collecting new messages into {@code into}. Its login (or
   * getMe) is a query on the connection the cluster then pushes to.
   */
  private Client bot(BlockingQueue<NewMessage> into) {
    Client app = ServicesClients.client(cluster, "bot").workdir(dir).build();
    app.loginBot(TOKEN);
    app.onNewMessage(into::add);
    return app;
  }

  private static List<NewMessage> take(BlockingQueue<NewMessage> from, int n) throws Exception {
    List<NewMessage> got = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      NewMessage m = from.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(m).as("message %d of %d (got %s)", i + 1, n, texts(got)).isNotNull();
      got.add(m);
    }
    return got;
  }

  private static List<String> texts(List<NewMessage> messages) {
    return messages.stream().map(NewMessage::text).toList();
  }

  private static List<String> numbered(String prefix, int from, int to) {
    return IntStream.rangeClosed(from, to).mapToObj(i -> prefix + i).toList();
  }

  private void send(String prefix, int from, int to) {
    for (String text : numbered(prefix, from, to)) {
      cluster.services.sendMessage(alice, BOT, text);
    }
  }

  @Test
  void pushedMessagesArriveOnceInOrderWithTheSenderAndTheStateIsKept() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    List<NewMessage> messages;
    try (Client app = bot(got)) {
      send("m", 1, 20);
      messages = take(got, 20);
      assertThat(texts(messages)).isEqualTo(numbered("m", 1, 20));
      assertThat(messages).allSatisfy(m -> assertThat(m.fromId()).contains(alice));
      // Pushes that race the start's difference come in it (pts unknown): either way in order.
      assertThat(messages.stream().map(m -> m.update().state().pts()).toList()).isSorted();
      assertThat(messages.stream().flatMap(m -> m.update().pts().stream()).toList())
          .doesNotHaveDuplicates().isSorted();
      assertThat(messages.stream().map(NewMessage::id).toList()).isSorted();
      cluster.pushesSent();
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
    try (Storage s = Storage.file(dir.resolve("bot.session"))) {
      s.open();
      assertThat(s.updateState()).map(UpdateState::pts)
          .contains(messages.get(19).update().state().pts());
      assertThat(s.peer(alice)).isPresent();
    }
  }

  @Test
  void aMessageFromAUserTheBotHasNotCachedComesFromTheDifferenceWithTheSender() throws Exception {
    long bob = cluster.services.addUser(UserSpec.ofPhone("+15550004321"));
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    List<Boolean> senderCachedInHandler = new CopyOnWriteArrayList<>();
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      app.onNewMessage(m -> {
        senderCachedInHandler.add(app.storage().peer(m.fromId().orElseThrow()).isPresent());
        got.add(m);
      });
      cluster.services.sendMessage(bob, BOT, "from bob");
      assertThat(texts(take(got, 1))).containsExactly("from bob");
      long differences = cluster.count("updates.getDifference");
      assertThat(app.storage().peer(alice)).isEmpty();

      send("new", 1, 1);

      NewMessage first = take(got, 1).get(0);
      assertThat(first.text()).isEqualTo("new1");
      assertThat(first.fromId()).contains(alice);
      assertThat(cluster.count("updates.getDifference")).isGreaterThan(differences);
      send("new", 2, 2);
      assertThat(texts(take(got, 1))).containsExactly("new2");
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
    // The difference's users are cached as its answer arrives, before the handler runs.
    assertThat(senderCachedInHandler).hasSize(3).containsOnly(true);
    try (Storage s = Storage.file(dir.resolve("bot.session"))) {
      s.open();
      assertThat(s.peer(alice)).get().extracting(Peer::accessHash).isNotNull();
    }
  }

  @Test
  void aDifferencesPeersAreWrittenOnceAsItsAnswerArrivesNotAgainWithTheState() throws Exception {
    Storage file = Storage.file(dir.resolve("counted.session"));
    Map<Long, Integer> writesOf = new ConcurrentHashMap<>();
    Storage counting = (Storage) Proxy.newProxyInstance(Storage.class.getClassLoader(),
        new Class<?>[] {Storage.class}, (proxy, method, args) -> {
          if (method.getName().equals("updatePeers") || method.getName().equals("commitUpdates")) {
            for (Object p : (Iterable<?>) args[0]) {
              writesOf.merge(((Peer) p).id(), 1, Integer::sum);
            }
          }
          try {
            return method.invoke(file, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = ServicesClients.client(cluster, "bot").storage(counting).build()) {
      app.loginBot(TOKEN);
      app.onNewMessage(got::add);
      long differences = cluster.count("updates.getDifference");
      assertThat(app.storage().peer(alice)).isEmpty();

      send("new", 1, 1);

      assertThat(texts(take(got, 1))).containsExactly("new1");
      assertThat(cluster.count("updates.getDifference")).isGreaterThan(differences);
    }
    assertThat(writesOf.get(alice)).as("writes of the sender the difference brought")
        .isEqualTo(1);
  }

  @Test
  void aStartFetchesTheDifferenceOnceThoughItsConnectionIsANewServerSession() throws Exception {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
    }
    send("s", 1, 2);
    long before = cluster.count("updates.getDifference");
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.onNewMessage(got::add); // the loop's getDifference opens the connection
      assertThat(texts(take(got, 2))).isEqualTo(numbered("s", 1, 2));
      app.getMe(); // the loop has handled the session notice by the time this is answered
      send("s", 3, 3);
      assertThat(texts(take(got, 1))).containsExactly("s3");
    }
    assertThat(cluster.count("updates.getDifference") - before).isEqualTo(1);
  }

  @Test
  void aDroppedPushIsAGapFilledByTheDifference() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      send("a", 1, 2);
      take(got, 2);
      cluster.services.faults().dropPushes(BOT, 1);
      send("b", 1, 4);
      List<NewMessage> messages = take(got, 4);
      assertThat(texts(messages)).isEqualTo(numbered("b", 1, 4));
      assertThat(cluster.count("updates.getDifference")).isPositive();
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void updatesTooLongFetchesTheDifference() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      cluster.services.faults().dropPushes(BOT, 3);
      send("t", 1, 3);
      cluster.services.faults().pushUpdatesTooLong(BOT);
      assertThat(texts(take(got, 3))).isEqualTo(numbered("t", 1, 3));
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void messagesSentWhileStoppedComeOnceInOrderFromASlicedDifference() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      send("x", 1, 3);
      take(got, 3);
    }
    cluster.services.differenceLimits(10, 10_000);
    send("y", 1, 25);
    long before = cluster.count("updates.getDifference");
    try (Client app = bot(got)) {
      List<NewMessage> messages = take(got, 25);
      assertThat(texts(messages)).isEqualTo(numbered("y", 1, 25));
      assertThat(messages).allSatisfy(m -> assertThat(m.fromId()).contains(alice));
      assertThat(cluster.count("updates.getDifference") - before).isGreaterThanOrEqualTo(3);
      send("z", 1, 2);
      assertThat(texts(take(got, 2))).isEqualTo(numbered("z", 1, 2));
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void aLoginRecordsTheStateSoMessagesBeforeTheFirstStartAreNotMissed() throws Exception {
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      assertThat(app.storage().updateState()).isPresent();
    }
    send("early", 1, 3);
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      assertThat(texts(take(got, 3))).isEqualTo(numbered("early", 1, 3));
    }
  }

  @Test
  void aChannelGapIsFilledByTheChannelDifference() throws Exception {
    long channel = cluster.services.addChannel("News", null, true, alice, List.of(BOT));
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      cluster.services.postToChannel(channel, alice, "c1");
      NewMessage first = take(got, 1).get(0);
      assertThat(first.channelId()).contains(channel);
      cluster.services.faults().dropPushes(BOT, 2);
      for (String text : numbered("c", 2, 5)) {
        cluster.services.postToChannel(channel, alice, text);
      }
      List<NewMessage> messages = take(got, 4);
      assertThat(texts(messages)).isEqualTo(numbered("c", 2, 5));
      assertThat(messages).allSatisfy(m -> assertThat(m.channelId()).contains(channel));
      assertThat(cluster.count("updates.getChannelDifference")).isPositive();
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
      int firstPts = first.update().channelPts().orElseThrow();
      assertThat(app.storage().channelPts(channel)).hasValue(firstPts + 4);
    }
  }

  @Test
  void anUpdatePushedTwiceIsDeliveredOnce() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    cluster.keepPushes();
    try (Client app = bot(got)) {
      send("d", 1, 3);
      take(got, 3);
      cluster.repushAll(BOT);
      send("d", 4, 4);
      assertThat(texts(take(got, 1))).containsExactly("d4");
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void everyUpdateReachesOnUpdateWithItsTypeAndTheStateAfterIt() throws Exception {
    BlockingQueue<Update> got = new LinkedBlockingQueue<>();
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN);
      app.onUpdate(got::add);
      send("u", 1, 2);
      Update first = got.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      Update second = got.poll(WAIT_SECONDS, TimeUnit.SECONDS);
      assertThat(List.of(first.type(), second.type()))
          .containsExactly("updateNewMessage", "updateNewMessage");
      assertThat(second.state().pts()).isGreaterThanOrEqualTo(first.state().pts());
      for (Update u : List.of(first, second)) {
        u.pts().ifPresent(pts -> assertThat(pts).isEqualTo(u.state().pts()));
      }
    }
  }
  @Test
  void aDifferencesMessagesEachCarryThePtsAfterThemAndTheKeptStateIsTheLast() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    int before;
    try (Client app = bot(got)) {
      send("p", 1, 1);
      before = take(got, 1).get(0).update().state().pts();
    }
    cluster.services.differenceLimits(2, 10_000);
    send("q", 1, 5);
    List<NewMessage> messages;
    try (Client app = bot(got)) {
      messages = take(got, 5);
    }
    assertThat(texts(messages)).isEqualTo(numbered("q", 1, 5));
    List<Integer> expected = IntStream.rangeClosed(before + 1, before + 5).boxed().toList();
    assertThat(messages).extracting(m -> m.update().pts().orElse(null)).isEqualTo(expected);
    assertThat(messages).extracting(m -> m.update().state().pts()).isEqualTo(expected);
    try (Storage s = Storage.file(dir.resolve("bot.session"))) {
      s.open();
      assertThat(s.updateState()).map(UpdateState::pts).contains(before + 5);
    }
  }

  @Test
  void aNewSessionFromTheServerFetchesTheDifferenceSoUpdatesItLostArrive() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      send("a", 1, 2);
      take(got, 2);
      cluster.services.faults().dropPushes(BOT, 3);
      send("lost", 1, 3);
      cluster.pushesSent();
      long differences = cluster.count("updates.getDifference");
      cluster.forgetSessions();
      app.getMe(); // the server answers on a new session: new_session_created
      assertThat(texts(take(got, 3))).isEqualTo(numbered("lost", 1, 3));
      assertThat(cluster.count("updates.getDifference")).isGreaterThan(differences);
      assertThat(got.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }
  }

  @Test
  void aPushThatCannotBeDecodedFetchesTheDifference() throws Exception {
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      send("a", 1, 1);
      take(got, 1);
      cluster.services.faults().dropPushes(BOT, 1);
      send("lost", 1, 1);
      cluster.pushesSent();
      byte[] garbage = {0x11, 0x22, 0x33, 0x44, 0, 0, 0, 0};
      cluster.dc(2).push(key -> cluster.services.userOf(key).orElse(0) == BOT, garbage);
      assertThat(texts(take(got, 1))).containsExactly("lost1");
    }
  }

  /** The access hash the services gave the bot for {@code userId} in a push. */
  private long pushedHash(long userId) {
    return cluster.keptPushes(BOT).stream()
        .flatMap(e -> e.<TlObject>list("users").stream())
        .filter(u -> u.longValue("id") == userId).map(u -> u.longValue("access_hash"))
        .findFirst().orElseThrow();
  }

  @Test
  void peersCarriedByPushedUpdatesAreKeptWithTheState() throws Exception {
    cluster.keepPushes();
    long bob = cluster.services.addUser(UserSpec.ofPhone("+15550004321"));
    long channel = cluster.services.addChannel("Peers", null, false, alice, List.of(BOT, bob));
    BlockingQueue<NewMessage> got = new LinkedBlockingQueue<>();
    try (Client app = bot(got)) {
      send("warm", 1, 1);
      take(got, 1); // the start's difference is behind: what follows comes as pushes
      cluster.services.postToChannel(channel, bob, "from bob");
      assertThat(texts(take(got, 1))).containsExactly("from bob");
    }
    try (Storage s = Storage.file(dir.resolve("bot.session"))) {
      s.open();
      assertThat(s.peer(bob)).map(Peer::accessHash).contains(pushedHash(bob));
      assertThat(s.peer(-1_000_000_000_000L - channel)).map(Peer::type)
          .contains(PeerType.SUPERGROUP);
    }
  }

  @Test
  void peersPushedBeforeTheUpdateLoopRunsReachTheCache() throws Exception {
    cluster.keepPushes();
    long bob = cluster.services.addUser(UserSpec.ofPhone("+15550004321"));
    long channel = cluster.services.addChannel("Peers", null, false, alice, List.of(BOT, bob));
    try (Client app = ServicesClients.client(cluster, "bot").workdir(dir).build()) {
      app.loginBot(TOKEN); // no handler: the update loop does not run
      cluster.services.postToChannel(channel, bob, "from bob");
      cluster.pushesSent();
      app.getMe(); // answered on the connection after the push: the push was read first
      assertThat(app.storage().peer(bob)).map(Peer::accessHash).contains(pushedHash(bob));
    }
  }
}
