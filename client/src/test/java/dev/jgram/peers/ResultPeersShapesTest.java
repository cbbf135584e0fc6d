package dev.jgram.peers;

import static dev.jgram.peers.PeerObjects.atLayer;
import static dev.jgram.peers.PeerObjects.bot;
import static dev.jgram.peers.PeerObjects.channel;
import static dev.jgram.peers.PeerObjects.channelForbidden;
import static dev.jgram.peers.PeerObjects.chat;
import static dev.jgram.peers.PeerObjects.chatForbidden;
import static dev.jgram.peers.PeerObjects.minUser;
import static dev.jgram.peers.PeerObjects.user;
import static dev.jgram.peers.PeerObjects.vectorAtLayer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every result shape that carries peers, encoded and decoded at each shipped layer. */
class ResultPeersShapesTest {
  private static final long CHANNEL_MARK = -1_000_000_000_000L;

  private static List<Long> ids(Object result) {
    return ResultPeers.extract(result).stream().map(s -> s.peer().id()).toList();
  }

  private static TlObject state(int pts) {
    return TlObject.of("updates.state", "pts", pts, "qts", 0, "date", 1_700_000_000, "seq", 1,
        "unread_count", 0);
  }

  private static TlObject message(int id, long userId) {
    return TlObject.of("message", "id", id, "peer_id", TlObject.of("peerUser", "user_id", userId),
        "date", 1_700_000_000, "message", "hi");
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void usersGetUsersVectorGivesEveryUserButTheEmptyOnes(int layer) {
    Object result = vectorAtLayer(layer, "users.getUsers", List.of(
        user(10, 100, "Alice", "15550001"), TlObject.of("userEmpty", "id", 11L),
        bot(12, 120, "SomeBot")));

    assertThat(ResultPeers.extract(result)).containsExactly(
        new SeenPeer(Peer.of(10, 100L, PeerType.USER, List.of("alice"), "15550001"), false),
        new SeenPeer(Peer.of(12, 120L, PeerType.BOT, List.of("somebot"), null), false));
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void authAuthorizationGivesItsUser(int layer) {
    TlObject result = atLayer(layer, TlObject.of("auth.authorization", "user",
        user(20, 200, null, "15550020").with("self", true)));

    assertThat(ResultPeers.extract(result)).containsExactly(
        new SeenPeer(Peer.of(20, 200L, PeerType.USER, List.of(), "15550020"), false));
  }

  @ParameterizedTest
  @ValueSource(ints = {198, 227})
  void sentCodeSuccessGivesTheUserNestedTwoLevelsDown(int layer) {
    TlObject result = atLayer(layer, TlObject.of("auth.sentCodeSuccess", "authorization",
        TlObject.of("auth.authorization", "user", bot(21, 210, "LoginBot"))));

    assertThat(ids(result)).containsExactly(21L);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void usersUserFullGivesItsUsersAndChats(int layer) {
    TlObject full = TlObject.of("userFull", "id", 30L, "settings", TlObject.of("peerSettings"),
        "notify_settings", TlObject.of("peerNotifySettings"), "common_chats_count", 1);
    TlObject result = atLayer(layer, TlObject.of("users.userFull", "full_user", full,
        "chats", List.of(chat(31)), "users", List.of(user(30, 300, "full", null))));

    assertThat(ids(result)).containsExactlyInAnyOrder(30L, -31L);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void contactsResolvedPeerGivesTheResolvedChannel(int layer) {
    TlObject result = atLayer(layer, TlObject.of("contacts.resolvedPeer",
        "peer", TlObject.of("peerChannel", "channel_id", 40L),
        "chats", List.of(channel(40, 400, "News", true)), "users", List.of()));

    assertThat(ResultPeers.extract(result)).containsExactly(new SeenPeer(
        Peer.of(CHANNEL_MARK - 40, 400L, PeerType.CHANNEL, List.of("news"), null), false));
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void messagesMessagesGivesTheSendersAndChats(int layer) {
    TlObject result = atLayer(layer, TlObject.of("messages.messages",
        "messages", List.of(message(1, 50)), "topics", List.of(),
        "chats", List.of(chatForbidden(51), channel(52, 520, null, false)),
        "users", List.of(user(50, 500, null, null))));

    assertThat(ids(result)).containsExactlyInAnyOrder(50L, -51L, CHANNEL_MARK - 52);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void messagesChannelMessagesGivesItsPeers(int layer) {
    TlObject result = atLayer(layer, TlObject.of("messages.channelMessages", "pts", 9,
        "count", 1, "messages", List.of(message(1, 53)), "topics", List.of(),
        "chats", List.of(channel(54, 540, "grp", false)), "users", List.of(user(53, 530, null,
            null))));

    assertThat(ids(result)).containsExactlyInAnyOrder(53L, CHANNEL_MARK - 54);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void updatesAndUpdatesCombinedGiveTheirUsersAndChats(int layer) {
    TlObject newMessage = TlObject.of("updateNewMessage", "message", message(7, 60), "pts", 2,
        "pts_count", 1);
    TlObject updates = atLayer(layer, TlObject.of("updates", "updates", List.of(newMessage),
        "users", List.of(user(60, 600, "sixty", null)), "chats", List.of(chat(61)),
        "date", 1, "seq", 2));
    TlObject combined = atLayer(layer, TlObject.of("updatesCombined", "updates",
        List.of(newMessage), "users", List.of(minUser(62, 620, null)),
        "chats", List.of(channelForbidden(63, 630, true)), "date", 1, "seq_start", 2, "seq", 3));

    assertThat(ids(updates)).containsExactly(60L, -61L);
    assertThat(ResultPeers.extract(combined)).containsExactly(
        new SeenPeer(Peer.of(62, 620L, PeerType.USER, List.of(), null), true),
        new SeenPeer(Peer.of(CHANNEL_MARK - 63, 630L, PeerType.CHANNEL, List.of(), null),
            false));
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void differenceAndSliceGiveTheirPeers(int layer) {
    TlObject difference = atLayer(layer, TlObject.of("updates.difference",
        "new_messages", List.of(message(3, 70)), "new_encrypted_messages", List.of(),
        "other_updates", List.of(), "chats", List.of(chat(71)),
        "users", List.of(user(70, 700, null, null)), "state", state(5)));
    TlObject slice = atLayer(layer, TlObject.of("updates.differenceSlice",
        "new_messages", List.of(), "new_encrypted_messages", List.of(), "other_updates",
        List.of(), "chats", List.of(), "users", List.of(user(72, 720, null, null)),
        "intermediate_state", state(6)));

    assertThat(ids(difference)).containsExactly(-71L, 70L);
    assertThat(ids(slice)).containsExactly(72L);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void channelDifferencesGiveTheirPeers(int layer) {
    TlObject difference = atLayer(layer, TlObject.of("updates.channelDifference", "final", true,
        "pts", 8, "new_messages", List.of(), "other_updates", List.of(),
        "chats", List.of(channel(80, 800, null, false)), "users", List.of(bot(81, 810, null))));
    TlObject dialog = TlObject.of("dialog", "peer", TlObject.of("peerChannel", "channel_id", 82L),
        "top_message", 1, "read_inbox_max_id", 1, "read_outbox_max_id", 1, "unread_count", 0,
        "unread_mentions_count", 0, "unread_reactions_count", 0, "unread_poll_votes_count", 0,
        "notify_settings", TlObject.of("peerNotifySettings"), "pts", 9);
    TlObject tooLong = atLayer(layer, TlObject.of("updates.channelDifferenceTooLong",
        "dialog", dialog, "messages", List.of(), "chats", List.of(channel(82, 820, null, true)),
        "users", List.of()));

    assertThat(ids(difference)).containsExactly(CHANNEL_MARK - 80, 81L);
    assertThat(ids(tooLong)).containsExactly(CHANNEL_MARK - 82);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void resultsWithoutPeersGiveNone(int layer) {
    assertThat(ResultPeers.extract(atLayer(layer, state(1)))).isEmpty();
    assertThat(ResultPeers.extract(atLayer(layer, TlObject.of("updatesTooLong")))).isEmpty();
    assertThat(ResultPeers.extract(Boolean.TRUE)).isEmpty();
    assertThat(ResultPeers.extract(List.of())).isEmpty();
  }
}
