package dev.jgram.peers;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.Layers;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.Storage;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random answers (full, min and hash-less sightings of a few users and channels, at a
 * random shipped layer) applied to a memory storage: the stored hash is always the last one a
 * full object carried, and a peer only min objects showed is never stored.
 */
class ResultPeersModelTest {
  static LongStream seeds() {
    return LongStream.rangeClosed(1, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theStoredHashIsTheLastFullOneAndMinPeersNeverWriteOne(long seed) {
    Random random = new Random(seed);
    Map<Long, Long> fullHash = new HashMap<>();
    try (Storage storage = Storage.memory()) {
      storage.open();
      for (int answer = 0; answer < 30; answer++) {
        List<TlObject> users = new ArrayList<>();
        List<TlObject> chats = new ArrayList<>();
        Map<Long, Long[]> seen = new HashMap<>();
        for (int i = random.nextInt(4); i > 0; i--) {
          sighting(random, users, chats, seen);
        }
        seen.forEach((marked, kindAndHash) -> {
          if (kindAndHash[0] == FULL) {
            fullHash.put(marked, kindAndHash[1]);
          } else if (kindAndHash[0] == NO_HASH) {
            fullHash.putIfAbsent(marked, null);
          }
        });
        int layer = Layers.shipped().get(random.nextInt(Layers.shipped().size()));
        ResultPeers.apply(storage, PeerObjects.atLayer(layer, TlObject.of("updates",
            "updates", List.of(), "users", users, "chats", chats, "date", 1, "seq", 0)));
      }
      List<Long> stored = new ArrayList<>();
      storage.forEachPeer(p -> stored.add(p.id()));
      assertThat(stored).containsExactlyInAnyOrderElementsOf(fullHash.keySet());
      fullHash.forEach((id, hash) ->
          assertThat(storage.peer(id).orElseThrow().accessHash()).as("peer %d", id)
              .isEqualTo(hash));
    }
  }

  private static final long MIN = 0;
  private static final long NO_HASH = 1;
  private static final long FULL = 2;

  /** Adds one sighting, replacing an earlier one of the same peer in this answer. */
  private static void sighting(Random random, List<TlObject> users, List<TlObject> chats,
      Map<Long, Long[]> seen) {
    long id = 1 + random.nextInt(4);
    long hash = random.nextLong();
    boolean channel = random.nextBoolean();
    long marked = channel ? -1_000_000_000_000L - id : id;
    TlObject peer = channel ? PeerObjects.channel(id, hash, "c" + id, random.nextBoolean())
        : PeerObjects.user(id, hash, "u" + id, null);
    long kind = random.nextInt(3);
    if (kind == MIN) {
      peer = peer.with("min", true);
    } else if (kind == NO_HASH) {
      peer = peer.with("access_hash", null);
    }
    (channel ? chats : users).removeIf(o -> o.longValue("id") == id);
    (channel ? chats : users).add(peer);
    seen.put(marked, new Long[] {kind, hash});
  }
}
