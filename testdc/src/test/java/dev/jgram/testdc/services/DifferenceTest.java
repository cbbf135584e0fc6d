package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DifferenceTest {
  static final long ALICE_KEY = 0xA11CEL;
  static final long BOB_KEY = 0xB0BL;

  final Cluster cluster = new Cluster();
  long alice;
  long bob;
  int date;

  @BeforeEach
  void twoUsersLoggedIn() {
    alice = cluster.services.addUser(UserSpec.ofPhone("15550000001"));
    bob = cluster.services.addUser(UserSpec.ofPhone("15550000002"));
    cluster.loginUser(1, ALICE_KEY, "15550000001");
    cluster.loginUser(1, BOB_KEY, "15550000002");
    date = (int) Cluster.START.getEpochSecond();
  }

  @AfterEach
  void close() {
    cluster.close();
  }

  private void aliceSends(int count) {
    for (int i = 1; i <= count; i++) {
      cluster.services.sendMessage(alice, bob, "message " + i);
    }
  }

  @Test
  void freshAccountStartsAtPtsOneAndHasNothingToCatchUp() {
    TlObject state = cluster.result(1, BOB_KEY, Queries.getState());
    assertThat(state.name()).isEqualTo("updates.state");
    assertThat(state.intValue("pts")).isEqualTo(1);
    assertThat(state.intValue("qts")).isZero();
    assertThat(state.intValue("seq")).isZero();
    assertThat(state.intValue("date")).isEqualTo(date);

    TlObject difference = cluster.result(1, BOB_KEY, Queries.getDifference(1, date));
    assertThat(difference.name()).isEqualTo("updates.differenceEmpty");
    assertThat(difference.intValue("seq")).isZero();
  }

  @Test
  void differenceReturnsExactlyTheMissedMessagesAndTheNewState() {
    aliceSends(3);

    TlObject difference = cluster.result(1, BOB_KEY, Queries.getDifference(2, date));

    assertThat(difference.name()).isEqualTo("updates.difference");
    assertThat(difference.<TlObject>list("new_messages")).extracting(m -> m.string("message"))
        .containsExactly("message 2", "message 3");
    assertThat(difference.<TlObject>list("users")).extracting(u -> u.longValue("id"))
        .contains(alice);
    assertThat(difference.object("state").intValue("pts")).isEqualTo(4);
  }

  @Test
  void differenceAboveTheSliceSizeComesInSlices() {
    aliceSends(5);
    cluster.services.differenceLimits(2, 100);

    TlObject first = cluster.result(1, BOB_KEY, Queries.getDifference(1, date));
    assertThat(first.name()).isEqualTo("updates.differenceSlice");
    assertThat(first.<TlObject>list("new_messages")).extracting(m -> m.intValue("id"))
        .containsExactly(1, 2);
    int pts = first.object("intermediate_state").intValue("pts");
    assertThat(pts).isEqualTo(3);

    TlObject second = cluster.result(1, BOB_KEY, Queries.getDifference(pts, date));
    assertThat(second.name()).isEqualTo("updates.differenceSlice");
    pts = second.object("intermediate_state").intValue("pts");
    TlObject last = cluster.result(1, BOB_KEY, Queries.getDifference(pts, date));
    assertThat(last.name()).isEqualTo("updates.difference");
    assertThat(last.<TlObject>list("new_messages")).extracting(m -> m.intValue("id"))
        .containsExactly(5);
    assertThat(last.object("state").intValue("pts")).isEqualTo(6);
  }

  @Test
  void ptsTotalLimitSlicesToo() {
    aliceSends(3);

    TlObject query = TlObject.of("updates.getDifference", "pts", 1, "pts_total_limit", 1,
        "date", date, "qts", 0);
    TlObject slice = cluster.result(1, BOB_KEY, query);

    assertThat(slice.name()).isEqualTo("updates.differenceSlice");
    assertThat(slice.<TlObject>list("new_messages")).hasSize(1);
  }

  @Test
  void tooManyMissedIsDifferenceTooLongWithTheCurrentPts() {
    aliceSends(4);
    cluster.services.differenceLimits(100, 3);

    TlObject tooLong = cluster.result(1, BOB_KEY, Queries.getDifference(1, date));

    assertThat(tooLong.name()).isEqualTo("updates.differenceTooLong");
    assertThat(tooLong.intValue("pts")).isEqualTo(5);
  }

  @Test
  void ptsOutOfRangeIsRefused() {
    assertThat(cluster.error(1, BOB_KEY, Queries.getDifference(0, date)))
        .isEqualTo("400 PERSISTENT_TIMESTAMP_EMPTY");
    assertThat(cluster.error(1, BOB_KEY, Queries.getDifference(9, date)))
        .isEqualTo("400 PERSISTENT_TIMESTAMP_INVALID");
  }

  @Test
  void droppedPushLeavesAGapThatTheDifferenceFills() {
    cluster.services.faults().dropPushes(bob, 1);
    aliceSends(2);

    List<TlObject> pushed = cluster.pushesTo(bob);
    assertThat(pushed).singleElement()
        .satisfies(u -> assertThat(u.intValue("pts")).isEqualTo(3));
    TlObject difference = cluster.result(1, BOB_KEY, Queries.getDifference(1, date));
    assertThat(difference.<TlObject>list("new_messages")).extracting(m -> m.intValue("id"))
        .containsExactly(1, 2);
  }

  @Test
  void updatesTooLongIsPushedOnDemand() {
    cluster.services.faults().pushUpdatesTooLong(bob);

    assertThat(cluster.pushesTo(bob)).singleElement()
        .satisfies(u -> assertThat(u.name()).isEqualTo("updatesTooLong"));
  }

  @Test
  void pushedUpdateWithoutPtsAdvancesSeq() {
    cluster.services.pushUpdate(bob, TlObject.of("updateUserStatus", "user_id", alice,
        "status", TlObject.of("userStatusOnline", "expires", date + 60)));

    TlObject pushed = cluster.pushesTo(bob).get(0);
    assertThat(pushed.name()).isEqualTo("updates");
    assertThat(pushed.intValue("seq")).isEqualTo(1);
    assertThat(cluster.result(1, BOB_KEY, Queries.getState()).intValue("seq")).isEqualTo(1);
    assertThat(cluster.result(1, BOB_KEY, Queries.getDifference(1, date)).intValue("seq"))
        .isEqualTo(1);
  }

  @Test
  void severalPushedUpdatesComeAsUpdatesCombinedWithTheirSeqRange() {
    cluster.services.pushUpdate(bob, TlObject.of("updateUserStatus", "user_id", alice,
        "status", TlObject.of("userStatusRecently")));
    TlObject status = TlObject.of("updateUserStatus", "user_id", alice,
        "status", TlObject.of("userStatusOffline", "was_online", date));

    cluster.services.pushUpdates(bob, List.of(status, status, status));

    TlObject combined = cluster.pushesTo(bob).get(1);
    assertThat(combined.name()).isEqualTo("updatesCombined");
    assertThat(combined.intValue("seq_start")).isEqualTo(2);
    assertThat(combined.intValue("seq")).isEqualTo(4);
    assertThat(cluster.result(1, BOB_KEY, Queries.getState()).intValue("seq")).isEqualTo(4);
  }

  @Test
  void channelDifferenceIsEmptyFullSlicedOrTooLong() {
    long group = cluster.services.addChannel("G", null, false, alice, List.of(bob));
    TlObject channel = Queries.inputChannel(group, cluster.services.channelAccessHash(bob, group));
    for (int i = 1; i <= 5; i++) {
      cluster.services.postToChannel(group, alice, "post " + i);
    }

    TlObject empty = cluster.result(1, BOB_KEY, Queries.getChannelDifference(channel, 6, 10));
    assertThat(empty.name()).isEqualTo("updates.channelDifferenceEmpty");
    assertThat(empty.flag("final")).isTrue();
    assertThat(empty.intValue("pts")).isEqualTo(6);

    TlObject full = cluster.result(1, BOB_KEY, Queries.getChannelDifference(channel, 4, 10));
    assertThat(full.name()).isEqualTo("updates.channelDifference");
    assertThat(full.flag("final")).isTrue();
    assertThat(full.<TlObject>list("new_messages")).extracting(m -> m.string("message"))
        .containsExactly("post 4", "post 5");
    assertThat(full.<TlObject>list("chats")).extracting(c -> c.longValue("id"))
        .containsExactly(group);

    TlObject slice = cluster.result(1, BOB_KEY, Queries.getChannelDifference(channel, 1, 2));
    assertThat(slice.flag("final")).isFalse();
    assertThat(slice.intValue("pts")).isEqualTo(3);

    cluster.services.differenceLimits(100, 3);
    TlObject tooLong = cluster.result(1, BOB_KEY, Queries.getChannelDifference(channel, 1, 2));
    assertThat(tooLong.name()).isEqualTo("updates.channelDifferenceTooLong");
    assertThat(tooLong.object("dialog").intValue("pts")).isEqualTo(6);
    assertThat(tooLong.object("dialog").intValue("top_message")).isEqualTo(5);
    assertThat(tooLong.<TlObject>list("messages")).extracting(m -> m.intValue("id"))
        .containsExactly(5, 4);
  }

  @Test
  void commonDifferenceNamesChannelsPostedInSinceTheClientsDate() {
    long group = cluster.services.addChannel("G", null, false, alice, List.of(bob));
    long other = cluster.services.addChannel("Other", null, false, alice, List.of());
    cluster.clock.advance(Duration.ofSeconds(10));
    cluster.services.postToChannel(group, alice, "while away");
    cluster.services.postToChannel(other, alice, "not for bob");

    TlObject difference = cluster.result(1, BOB_KEY, Queries.getDifference(1, date));

    assertThat(difference.name()).isEqualTo("updates.difference");
    assertThat(difference.<TlObject>list("new_messages")).isEmpty();
    assertThat(difference.<TlObject>list("other_updates")).singleElement().satisfies(u -> {
      assertThat(u.name()).isEqualTo("updateChannelTooLong");
      assertThat(u.longValue("channel_id")).isEqualTo(group);
      assertThat(u.intValue("pts")).isEqualTo(2);
    });
    assertThat(difference.<TlObject>list("chats")).extracting(c -> c.longValue("id"))
        .containsExactly(group);
    int stateDate = difference.object("state").intValue("date");
    assertThat(cluster.result(1, BOB_KEY, Queries.getDifference(1, stateDate)).name())
        .isEqualTo("updates.differenceEmpty");
  }

  @Test
  void channelDifferenceNeedsTheViewersAccessHash() {
    long group = cluster.services.addChannel("G", null, false, alice, List.of(bob));
    TlObject wrong = Queries.inputChannel(group, cluster.services.channelAccessHash(alice, group));

    assertThat(cluster.error(1, BOB_KEY, Queries.getChannelDifference(wrong, 1, 10)))
        .isEqualTo("400 CHANNEL_INVALID");
  }
}
