package dev.jgram.updates;

import static dev.jgram.updates.Updates.update;
import static dev.jgram.updates.Updates.updates;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.UpdateState;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The answers to getDifference and getChannelDifference (spec §8.1), and what waits for them. */
class DifferencesTest {
  private static final long CHANNEL = 7;

  private final TestClock clock = new TestClock();

  private MessageBox box() {
    MessageBox box = MessageBox.create(clock, 0);
    box.applyState(Updates.state(12, 34, 56, 78));
    return box;
  }

  private static TlObject difference(String name, List<TlObject> messages,
      List<TlObject> others, TlObject state) {
    return TlObject.of(name, "new_messages", messages, "new_encrypted_messages", List.of(),
        "other_updates", others, "chats", List.of(), "users", List.of(),
        name.equals("updates.difference") ? "state" : "intermediate_state", state);
  }

  private static TlObject message(int id) {
    return TlObject.of("message", "id", id, "peer_id", TlObject.of("peerUser", "user_id", 1L),
        "date", 1, "message", "m");
  }

  private static TlObject channelUpdate(int pts) {
    return TlObject.of("updateDeleteChannelMessages", "channel_id", CHANNEL,
        "messages", List.of(pts), "pts", pts, "pts_count", 1);
  }

  private static TlObject status(long userId) {
    return TlObject.of("updateUserStatus", "user_id", userId, "status",
        TlObject.of("userStatusEmpty"));
  }

  private static TlObject shortOf(TlObject update) {
    return TlObject.of("updateShort", "update", update, "date", 0);
  }

  @Test
  void aDifferenceDeliversMessagesThenItsOtherUpdatesInOrderWithTheFinalState() {
    MessageBox box = box();
    box.requestDifference();
    TlObject encrypted = TlObject.of("encryptedMessageService", "random_id", 1L, "chat_id", 2,
        "date", 3, "bytes", new byte[0]);
    TlObject answer = difference("updates.difference", List.of(message(5)),
        List.of(status(9), update(59), update(58), update(57)), Updates.state(20, 40, 59, 78))
        .with("new_encrypted_messages", List.of(encrypted));

    List<Delivery> delivered = box.applyDifference(answer);

    UpdateState after = new UpdateState(59, 78, 20, 40);
    assertThat(delivered).extracting(Delivery::update).containsExactly(
        TlObject.of("updateNewMessage", "message", message(5), "pts", 0, "pts_count", 0),
        TlObject.of("updateNewEncryptedMessage", "message", encrypted, "qts", 0),
        update(57), update(58), update(59), status(9));
    assertThat(delivered).extracting(Delivery::state).containsOnly(after);
    assertThat(box.state()).contains(after);
    assertThat(box.pendingRequests()).isEmpty();
  }

  @Test
  void eachMessageOfADifferenceCarriesThePtsAfterItWhenTheOtherUpdatesLeaveExactlyItsPlaces() {
    MessageBox box = box();
    box.requestDifference();
    TlObject deleted = TlObject.of("updateDeleteMessages", "messages", List.of(1, 2), "pts", 59,
        "pts_count", 2);
    TlObject answer = difference("updates.difference", List.of(message(5), message(6)),
        List.of(deleted), Updates.state(20, 40, 60, 78));

    List<Delivery> delivered = box.applyDifference(answer);

    assertThat(delivered).extracting(Delivery::update).containsExactly(
        TlObject.of("updateNewMessage", "message", message(5), "pts", 57, "pts_count", 1),
        TlObject.of("updateNewMessage", "message", message(6), "pts", 60, "pts_count", 1),
        deleted);
    assertThat(delivered).extracting(d -> d.state().pts()).containsExactly(57, 60, 60);
    assertThat(delivered).extracting(d -> d.state().date()).containsOnly(20);
    assertThat(box.state()).contains(new UpdateState(60, 78, 20, 40));
  }

  @Test
  void theMessagesOfEachSliceStandWhereThatSliceLeavesThem() {
    MessageBox box = box();
    box.requestDifference();
    List<Delivery> first = box.applyDifference(difference("updates.differenceSlice",
        List.of(message(5), message(6)), List.of(), Updates.state(20, 40, 58, 78)));
    List<Delivery> second = box.applyDifference(difference("updates.difference",
        List.of(message(7)), List.of(), Updates.state(21, 41, 59, 78)));

    assertThat(first).extracting(d -> d.update().intValue("pts")).containsExactly(57, 58);
    assertThat(second).extracting(d -> d.update().intValue("pts")).containsExactly(59);
    assertThat(second).extracting(Delivery::state)
        .containsExactly(new UpdateState(59, 78, 21, 41));
    assertThat(box.state()).contains(new UpdateState(59, 78, 21, 41));
  }

