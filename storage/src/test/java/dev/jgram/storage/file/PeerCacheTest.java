package dev.jgram.storage.file;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded peer cache: its bound, and when its username and phone maps may answer. */
class PeerCacheTest {
  private static Peer peer(long id, long time, String phone, String... usernames) {
    return new Peer(id, id, PeerType.USER, List.of(usernames), phone, time);
  }

  private static PeerCache.Entry entry(long id, long time) {
    return new PeerCache.Entry(id, PeerType.USER, id, time);
  }

  @Test
  void aMissedIdStaysKnownMissingUntilItIsWrittenOrTheCacheCleared() {
    PeerCache cache = new PeerCache(10);
    cache.missed(7);
    assertThat(cache.knownMissing(7)).isTrue();
    assertThat(cache.knownMissing(8)).isFalse();
    cache.written(peer(7, 1, null));
    assertThat(cache.knownMissing(7)).isFalse();
    cache.missed(9);
    cache.clear();
    assertThat(cache.knownMissing(9)).isFalse();
  }

  @Test
  void aZeroBoundCacheRemembersNoMiss() {
    PeerCache cache = new PeerCache(0);
    cache.missed(7);
    assertThat(cache.knownMissing(7)).isFalse();
  }

  @Test
  void theCacheNeverHoldsMoreThanItsBound() {
    PeerCache cache = new PeerCache(100);
    for (long id = 1; id <= 10_000; id++) {
      cache.written(peer(id, 1, null));
      assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
    assertThat(cache.slotOf(10_000)).isNotNegative();
  }

  @Test
  void aZeroBoundCachesNothing() {
    PeerCache cache = new PeerCache(0);
    cache.written(peer(1, 1, "5", "a"));
    cache.loaded(entry(2, 1));
    assertThat(cache.slotOf(1)).isEqualTo(-1);
    assertThat(cache.slotOf(2)).isEqualTo(-1);
    assertThat(cache.size()).isZero();
  }

  @Test
  void aCachedPeerAnswersWithItsInputPeerAndTime() {
    PeerCache cache = new PeerCache(10);
    cache.written(new Peer(-1_000_000_000_123L, 99L, PeerType.CHANNEL, List.of(), null, 42));
    int slot = cache.slotOf(-1_000_000_000_123L);
    assertThat(cache.input(slot)).isEqualTo(new InputPeer.Channel(123, 99));
    assertThat(cache.lastUpdateOn(slot)).isEqualTo(42);
  }

  @Test
  void loadingByIdClaimsNoUsername() {
    PeerCache cache = new PeerCache(10);
    cache.loaded(entry(1, 1));
    cache.written(peer(2, 1, "555", "alice"));
    assertThat(cache.slotOfUsername("alice")).isEqualTo(-1);
    assertThat(cache.slotOfPhone("555")).isEqualTo(-1);
  }

  @Test
  void aNewerWriteTakesOverAUsernameTheCacheKnows() {
    PeerCache cache = new PeerCache(10);
    cache.loadedForUsername(entry(1, 10), "shared");
    assertThat(cache.slotOfUsername("shared")).isEqualTo(cache.slotOf(1));
    cache.written(peer(2, 20, null, "shared"));
    assertThat(cache.slotOfUsername("shared")).isEqualTo(cache.slotOf(2));
    cache.written(peer(3, 5, null, "shared")); // older: the cached owner stays
    assertThat(cache.slotOfUsername("shared")).isEqualTo(cache.slotOf(2));
  }

  @Test
  void aNewerWriteTakesOverAPhoneTheCacheKnows() {
    PeerCache cache = new PeerCache(10);
    cache.loadedForPhone(entry(1, 10), "777");
    cache.written(peer(2, 10, "777")); // a tie goes to the later write
    assertThat(cache.slotOfPhone("777")).isEqualTo(cache.slotOf(2));
  }

  @Test
  void rewritingAPeerWithoutAUsernameDropsItFromTheMap() {
    PeerCache cache = new PeerCache(10);
    cache.loadedForUsername(entry(1, 10), "gone");
    cache.written(peer(1, 11, null, "other"));
    assertThat(cache.slotOfUsername("gone")).isEqualTo(-1);
  }

  @Test
  void anEvictedPeerNoLongerAnswersItsUsernameOrPhone() {
    PeerCache cache = new PeerCache(2);
    cache.loadedForUsername(entry(1, 10), "one");
    cache.loadedForPhone(entry(2, 10), "777");
    assertThat(cache.slotOfUsername("one")).isNotNegative();
    assertThat(cache.slotOfPhone("777")).isNotNegative();
    cache.loaded(entry(3, 10));
    cache.loaded(entry(4, 10));
    assertThat(cache.slotOf(1)).isEqualTo(-1);
    assertThat(cache.slotOf(2)).isEqualTo(-1);
    assertThat(cache.slotOfUsername("one")).isEqualTo(-1);
    assertThat(cache.slotOfPhone("777")).isEqualTo(-1);
  }

  @Test
  void clearingForgetsEveryEntryAndClaim() {
    PeerCache cache = new PeerCache(10);
    cache.loadedForUsername(entry(1, 10), "one");
    cache.clear();
    assertThat(cache.size()).isZero();
    assertThat(cache.slotOf(1)).isEqualTo(-1);
    assertThat(cache.slotOfUsername("one")).isEqualTo(-1);
  }
}
