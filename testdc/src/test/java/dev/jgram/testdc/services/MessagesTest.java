package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MessagesTest {
  static final long ALICE_KEY = 0xA11CEL;
  static final long BOB_KEY = 0xB0BL;

  final Cluster cluster = new Cluster();
  long alice;
  long bob;

  @BeforeEach
  void twoUsersLoggedIn() {
    alice = cluster.services.addUser(UserSpec.ofPhone("15550000001").withUsername("alice_test"));
    bob = cluster.services.addUser(UserSpec.ofPhone("15550000002").withNames("Bob", "B"));
    cluster.loginUser(1, ALICE_KEY, "15550000001");
    cluster.loginUser(1, BOB_KEY, "15550000002");
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private TlObject bobForAlice() {
    return Queries.inputPeerUser(bob, cluster.services.userAccessHash(alice, bob));
  }

  @Test
  void privateMessageAdvancesBothBoxesAndIsPushedToBoth() {
    TlObject sent = cluster.result(1, ALICE_KEY, Queries.sendMessage(bobForAlice(), "hi", 9L));

    assertThat(sent.name()).isEqualTo("updateShortSentMessage");
    assertThat(sent.flag("out")).isTrue();
    assertThat(sent.intValue("id")).isEqualTo(1);
    assertThat(sent.intValue("pts")).isEqualTo(2);
    assertThat(sent.intValue("pts_count")).isEqualTo(1);
    TlObject toBob = cluster.pushesTo(bob).get(0);
    assertThat(toBob.name()).isEqualTo("updateShortMessage");
    assertThat(toBob.longValue("user_id")).isEqualTo(alice);
    assertThat(toBob.string("message")).isEqualTo("hi");
    assertThat(toBob.intValue("pts")).isEqualTo(2);
    assertThat(toBob.flag("out")).isFalse();
    Cluster.Pushed toAlice = cluster.pushes.stream().filter(p -> p.userId() == alice)
        .findFirst().orElseThrow();
    assertThat(toAlice.updates().flag("out")).isTrue();
    assertThat(toAlice.updates().longValue("user_id")).isEqualTo(bob);
    assertThat(toAlice.exceptKey()).isEqualTo(ALICE_KEY);
    assertThat(toAlice.exceptSession()).isEqualTo(Cluster.sessionOf(ALICE_KEY));
    assertThat(cluster.pushes.stream().filter(p -> p.userId() == bob))
        .allSatisfy(p -> assertThat(p.exceptKey()).isZero());
    assertThat(cluster.result(1, BOB_KEY, Queries.getState()).intValue("pts")).isEqualTo(2);
  }

  @Test
  void withoutSessionAwarePushesTheSenderIsNotPushedItsOwnMessage() {
    List<Long> pushedTo = new ArrayList<>();
    try (Services plain = Services.open(Cluster.DCS, cluster.clock, new Random(1)::nextBytes,
        null, (user, updates) -> pushedTo.add(user), login -> { })) {
      long a = plain.addUser(UserSpec.ofPhone("15550000001"));
      long b = plain.addUser(UserSpec.ofPhone("15550000002"));
      plain.fixedLoginCode("12345");
      CallContext context = new CallContext(1, 5L, 6L, 7L, 198, 1, false, 0);
      Answer.Result sent = (Answer.Result) plain.handle(context, Queries.sendCode("15550000001"));
      plain.handle(context, Queries.signIn("15550000001", sent.value().string("phone_code_hash"),
          "12345"));

      plain.handle(context, Queries.sendMessage(
          Queries.inputPeerUser(b, plain.userAccessHash(a, b)), "hi", 1L));

      assertThat(pushedTo).containsExactly(b);
    }
  }

  @Test
  void messageSentByATestIsPushedToEverySessionOfBoth() {
    cluster.services.sendMessage(alice, bob, "from the test");

    assertThat(cluster.pushes).extracting(Cluster.Pushed::userId).containsExactly(bob, alice);
    assertThat(cluster.pushes).allSatisfy(p -> assertThat(p.exceptKey()).isZero());
  }

  @Test
  void messageToAPeerWithAWrongAccessHashIsPeerIdInvalid() {
    TlObject peer = Queries.inputPeerUser(bob, cluster.services.userAccessHash(bob, bob));

    assertThat(cluster.error(1, ALICE_KEY, Queries.sendMessage(peer, "hi", 1L)))
        .isEqualTo("400 PEER_ID_INVALID");
    assertThat(cluster.error(1, ALICE_KEY, Queries.sendMessage(bobForAlice(), " ", 1L)))
        .isEqualTo("400 MESSAGE_EMPTY");
  }

  @Test
  void accessHashesAreStablePerViewerAndDifferBetweenViewers() {
    long seenByAlice = cluster.services.userAccessHash(alice, bob);

    TlObject resolved = cluster.result(1, BOB_KEY,
        TlObject.of("contacts.resolveUsername", "username", "ALICE_test"));
    TlObject aliceForBob = resolved.<TlObject>list("users").get(0);

    assertThat(cluster.services.userAccessHash(alice, bob)).isEqualTo(seenByAlice);
    assertThat(aliceForBob.longValue("access_hash"))
        .isEqualTo(cluster.services.userAccessHash(bob, alice))
        .isNotEqualTo(cluster.services.userAccessHash(alice, alice));
    assertThat(resolved.object("peer").longValue("user_id")).isEqualTo(alice);
    assertThat(aliceForBob.has("phone")).isFalse();
  }

  @Test
  void unknownOrMalformedUsernamesAreRefused() {
    assertThat(cluster.error(1, BOB_KEY,
        TlObject.of("contacts.resolveUsername", "username", "nobody_here")))
        .isEqualTo("400 USERNAME_NOT_OCCUPIED");
    assertThat(cluster.error(1, BOB_KEY,
        TlObject.of("contacts.resolveUsername", "username", "no spaces!")))
        .isEqualTo("400 USERNAME_INVALID");
  }

  @Test
  void getUsersSkipsUsersWhoseAccessHashTheViewerWasNotGiven() {
    TlObject good = Queries.inputUser(bob, cluster.services.userAccessHash(alice, bob));
    TlObject bad = Queries.inputUser(bob, 12345L);

    TlObject users = cluster.result(1, ALICE_KEY, Queries.getUsers(good, bad, Queries.self()));

    assertThat(dev.jgram.testdc.api.VectorResult.items(users))
        .extracting(u -> ((TlObject) u).longValue("id")).containsExactly(bob, alice);
    assertThat(cluster.error(1, ALICE_KEY, Queries.getFullUser(bad)))
        .isEqualTo("400 USER_ID_INVALID");
  }

  @Test
  void historyIsNewestFirstWithSlicesAndOffsets() {
    for (int i = 1; i <= 5; i++) {
      cluster.services.sendMessage(i % 2 == 0 ? alice : bob, i % 2 == 0 ? bob : alice, "m" + i);
    }

    TlObject all = cluster.result(1, ALICE_KEY, Queries.getHistory(bobForAlice(), 0, 0));
    assertThat(all.name()).isEqualTo("messages.messages");
    assertThat(all.<TlObject>list("messages")).extracting(m -> m.string("message"))
        .containsExactly("m5", "m4", "m3", "m2", "m1");
    assertThat(all.<TlObject>list("users")).extracting(u -> u.longValue("id"))
        .containsExactlyInAnyOrder(alice, bob);

    TlObject page = cluster.result(1, ALICE_KEY, Queries.getHistory(bobForAlice(), 4, 2));
    assertThat(page.name()).isEqualTo("messages.messagesSlice");
    assertThat(page.intValue("count")).isEqualTo(5);
    assertThat(page.<TlObject>list("messages")).extracting(m -> m.intValue("id"))
        .containsExactly(3, 2);
    assertThat(page.<TlObject>list("messages").get(0).flag("out")).isFalse();
    assertThat(page.<TlObject>list("messages").get(1).flag("out")).isTrue();
  }

  @Test
  void supergroupMessagesArePushedToEveryMemberWithTheChannelInFull() {
    long group = cluster.services.addChannel("Test group", "test_group", false, alice,
        List.of(bob));
    TlObject peer = Queries.inputPeerChannel(group,
        cluster.services.channelAccessHash(bob, group));

    TlObject result = cluster.result(1, BOB_KEY, Queries.sendMessage(peer, "hello all", 77L));

    assertThat(result.name()).isEqualTo("updates");
    assertThat(result.<TlObject>list("updates")).extracting(TlObject::name)
        .containsExactly("updateMessageID", "updateNewChannelMessage");
    assertThat(result.<TlObject>list("updates").get(0).longValue("random_id")).isEqualTo(77L);
    TlObject pushed = cluster.pushesTo(alice).get(0);
    TlObject update = pushed.<TlObject>list("updates").get(0);
    assertThat(update.name()).isEqualTo("updateNewChannelMessage");
    assertThat(update.intValue("pts")).isEqualTo(2);
    assertThat(update.object("message").object("from_id").longValue("user_id")).isEqualTo(bob);
    TlObject channel = pushed.<TlObject>list("chats").get(0);
    assertThat(channel.longValue("access_hash"))
        .isEqualTo(cluster.services.channelAccessHash(alice, group));
    assertThat(channel.flag("megagroup")).isTrue();
    assertThat(channel.flag("creator")).isTrue();
    assertThat(pushed.<TlObject>list("users")).extracting(u -> u.longValue("id"))
        .containsExactly(bob);
    assertThat(cluster.pushesTo(bob)).hasSize(1);
  }

  @Test
  void onlyTheCreatorPostsInABroadcastChannel() {
    long channel = cluster.services.addChannel("News", null, true, alice, List.of(bob));
    TlObject forBob = Queries.inputPeerChannel(channel,
        cluster.services.channelAccessHash(bob, channel));
    TlObject forAlice = Queries.inputPeerChannel(channel,
        cluster.services.channelAccessHash(alice, channel));

    assertThat(cluster.error(1, BOB_KEY, Queries.sendMessage(forBob, "x", 1L)))
        .isEqualTo("400 CHAT_WRITE_FORBIDDEN");
    cluster.result(1, ALICE_KEY, Queries.sendMessage(forAlice, "news", 2L));

    TlObject history = cluster.result(1, BOB_KEY, Queries.getHistory(forBob, 0, 10));
    assertThat(history.name()).isEqualTo("messages.channelMessages");
    assertThat(history.intValue("pts")).isEqualTo(2);
    TlObject post = history.<TlObject>list("messages").get(0);
    assertThat(post.flag("post")).isTrue();
    assertThat(post.has("from_id")).isFalse();
    assertThat(cluster.error(1, BOB_KEY, Queries.sendMessage(forAlice, "x", 1L)))
        .isEqualTo("400 CHANNEL_INVALID");
  }

  @Test
  void privateChannelIsClosedToNonMembers() {
    long carol = cluster.services.addUser(UserSpec.ofPhone("15550000003"));
    cluster.loginUser(1, 0xCA201L, "15550000003");
    long channel = cluster.services.addChannel("Secret", null, false, alice, List.of());
    TlObject peer = Queries.inputPeerChannel(channel,
        cluster.services.channelAccessHash(carol, channel));

    assertThat(cluster.error(1, 0xCA201L, Queries.getHistory(peer, 0, 10)))
        .isEqualTo("400 CHANNEL_PRIVATE");
  }
}
