package dev.jgram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.PeerNotFoundException;
import java.util.List;
import org.junit.jupiter.api.Test;

class UsernameLookupTest {
  static final PeerNotFoundException MISS = new PeerNotFoundException(
      PeerNotFoundException.Reason.USERNAME_NOT_FOUND, "x");

  static TlObject resolved(TlObject peer, List<TlObject> chats, List<TlObject> users) {
    return TlObject.of("contacts.resolvedPeer", "peer", peer, "chats", chats, "users", users);
  }

  @Test
  void aUserIsTakenFromTheUsersWithItsAccessHash() {
    TlObject r = resolved(TlObject.of("peerUser", "user_id", 7L), List.of(),
        List.of(TlObject.of("user", "id", 6L, "access_hash", 1L),
            TlObject.of("user", "id", 7L, "access_hash", 99L)));
    assertThat(UsernameLookup.inputPeer(r, MISS)).isEqualTo(new InputPeer.User(7L, 99L));
  }

  @Test
  void aChannelIsTakenFromTheChatsWithItsAccessHash() {
    TlObject r = resolved(TlObject.of("peerChannel", "channel_id", 1500L),
        List.of(TlObject.of("channel", "id", 1500L, "access_hash", -5L)), List.of());
    assertThat(UsernameLookup.inputPeer(r, MISS)).isEqualTo(new InputPeer.Channel(1500L, -5L));
  }

  @Test
  void aPeerMissingFromTheListsOrWithoutAHashIsNotFound() {
    TlObject absent = resolved(TlObject.of("peerUser", "user_id", 7L), List.of(), List.of());
    TlObject noHash = resolved(TlObject.of("peerUser", "user_id", 7L), List.of(),
        List.of(TlObject.of("user", "id", 7L)));
    assertThatThrownBy(() -> UsernameLookup.inputPeer(absent, MISS)).isSameAs(MISS);
    assertThatThrownBy(() -> UsernameLookup.inputPeer(noHash, MISS)).isSameAs(MISS);
  }

  @Test
  void theRequestCarriesTheNormalisedUsername() {
    assertThat(UsernameLookup.request("durov"))
        .isEqualTo(TlObject.of("contacts.resolveUsername", "username", "durov"));
  }
}
