package dev.jgram.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Spec §8.3: a short message names its sender and chat without carrying them; when the client
 * has not cached them, the difference is fetched instead (it brings the message with its users
 * and chats), and the push is not delivered a second time.
 */
class UncachedPeersTest {
  private static final long ALICE = 5_000_000_001L;
  private static final long GROUP = 321;

  private final TestClock clock = new TestClock();
  private final Set<Long> cached = new HashSet<>();
  private MessageBox box;

  @BeforeEach
  void stateAt100() {
    box = MessageBox.create(clock, 1);
    box.applyState(Updates.state(10, 0, 100, 0));
    box.cachedPeers(cached::contains);
  }

  private static TlObject fromAlice(int id, int pts) {
    return TlObject.of("updateShortMessage", "out", false, "id", id, "user_id", ALICE,
        "message", "m" + id, "pts", pts, "pts_count", 1, "date", 11);
  }

  private static TlObject inGroup(int id, int pts) {
    return TlObject.of("updateShortChatMessage", "out", false, "id", id, "from_id", ALICE,
        "chat_id", GROUP, "message", "g" + id, "pts", pts, "pts_count", 1, "date", 11);
  }

  /** The difference a server sends for the pushed message: the message and Alice. */
  private static TlObject differenceWith(TlObject message, int pts) {
    return TlObject.of("updates.difference", "new_messages", List.of(message),
        "new_encrypted_messages", List.of(), "other_updates", List.of(), "chats", List.of(),
        "users", List.of(TlObject.of("user", "id", ALICE, "access_hash", 9L)),
        "state", Updates.state(12, 0, pts, 0));
  }

  private static TlObject message(int id) {
    return TlObject.of("message", "id", id, "from_id", ShortUpdates.peerUser(ALICE),
        "peer_id", ShortUpdates.peerUser(1), "date", 11, "message", "m" + id);
  }

  @Test
  void aShortMessageFromACachedSenderIsDeliveredAtOnce() {
    cached.add(ALICE);

    List<Delivery> delivered = box.process(fromAlice(1, 101));

    assertThat(delivered).singleElement().satisfies(d ->
        assertThat(d.update().object("message").string("message")).isEqualTo("m1"));
    assertThat(box.pendingRequests()).isEmpty();
  }

  @Test
  void aShortMessageFromAnUncachedSenderFetchesTheDifferenceAndIsDeliveredOnceFromIt() {
    assertThat(box.process(fromAlice(1, 101))).isEmpty();
    assertThat(box.pendingRequests()).singleElement()
        .isInstanceOf(UpdateRequest.GetDifference.class);
    assertThat(box.process(fromAlice(2, 102))).as("waits for the difference").isEmpty();

    List<Delivery> delivered = box.applyDifference(
        differenceWith(message(1), 101).with("new_messages", List.of(message(1), message(2)))
            .with("state", Updates.state(12, 0, 102, 0)));

    assertThat(delivered).extracting(d -> d.update().object("message").intValue("id"))
        .containsExactly(1, 2);
    assertThat(box.state()).map(s -> s.pts()).contains(102);
    assertThat(box.pendingRequests()).isEmpty();
  }

  @Test
  void aGroupMessageWhoseChatIsNotCachedFetchesTheDifferenceEvenWithTheSenderCached() {
    cached.add(ALICE);

    assertThat(box.process(inGroup(1, 101))).isEmpty();

    assertThat(box.pendingRequests()).singleElement()
        .isInstanceOf(UpdateRequest.GetDifference.class);
  }

  @Test
  void aGroupMessageWithItsSenderAndChatCachedIsDeliveredAtOnce() {
    cached.add(ALICE);
    cached.add(-GROUP);

    assertThat(box.process(inGroup(1, 101))).hasSize(1);
    assertThat(box.pendingRequests()).isEmpty();
  }

  @Test
  void anAlreadyAppliedShortMessageIsIgnoredWithoutADifference() {
    assertThat(box.process(fromAlice(1, 100))).isEmpty();

    assertThat(box.pendingRequests()).isEmpty();
  }

  @Test
  void aPushTheDifferenceDidNotCoverIsDeliveredAfterItRatherThanFetchedAgain() {
    assertThat(box.process(fromAlice(1, 101))).isEmpty();

    List<Delivery> delivered = box.applyDifference(
        Updates.differenceEmpty(12, 0));

    assertThat(delivered).singleElement().satisfies(d ->
        assertThat(d.update().object("message").string("message")).isEqualTo("m1"));
    assertThat(box.pendingRequests()).isEmpty();
  }

  @Test
  void withoutACacheToAskEveryPeerCountsAsCached() {
    MessageBox plain = MessageBox.create(clock, 1);
    plain.applyState(Updates.state(10, 0, 100, 0));

    assertThat(plain.process(fromAlice(1, 101))).hasSize(1);
    assertThat(plain.pendingRequests()).isEmpty();
  }
}
