package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The engine contract for engines that persist (file, PostgreSQL): everything of
 * {@link StorageContractTest}, plus that what was written survives closing and reopening the
 * backing store, and that a deleted store reopens empty. A subclass must implement
 * {@link #reopen(StorageConfig)}.
 */
public abstract class PersistentStorageContractTest extends StorageContractTest {

  @Override
  protected abstract Optional<Storage> reopen(StorageConfig config);

  /** What survives a close and a reopen. */
  @Nested
  class Persistence {
    @Test
    void sessionSurvivesReopening() {
      Storage storage = open();
      storage.session(fixtureSession().withDate(99));
      Storage again = closeAndReopen(storage, config());
      assertThat(again.session()).isEqualTo(fixtureSession().withDate(99));
    }

    @Test
    void peersSurviveReopeningWithTheirTimestamps() {
      Storage storage = open();
      Peer peer = Peer.of(30, 9L, PeerType.USER, List.of("a30", "b30"), "1230");
      storage.updatePeers(List.of(peer));
      clock.advance(60);
      Storage again = closeAndReopen(storage, config());
      assertThat(again.peer(30)).contains(peer.withLastUpdateOn(NOW));
      assertThat(again.peerByUsername("b30")).isEqualTo(new InputPeer.User(30, 9));
      assertThat(again.peerByPhoneNumber("1230")).isEqualTo(new InputPeer.User(30, 9));
    }

    @Test
    void updateStateAndChannelPtsSurviveReopening() {
      Storage storage = open();
      storage.updateState(new UpdateState(1, 2, 3, 4));
      storage.channelPts(77, 88);
      Storage again = closeAndReopen(storage, config());
      assertThat(again.updateState()).contains(new UpdateState(1, 2, 3, 4));
      assertThat(again.allChannelPts()).isEqualTo(Map.of(77L, 88));
    }

    @Test
    void keysOfOtherDcsSurviveReopeningWithTheirFlags() {
      Storage storage = open();
      storage.session(fixtureSession());
      DcKey media = new DcKey(4, fixtureSession().authKey(), true);
      byte[] other = fixtureSession().authKey().bytes();
      other[0] ^= 1;
      DcKey before = new DcKey(2, AuthKey.of(other), false);
      storage.dcKey(media);
      storage.dcKey(before);
      Storage again = closeAndReopen(storage, config());
      assertThat(again.dcKeys()).containsExactly(before, media);
      assertThat(again.session()).isEqualTo(fixtureSession().withDate(again.session().date()));
    }

    @Test
    void aRevocationSurvivesReopening() {
      Storage storage = open();
      storage.session(fixtureSession());
      storage.revokeKey("AUTH_KEY_DUPLICATED");
      Storage again = closeAndReopen(storage, config());
      assertThat(again.keyRevocation()).hasValueSatisfying(
          r -> assertThat(r).contains("AUTH_KEY_DUPLICATED"));
      assertThatThrownBy(again::exportSessionString).hasMessageContaining("revoked");
    }

    @Test
    void aDeletedStorageReopensEmpty() {
      Storage storage = open();
      storage.session(fixtureSession());
      storage.updatePeers(List.of(user(5, 6, "five")));
      storage.dcKey(new DcKey(4, fixtureSession().authKey(), true));
      storage.delete();
      Storage again = openAgain(config());
      assertThat(again.session()).isEqualTo(Session.EMPTY);
      assertThat(again.peerCount()).isZero();
      assertThat(again.dcKeys()).isEmpty();
    }
  }
}