  @Test
  void aChannelDifferencesMessagesCarryTheChannelPtsAfterEach() {
    MessageBox box = box();
    box.knowChannel(CHANNEL, 200);
    box.requestChannelDifference(CHANNEL);
    TlObject answer = TlObject.of("updates.channelDifference", "final", true, "pts", 203,
        "new_messages", List.of(message(1), message(2)), "other_updates",
        List.of(channelUpdate(202)), "chats", List.of(), "users", List.of());

    List<Delivery> delivered = box.applyChannelDifference(CHANNEL, answer);

    assertThat(delivered).extracting(d -> d.update().intValue("pts")).containsExactly(201, 203,
        202);
    assertThat(delivered).extracting(d -> d.channel().orElseThrow().pts())
        .containsExactly(201, 203, 203);
    assertThat(box.channelPts()).containsEntry(CHANNEL, 203);
  }

  @Test
  void updatesPushedDuringTheDifferenceGoThroughTheRulesAfterIt() {
    MessageBox box = box();
    box.requestDifference();
    assertThat(box.process(updates(0, 0, 57))).isEmpty();
    assertThat(box.process(updates(0, 0, 58))).isEmpty();
    assertThat(box.process(updates(13, 35, 59))).isEmpty();

    List<Delivery> delivered = box.applyDifference(difference("updates.difference", List.of(),
        List.of(update(57)), Updates.state(12, 34, 57, 78)));

    assertThat(delivered).extracting(Delivery::update)
        .containsExactly(update(57), update(58), update(59));
    assertThat(box.state()).contains(new UpdateState(59, 78, 13, 35));
  }

  @Test
  void aSliceMovesToItsIntermediateStateAndAsksAgainFromThere() {
    MessageBox box = box();
    box.process(updates(15, 35, 58));
    box.requestDifference();

    List<Delivery> delivered = box.applyDifference(difference("updates.differenceSlice",
        List.of(), List.of(update(57)), Updates.state(13, 30, 57, 79)));

    assertThat(delivered).extracting(Delivery::update).containsExactly(update(57));
    assertThat(box.state()).contains(new UpdateState(57, 79, 15, 35));
    assertThat(box.pendingRequests())
        .containsExactly(new UpdateRequest.GetDifference(57, 15, 79));
    assertThat(box.applyDifference(difference("updates.difference", List.of(),
        List.of(update(58)), Updates.state(16, 36, 58, 79)))).hasSize(1);
    assertThat(box.state()).contains(new UpdateState(58, 79, 16, 36));
  }

  @Test
  void aTooLongDifferenceResetsThePtsAndAsksAgainFromIt() {
    MessageBox box = box();
    box.requestDifference();

    assertThat(box.applyDifference(TlObject.of("updates.differenceTooLong", "pts", 900)))
        .isEmpty();

    assertThat(box.pendingRequests())
        .containsExactly(new UpdateRequest.GetDifference(900, 12, 78));
    box.applyDifference(Updates.differenceEmpty(30, 50));
    assertThat(box.state()).contains(new UpdateState(900, 78, 30, 50));
    assertThat(box.process(updates(0, 0, 901))).hasSize(1);
  }

  @Test
  void updatesHeldPastAGapWaitForTheDifferenceAndThenApplyIfStillNew() {
    MessageBox box = box();
    assertThat(box.process(updates(0, 0, 58))).isEmpty();
    clock.advance(MessageBox.POSSIBLE_GAP_TIMEOUT);
    box.checkDeadlines();

    List<Delivery> delivered = box.applyDifference(difference("updates.difference", List.of(),
        List.of(update(57)), Updates.state(12, 34, 57, 78)));

    assertThat(delivered).extracting(Delivery::update).containsExactly(update(57), update(58));
  }

