package dev.jgram.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.UpdateState;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The short {@code Updates} shapes become the full update they stand for (spec §8.3). */
class ShortUpdatesTest {
  private static final long SELF = 1000;

  private final TestClock clock = new TestClock();

  private MessageBox box(long self) {
    MessageBox box = MessageBox.create(clock, self);
    box.applyState(Updates.state(1, 10, 100, 50));
    return box;
  }

  private static TlObject shortMessage(boolean out) {
    return TlObject.of("updateShortMessage", "out", out, "mentioned", false, "id", 42,
        "user_id", 77L, "message", "hello", "pts", 101, "pts_count", 1, "date", 5,
        "via_bot_id", 9L, "entities", List.of(TlObject.of("messageEntityBold", "offset", 0,
            "length", 5)));
  }

  private static TlObject peerUser(long id) {
    return TlObject.of("peerUser", "user_id", id);
  }

  private static TlObject onlyUpdate(List<Delivery> delivered) {
    assertThat(delivered).hasSize(1);
    return delivered.get(0).update();
  }

  /** Decoded at a layer: the same update a server of that layer would have pushed. */
  private static TlObject atLayer(int layer, TlObject update) {
    TlCodec codec = TlCodec.forLayer(layer);
    return codec.decode(codec.encode(update));
  }

  @Test
  void anIncomingShortMessageIsANewMessageFromThatUserInTheirChat() {
    List<Delivery> delivered = box(SELF).process(shortMessage(false));

    TlObject message = TlObject.of("message", "id", 42, "date", 5, "message", "hello",
        "via_bot_id", 9L, "entities", shortMessage(false).get("entities"),
        "from_id", peerUser(77), "peer_id", peerUser(77));
    assertThat(delivered).containsExactly(new Delivery(TlObject.of("updateNewMessage",
        "message", message, "pts", 101, "pts_count", 1), new UpdateState(101, 50, 5, 10),
        Optional.empty()));
  }

  @Test
  void anOutgoingShortMessageIsFromTheAccountItself() {
    TlObject message = onlyUpdate(box(SELF).process(shortMessage(true))).object("message");

    assertThat(message.flag("out")).isTrue();
    assertThat(message.object("from_id")).isEqualTo(peerUser(SELF));
    assertThat(message.object("peer_id")).isEqualTo(peerUser(77));
  }

  @Test
  void anOutgoingShortMessageHasNoSenderWhileTheAccountIsUnknown() {
    TlObject message = onlyUpdate(box(0).process(shortMessage(true))).object("message");

    assertThat(message.has("from_id")).isFalse();
  }

