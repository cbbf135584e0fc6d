package dev.jgram.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Spec §8.2 as a table: from common pts 100, qts 50, seq 10 and channel 7 at pts 200, each
 * pushed update is applied, ignored, or a gap that fetches the right difference (at once for
 * seq, after the possible-gap timeout for pts and qts).
 */
class GapRulesTableTest {
  private static final long CHANNEL = 7;

  enum Outcome { APPLY, IGNORE, GAP }

  private static TlObject message(TlObject peer) {
    return TlObject.of("message", "id", 1, "peer_id", peer, "date", 1, "message", "x");
  }

  private static TlObject inChannel() {
    return message(TlObject.of("peerChannel", "channel_id", CHANNEL));
  }

  private static TlObject withPts(String name, int pts, int count, Object... fields) {
    TlObject update = TlObject.of(name, fields).with("pts", pts);
    return count < 0 ? update : update.with("pts_count", count);
  }

  private static TlObject withQts(String name, int qts, Object... fields) {
    return TlObject.of(name, fields).with("qts", qts);
  }

  private static TlObject peerUser() {
    return TlObject.of("peerUser", "user_id", 1L);
  }

  static Stream<Arguments> ptsRows() {
    TlObject user = message(peerUser());
    return Stream.of(
        Arguments.of(withPts("updateNewMessage", 101, 1, "message", user), Outcome.APPLY),
        Arguments.of(withPts("updateNewMessage", 100, 1, "message", user), Outcome.IGNORE),
        Arguments.of(withPts("updateNewMessage", 99, 1, "message", user), Outcome.IGNORE),
        Arguments.of(withPts("updateNewMessage", 102, 1, "message", user), Outcome.GAP),
        Arguments.of(withPts("updateDeleteMessages", 102, 2, "messages", List.of(1, 2)),
            Outcome.APPLY),
        Arguments.of(withPts("updateDeleteMessages", 101, 2, "messages", List.of(1, 2)),
            Outcome.IGNORE),
        Arguments.of(withPts("updateDeleteMessages", 103, 2, "messages", List.of(1, 2)),
            Outcome.GAP),
        Arguments.of(withPts("updateEditMessage", 101, 1, "message", user), Outcome.APPLY),
        Arguments.of(withPts("updateReadHistoryInbox", 101, 1, "peer", peerUser(), "max_id", 1,
            "still_unread_count", 0), Outcome.APPLY),
        Arguments.of(withPts("updateReadHistoryOutbox", 105, 1, "peer", peerUser(), "max_id", 1),
            Outcome.GAP),
        Arguments.of(withPts("updateReadMessagesContents", 101, 1, "messages", List.of(1)),
            Outcome.APPLY),
        Arguments.of(withPts("updateWebPage", 100, 1, "webpage", TlObject.of("webPageEmpty")),
            Outcome.IGNORE),
        Arguments.of(withPts("updateFolderPeers", 101, 1, "folder_peers", List.of()),
            Outcome.APPLY),
        Arguments.of(withPts("updatePinnedMessages", 102, 1, "peer", peerUser(),
            "messages", List.of(1)), Outcome.GAP),
        Arguments.of(withPts("updateNewChannelMessage", 201, 1, "message", inChannel()),
            Outcome.APPLY),
        Arguments.of(withPts("updateNewChannelMessage", 200, 1, "message", inChannel()),
            Outcome.IGNORE),
        Arguments.of(withPts("updateNewChannelMessage", 202, 1, "message", inChannel()),
            Outcome.GAP),
        Arguments.of(withPts("updateEditChannelMessage", 201, 1, "message", inChannel()),
            Outcome.APPLY),
        Arguments.of(withPts("updateDeleteChannelMessages", 203, 2, "channel_id", CHANNEL,
            "messages", List.of(1)), Outcome.GAP),
        Arguments.of(withPts("updateChannelWebPage", 201, 1, "channel_id", CHANNEL,
            "webpage", TlObject.of("webPageEmpty")), Outcome.APPLY),
        Arguments.of(withPts("updatePinnedChannelMessages", 199, 1, "channel_id", CHANNEL,
            "messages", List.of(1)), Outcome.IGNORE),
        Arguments.of(withPts("updateReadChannelInbox", 200, -1, "channel_id", CHANNEL,
            "max_id", 1, "still_unread_count", 0), Outcome.APPLY),
        Arguments.of(withPts("updateReadChannelInbox", 201, -1, "channel_id", CHANNEL,
            "max_id", 1, "still_unread_count", 0), Outcome.GAP),
        Arguments.of(withQts("updateNewEncryptedMessage", 51, "message",
            TlObject.of("encryptedMessageService")), Outcome.APPLY),
        Arguments.of(withQts("updateBotStopped", 50, "user_id", 1L, "date", 1, "stopped", true),
            Outcome.IGNORE),
        Arguments.of(withQts("updateChatParticipant", 53, "chat_id", 1L, "date", 1,
            "actor_id", 1L, "user_id", 1L), Outcome.GAP),
        Arguments.of(withQts("updateChannelParticipant", 51, "channel_id", CHANNEL, "date", 1,
            "actor_id", 1L, "user_id", 1L), Outcome.APPLY),
        Arguments.of(withQts("updateChannelParticipant", 0, "channel_id", CHANNEL, "date", 1,
            "actor_id", 1L, "user_id", 1L), Outcome.APPLY),
        Arguments.of(withQts("updateBotChatInviteRequester", 52, "peer", peerUser()),
            Outcome.GAP),
        Arguments.of(withQts("updateMessagePollVote", 51, "poll_id", 1L), Outcome.APPLY),
        Arguments.of(TlObject.of("updateUserStatus", "user_id", 1L, "status",
            TlObject.of("userStatusEmpty")), Outcome.APPLY));
  }

