package dev.jgram.peers;

import static dev.jgram.peers.PeerObjects.atLayer;
import static dev.jgram.peers.PeerObjects.username;
import static dev.jgram.peers.PeerObjects.usernames;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pyrogram's {@code fetch_peers} rows, one constructor at a time (spec §9.2, §10.7). */
class PeerMappingTest {
  private static SeenPeer only(Object result) {
    List<SeenPeer> seen = ResultPeers.extract(result);
    assertThat(seen).hasSize(1);
    return seen.get(0);
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void aUserKeepsItsUsernameFirstThenEveryActiveOneLowerCased(int layer) {
    TlObject user = PeerObjects.user(1, 11, "Primary", "15550001").with("usernames", usernames(
        username("Primary", true), username("Fragment", true), username("Disabled", false)));

    assertThat(only(atLayer(layer, user)).peer().usernames())
        .containsExactly("primary", "fragment");
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void aUserWithOnlyUsernamesListKeepsTheActiveOnes(int layer) {
    TlObject user = PeerObjects.user(1, 11, null, null).with("usernames", usernames(
        username("Off", false), username("First", true), username("Second", true)));

    assertThat(only(atLayer(layer, user)).peer().usernames()).containsExactly("first", "second");
  }

  @ParameterizedTest
  @ValueSource(ints = {158, 198, 227})
  void aChannelKeepsAllItsActiveUsernames(int layer) {
    TlObject channel = PeerObjects.channel(5, 55, null, true).with("usernames", usernames(
        username("One", true), username("Two", true)));

    assertThat(only(atLayer(layer, channel)).peer().usernames()).containsExactly("one", "two");
  }

  @Test
  void aBotIsStoredAsBotAndAUserAsUser() {
    assertThat(only(PeerObjects.bot(2, 22, "B")).peer().type()).isEqualTo(PeerType.BOT);
    assertThat(only(PeerObjects.user(3, 33, null, null)).peer().type()).isEqualTo(PeerType.USER);
  }

  @Test
  void basicGroupsHaveANegativeIdAndAccessHashZero() {
    Peer expected = Peer.of(-123, 0L, PeerType.GROUP, List.of(), null);

    assertThat(only(PeerObjects.chat(123))).isEqualTo(new SeenPeer(expected, false));
    assertThat(only(PeerObjects.chatForbidden(123))).isEqualTo(new SeenPeer(expected, false));
  }

  @Test
  void channelsAreMarkedMinus100AndTypedByTheBroadcastFlag() {
    assertThat(only(PeerObjects.channel(1234567890L, 9, "c", true)).peer())
        .isEqualTo(Peer.of(-1001234567890L, 9L, PeerType.CHANNEL, List.of("c"), null));
    assertThat(only(PeerObjects.channel(1234567890L, 9, null, false)).peer().type())
        .isEqualTo(PeerType.SUPERGROUP);
  }

  @Test
  void aForbiddenChannelKeepsItsAccessHashAndHasNoUsername() {
    assertThat(only(PeerObjects.channelForbidden(7, 77, false)).peer())
        .isEqualTo(Peer.of(-1000000000007L, 77L, PeerType.SUPERGROUP, List.of(), null));
  }

  @Test
  void emptyUsersAndChatsAreSkipped() {
    assertThat(ResultPeers.extract(List.of(TlObject.of("userEmpty", "id", 1L),
        TlObject.of("chatEmpty", "id", 2L)))).isEmpty();
  }

  @Test
  void minUsersAndChannelsAreMarkedMin() {
    assertThat(only(PeerObjects.minUser(4, 44, null)).min()).isTrue();
    assertThat(only(PeerObjects.minChannel(4, 44, null)).min()).isTrue();
    assertThat(only(PeerObjects.user(4, 44, null, null)).min()).isFalse();
  }

  @Test
  void aUserWithoutAccessHashHasANullHash() {
    TlObject user = TlObject.of("user", "id", 8L, "first_name", "x");

    assertThat(only(user).peer().accessHash()).isNull();
  }

  @Test
  void aPeerSeenTwiceInOneAnswerIsKeptOnceAndAFullObjectWinsOverAMinOne() {
    TlObject min = PeerObjects.minUser(9, 1, "minname");
    TlObject full = PeerObjects.user(9, 2, "fullname", null);

    assertThat(ResultPeers.extract(List.of(full, min))).containsExactly(
        new SeenPeer(Peer.of(9, 2L, PeerType.USER, List.of("fullname"), null), false));
    assertThat(ResultPeers.extract(List.of(min, full))).containsExactly(
        new SeenPeer(Peer.of(9, 2L, PeerType.USER, List.of("fullname"), null), false));
  }

  @Test
  void aUserObjectWithoutItsIdIsATypedErrorNamingTheField() {
    assertThatThrownBy(() -> ResultPeers.extract(TlObject.of("user", "first_name", "x")))
        .hasMessageContaining("user has no field 'id'");
  }

  @Test
  void aNullResultIsRefused() {
    assertThatThrownBy(() -> ResultPeers.extract(null)).isInstanceOf(NullPointerException.class)
        .hasMessageContaining("result");
  }
}