  @Test
  void aChannelDifferenceThatIsNotFinalAsksAgainFromItsPts() {
    MessageBox box = box();
    box.knowChannel(CHANNEL, 200);
    box.requestChannelDifference(CHANNEL);
    TlObject partial = TlObject.of("updates.channelDifference", "pts", 201, "new_messages",
        List.of(message(1)), "other_updates", List.of(channelUpdate(201)), "chats", List.of(),
        "users", List.of());

    List<Delivery> delivered = box.applyChannelDifference(CHANNEL, partial);

    assertThat(delivered).extracting(Delivery::update).containsExactly(
        TlObject.of("updateNewChannelMessage", "message", message(1), "pts", 0, "pts_count", 0),
        channelUpdate(201));
    assertThat(delivered).extracting(Delivery::channel)
        .containsOnly(Optional.of(new ChannelPts(CHANNEL, 201)));
    assertThat(box.pendingRequests()).containsExactly(Updates.channelRequest(CHANNEL, 201));
  }

  @Test
  void aFinalChannelDifferenceWithATimeoutChecksTheChannelAgainAfterIt() {
    MessageBox box = MessageBox.create(clock, 0);
    box.knowChannel(CHANNEL, 200);
    box.requestChannelDifference(CHANNEL);

    box.applyChannelDifference(CHANNEL, Updates.channelDifferenceEmpty(200, true)
        .with("timeout", 30));

    assertThat(box.checkDeadlines()).isEqualTo(clock.instant().plusSeconds(30));
    clock.advance(Duration.ofSeconds(30));
    assertThat(box.checkDeadlines()).isEqualTo(clock.instant());
    assertThat(box.pendingRequests()).contains(Updates.channelRequest(CHANNEL, 200));
  }

  @Test
  void aTooLongChannelDifferenceTakesTheDialogsPtsAndItsLatestMessages() {
    MessageBox box = box();
    box.knowChannel(CHANNEL, 200);
    box.requestChannelDifference(CHANNEL);
    TlObject dialog = TlObject.of("dialog", "peer", TlObject.of("peerChannel", "channel_id",
        CHANNEL), "pts", 950);

    List<Delivery> delivered = box.applyChannelDifference(CHANNEL, TlObject.of(
        "updates.channelDifferenceTooLong", "final", true, "dialog", dialog,
        "messages", List.of(message(3)), "chats", List.of(), "users", List.of()));

    assertThat(delivered).extracting(Delivery::update).extracting(TlObject::name)
        .containsExactly("updateNewChannelMessage");
    assertThat(box.channelPts()).containsExactly(Map.entry(CHANNEL, 950));
    assertThat(box.pendingRequests()).isEmpty();
  }

  @Test
  void channelUpdatesPushedDuringItsDifferenceApplyAfterItIfStillNew() {
    MessageBox box = box();
    box.knowChannel(CHANNEL, 200);
    box.requestChannelDifference(CHANNEL);
    assertThat(box.process(shortOf(channelUpdate(201)))).isEmpty();
    assertThat(box.process(shortOf(channelUpdate(202)))).isEmpty();

    List<Delivery> delivered = box.applyChannelDifference(CHANNEL, TlObject.of(
        "updates.channelDifference", "final", true, "pts", 201, "new_messages", List.of(),
        "other_updates", List.of(channelUpdate(201)), "chats", List.of(), "users", List.of()));

    assertThat(delivered).extracting(Delivery::update)
        .containsExactly(channelUpdate(201), channelUpdate(202));
    assertThat(box.channelPts()).containsExactly(Map.entry(CHANNEL, 202));
  }

  @Test
  void updateChannelTooLongFetchesAKnownChannelAndIsDeliveredForAnUnknownOne() {
    MessageBox box = box();
    box.knowChannel(CHANNEL, 200);
    box.requestDifference();
    TlObject known = TlObject.of("updateChannelTooLong", "channel_id", CHANNEL, "pts", 210);
    TlObject unknown = TlObject.of("updateChannelTooLong", "channel_id", 99L);

    List<Delivery> delivered = box.applyDifference(difference("updates.difference", List.of(),
        List.of(known, unknown), Updates.state(12, 34, 56, 78)));

    assertThat(delivered).extracting(Delivery::update).containsExactly(unknown);
    assertThat(box.pendingRequests()).containsExactly(Updates.channelRequest(CHANNEL, 200));
  }