  private static MessageBox box(TestClock clock) {
    MessageBox box = MessageBox.create(clock, 0);
    box.applyState(Updates.state(1, 10, 100, 50));
    box.knowChannel(CHANNEL, 200);
    return box;
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @MethodSource("ptsRows")
  void anUpdateIsAppliedIgnoredOrAGapByItsOwnBox(TlObject update, Outcome outcome) {
    TestClock clock = new TestClock();
    MessageBox box = box(clock);
    boolean channel = PtsInfo.of(update).map(i -> !i.key().isAccount()).orElse(false);

    List<Delivery> delivered = box.process(TlObject.of("updateShort", "update", update,
        "date", 2));

    assertThat(delivered).extracting(Delivery::update)
        .containsExactlyElementsOf(outcome == Outcome.APPLY ? List.of(update) : List.of());
    assertThat(box.pendingRequests()).isEmpty();
    clock.advance(MessageBox.POSSIBLE_GAP_TIMEOUT);
    box.checkDeadlines();
    List<UpdateRequest> expected = outcome != Outcome.GAP ? List.of()
        : channel ? List.of(Updates.channelRequest(CHANNEL, 200))
        : List.of(new UpdateRequest.GetDifference(100, 2, 50));
    assertThat(box.pendingRequests()).containsExactlyElementsOf(expected);
  }

  static Stream<Arguments> seqRows() {
    return Stream.of(
        Arguments.of("updates", 11, 11, Outcome.APPLY, 11),
        Arguments.of("updates", 10, 10, Outcome.IGNORE, 10),
        Arguments.of("updates", 9, 9, Outcome.IGNORE, 10),
        Arguments.of("updates", 12, 12, Outcome.GAP, 10),
        Arguments.of("updates", 0, 0, Outcome.APPLY, 10),
        Arguments.of("updatesCombined", 11, 13, Outcome.APPLY, 13),
        Arguments.of("updatesCombined", 10, 13, Outcome.IGNORE, 10),
        Arguments.of("updatesCombined", 12, 13, Outcome.GAP, 10),
        Arguments.of("updatesCombined", 0, 0, Outcome.APPLY, 10));
  }

  @ParameterizedTest(name = "{0} seq_start {1} seq {2} -> {3}")
  @MethodSource("seqRows")
  void aContainerIsAppliedIgnoredOrAGapBySeqAndAGapFetchesAtOnce(String name, int seqStart,
      int seq, Outcome outcome, int seqAfter) {
    MessageBox box = box(new TestClock());
    TlObject status = TlObject.of("updateUserStatus", "user_id", 1L, "status",
        TlObject.of("userStatusEmpty"));
    TlObject container = TlObject.of(name, "updates", List.of(status), "users", List.of(),
        "chats", List.of(), "date", 5, "seq", seq)
        .with("seq_start", name.equals("updatesCombined") ? seqStart : null);

    List<Delivery> delivered = box.process(container);

    assertThat(delivered).hasSize(outcome == Outcome.APPLY ? 1 : 0);
    assertThat(box.state().orElseThrow().seq()).isEqualTo(seqAfter);
    assertThat(box.pendingRequests()).containsExactlyElementsOf(outcome == Outcome.GAP
        ? List.of(new UpdateRequest.GetDifference(100, 1, 50)) : List.of());
  }
}
