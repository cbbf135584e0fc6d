package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The bounded peer cache: its bound, and when its username and phone maps may answer. */
class PeerCacheTest {
  private static PeerCache.Entry entry(long id, long time, String phone, String... usernames) {
    return new PeerCache.Entry(id, PeerType.USER, id, time, List.of(usernames), phone);
  }

  @Test
  void aMissedIdStaysKnownMissingUntilItIsWrittenOrTheCacheCleared() {
    PeerCache cache = new PeerCache(10);
    cache.missed(7);
    assertThat(cache.knownMissing(7)).isTrue();
    assertThat(cache.knownMissing(8)).isFalse();
    cache.written(entry(7, 1, null));
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
      cache.written(entry(id, 1, null));
      assertThat(cache.size()).isLessThanOrEqualTo(100);
    }
    assertThat(cache.byId(10_000)).isNotNull();
  }

  @Test
  void aZeroBoundCachesNothing() {
    PeerCache cache = new PeerCache(0);
    cache.written(entry(1, 1, "5", "a"));
    cache.loaded(entry(2, 1, null));
    assertThat(cache.byId(1)).isNull();
    assertThat(cache.byId(2)).isNull();
    assertThat(cache.size()).isZero();
  }

  @Test
  void loadingByIdClaimsNoUsername() {
    PeerCache cache = new PeerCache(10);
    cache.loaded(entry(1, 1, "555", "alice"));
    assertThat(cache.byUsername("alice")).isNull();
    assertThat(cache.byPhone("555")).isNull();
  }

  @Test
  void aNewerWriteTakesOverAUsernameTheCacheKnows() {
    PeerCache cache = new PeerCache(10);
    PeerCache.Entry first = entry(1, 10, null, "shared");
    cache.loadedForUsername(first, "shared");
    PeerCache.Entry second = entry(2, 20, null, "shared");
    cache.written(second);
    assertThat(cache.byUsername("shared")).isSameAs(second);
    cache.written(entry(3, 5, null, "shared")); // older: the cached owner stays
    assertThat(cache.byUsername("shared")).isSameAs(second);
  }

  @Test
  void rewritingAPeerWithoutAUsernameDropsItFromTheMap() {
    PeerCache cache = new PeerCache(10);
    cache.loadedForUsername(entry(1, 10, null, "gone"), "gone");
    cache.written(entry(1, 11, null, "other"));
    assertThat(cache.byUsername("gone")).isNull();
  }

  @Test
  void anEvictedPeerNoLongerAnswersItsUsernameOrPhone() {
    PeerCache cache = new PeerCache(1);
    cache.loadedForUsername(entry(1, 10, "777", "one"), "one");
    cache.loadedForPhone(cache.byId(1), "777");
    assertThat(cache.byPhone("777")).isNotNull();
    cache.loaded(entry(2, 10, null));
    assertThat(cache.byId(1)).isNull();
    assertThat(cache.byUsername("one")).isNull();
    assertThat(cache.byPhone("777")).isNull();
  }
}