  @Test
  void aShortChatMessageIsANewMessageFromItsSenderInTheGroup() {
    TlObject chatMessage = TlObject.of("updateShortChatMessage", "id", 43, "from_id", 78L,
        "chat_id", 300L, "message", "hi all", "pts", 101, "pts_count", 1, "date", 6);

    TlObject message = onlyUpdate(box(SELF).process(chatMessage)).object("message");

    assertThat(message.object("from_id")).isEqualTo(peerUser(78));
    assertThat(message.object("peer_id")).isEqualTo(TlObject.of("peerChat", "chat_id", 300L));
    assertThat(message.string("message")).isEqualTo("hi all");
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void anExpandedShortMessageIsAValidUpdateAtEveryLayer(int layer) {
    TlObject received = atLayer(layer, shortMessage(false));

    TlObject update = onlyUpdate(box(SELF).process(received));

    assertThat(atLayer(layer, update).object("message").object("from_id"))
        .isEqualTo(peerUser(77));
  }

  @Test
  void aShortMessageIsCheckedLikeAnyPtsUpdate() {
    MessageBox box = box(SELF);

    assertThat(box.process(shortMessage(false).with("pts", 100))).isEmpty();
    assertThat(box.process(shortMessage(false).with("pts", 103))).isEmpty();
    clock.advance(MessageBox.POSSIBLE_GAP_TIMEOUT);
    box.checkDeadlines();
    // Both passed the (absent) seq check, so the local date is theirs: 5.
    assertThat(box.nextRequest()).contains(new UpdateRequest.GetDifference(100, 5, 50));
  }

  @Test
  void updateShortDeliversItsUpdateAndMovesTheDateButNotTheSeq() {
    MessageBox box = box(SELF);
    TlObject status = TlObject.of("updateUserStatus", "user_id", 1L, "status",
        TlObject.of("userStatusEmpty"));

    assertThat(box.process(TlObject.of("updateShort", "update", status, "date", 9)))
        .containsExactly(new Delivery(status, new UpdateState(100, 50, 9, 10), Optional.empty()));
  }

  @Test
  void updatesTooLongAsksForTheDifference() {
    MessageBox box = box(SELF);

    assertThat(box.process(TlObject.of("updatesTooLong"))).isEmpty();

    assertThat(box.pendingRequests()).containsExactly(new UpdateRequest.GetDifference(100, 1, 50));
  }

  @Test
  void aSentMessageIsBuiltFromTheRequestAndTheShortAnswer() {
    TlObject request = TlObject.of("messages.sendMessage", "peer",
        TlObject.of("inputPeerUser", "user_id", 77L, "access_hash", 5L), "message", "sent text",
        "random_id", 1L);
    TlObject sent = TlObject.of("updateShortSentMessage", "out", true, "id", 44, "pts", 101,
        "pts_count", 1, "date", 7, "media", TlObject.of("messageMediaEmpty"));

    TlObject update = onlyUpdate(box(SELF).processSent(sent, request));

    assertThat(update.name()).isEqualTo("updateNewMessage");
    assertThat(update.object("message")).isEqualTo(TlObject.of("message", "out", true, "id", 44,
        "date", 7, "message", "sent text", "from_id", peerUser(SELF), "peer_id", peerUser(77),
        "media", TlObject.of("messageMediaEmpty")));
  }

  @Test
  void aMessageSentToAChannelIsCheckedAgainstThatChannel() {
    MessageBox box = box(SELF);
    box.knowChannel(12, 500);
    TlObject request = TlObject.of("messages.sendMessage", "peer",
        TlObject.of("inputPeerChannel", "channel_id", 12L, "access_hash", 5L), "message", "post");
    TlObject sent = TlObject.of("updateShortSentMessage", "out", true, "id", 45, "pts", 501,
        "pts_count", 1, "date", 7);

    List<Delivery> delivered = box.processSent(sent, request);

    assertThat(onlyUpdate(delivered).name()).isEqualTo("updateNewChannelMessage");
    assertThat(onlyUpdate(delivered).object("message").has("from_id")).isFalse();
    assertThat(delivered.get(0).channel()).contains(new ChannelPts(12, 501));
    assertThat(box.channelPts()).containsEntry(12L, 501);
  }

  @Test
  void aMessageSentToSelfNeedsTheAccountId() {
    TlObject request = TlObject.of("messages.sendMessage", "peer",
        TlObject.of("inputPeerSelf"), "message", "note");
    TlObject sent = TlObject.of("updateShortSentMessage", "id", 1, "pts", 101, "pts_count", 1,
        "date", 7);

    assertThat(onlyUpdate(box(SELF).processSent(sent, request)).object("message")
        .object("peer_id")).isEqualTo(peerUser(SELF));
    assertThatThrownBy(() -> box(0).processSent(sent, request))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("own user id");
  }

  @Test
  void anyOtherSendResultIsProcessedAsPushed() {
    TlObject updates = Updates.updates(3, 11, 101);

    assertThat(box(SELF).processSent(updates, TlObject.of("messages.sendMessage")))
        .extracting(Delivery::update).containsExactly(Updates.update(101));
  }

  @Test
  void aShortSentMessageWithoutItsRequestIsRefusedNamingTheMethodToUse() {
    assertThatThrownBy(() -> box(SELF).process(TlObject.of("updateShortSentMessage")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("processSent");
  }

  @Test
  void aConstructorThatIsNotUpdatesIsRefusedByName() {
    assertThatThrownBy(() -> box(SELF).process(TlObject.of("updates.state")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'updates.state' is not an Updates constructor");
  }
}