  @Test
  void aDifferencesChannelUpdatesAreCheckedAgainstTheirChannel() {
    MessageBox box = box();
    box.knowChannel(CHANNEL, 200);
    box.requestDifference();

    List<Delivery> delivered = box.applyDifference(difference("updates.difference", List.of(),
        List.of(channelUpdate(200), channelUpdate(201)), Updates.state(12, 34, 56, 78)));

    assertThat(delivered).extracting(Delivery::update).containsExactly(channelUpdate(201));
  }

  @Test
  void anAffectedResultMovesThePtsWithoutDeliveringAnything() {
    MessageBox box = box();
    box.knowChannel(CHANNEL, 200);

    assertThat(box.processAffected(TlObject.of("messages.affectedMessages", "pts", 58,
        "pts_count", 2), 0)).isEmpty();
    assertThat(box.processAffected(TlObject.of("messages.affectedHistory", "pts", 203,
        "pts_count", 2, "offset", 0), CHANNEL)).isEmpty();
    assertThat(box.process(updates(0, 0, 59))).hasSize(1);

    assertThat(box.state().orElseThrow().pts()).isEqualTo(59);
    clock.advance(MessageBox.POSSIBLE_GAP_TIMEOUT);
    box.checkDeadlines();
    assertThat(box.pendingRequests()).containsExactly(Updates.channelRequest(CHANNEL, 200));
  }

  @Test
  void beforeTheStateIsKnownUpdatesAreDeliveredUncheckedAndChannelsAreLearnt() {
    MessageBox box = MessageBox.create(clock, 0);

    assertThat(box.process(updates(5, 9, 500))).hasSize(1);
    assertThat(box.process(updates(5, 3, 400))).hasSize(1);
    assertThat(box.process(shortOf(channelUpdate(201)))).hasSize(1);

    assertThat(box.state()).isEmpty();
    assertThat(box.channelPts()).containsExactly(Map.entry(CHANNEL, 201));
    box.applyState(Updates.state(12, 34, 56, 78));
    assertThat(box.process(updates(0, 0, 56))).isEmpty();
  }

  @Test
  void answersNobodyAskedForAreRefused() {
    MessageBox box = box();

    assertThatThrownBy(() -> box.applyDifference(Updates.differenceEmpty(1, 1)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no updates.getDifference");
    assertThatThrownBy(() -> box.applyChannelDifference(CHANNEL,
        Updates.channelDifferenceEmpty(1, true)))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("channel 7");
    assertThatThrownBy(() -> box.endChannelDifference(CHANNEL, false))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("channel 7");
  }

  @Test
  void anAnswerOfTheWrongTypeIsRefusedByName() {
    MessageBox box = box();
    box.requestDifference();

    assertThatThrownBy(() -> box.applyDifference(Updates.channelDifferenceEmpty(1, true)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'updates.channelDifferenceEmpty' is not an updates.Difference");
    assertThatThrownBy(() -> box.applyState(Updates.differenceEmpty(1, 1)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("updates.state");
  }

  @Test
  void theRequestsAreTheTlFunctionsToSend() {
    assertThat(new UpdateRequest.GetState().toTl()).isEqualTo(TlObject.of("updates.getState"));
    assertThat(new UpdateRequest.GetDifference(56, 12, 78).toTl()).isEqualTo(TlObject.of(
        "updates.getDifference", "pts", 56, "date", 12, "qts", 78));
    assertThat(Updates.channelRequest(CHANNEL, 200).toTl(-5L)).isEqualTo(TlObject.of(
        "updates.getChannelDifference", "channel", TlObject.of("inputChannel", "channel_id",
            CHANNEL, "access_hash", -5L), "filter", TlObject.of("channelMessagesFilterEmpty"),
        "pts", 200, "limit", 100));
    assertThatThrownBy(() -> Updates.channelRequest(CHANNEL, 200).toTl())
        .isInstanceOf(UnsupportedOperationException.class).hasMessageContaining("access hash");
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void theRequestsEncodeAtEveryShippedLayer(int layer) {
    TlCodec codec = TlCodec.forLayer(layer);
    List<TlObject> requests = List.of(new UpdateRequest.GetState().toTl(),
        new UpdateRequest.GetDifference(56, 12, 78).toTl(),
        Updates.channelRequest(CHANNEL, 200).toTl(-5L));

    for (TlObject request : requests) {
      TlObject decoded = codec.decode(codec.encode(request));
      assertThat(decoded.name()).isEqualTo(request.name());
      request.fields().forEach((k, v) -> assertThat(decoded.get(k)).as(k).isEqualTo(v));
    }
  }
}
