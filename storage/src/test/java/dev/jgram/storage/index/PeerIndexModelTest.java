package dev.jgram.storage.index;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded batches of peers drawn from small pools of ids, usernames and phone numbers (so that
 * entries are replaced, names move between peers and are dropped) give the peer index the
 * same answers as a reference model kept in plain maps, across chunk and index growth. The
 * model answers a name with the newest entry holding it, by last_update_on, ties to the later
 * write, as the storage contract says.
 */
class PeerIndexModelTest {
  /** Each seed with an index that claims keys as it is written, and with a keys-on-demand one. */
  static Stream<Arguments> seeds() {
    return LongStream.range(0, 100).boxed()
        .flatMap(seed -> Stream.of(Arguments.of(seed, false), Arguments.of(seed, true)));
  }

  private static PeerIndex index(boolean keysOnDemand) {
    return keysOnDemand ? PeerIndex.keysOnDemand() : new PeerIndex();
  }

  @ParameterizedTest(name = "seed {0}, keys on demand {1}")
  @MethodSource("seeds")
  void batchesOfReplacementsAnswerLikeTheReferenceModel(long seed, boolean keysOnDemand) {
    Random r = new Random(seed);
    int pool = new int[] {4, 40, 600, 5000}[r.nextInt(4)];
    Pools pools = new Pools(r, pool, pool, 1000);
    PeerIndex table = index(keysOnDemand);
    Model model = new Model();
    for (int batch = 0; batch < 25; batch++) {
      boolean restore = r.nextInt(4) == 0;
      long now = 1_700_000_000L + batch;
      Peer[] peers = new Peer[r.nextInt(Math.min(pool * 2, 400))];
      for (int i = 0; i < peers.length; i++) {
        peers[i] = pools.peer(r);
        model.put(restore ? peers[i] : peers[i].withLastUpdateOn(now));
      }
      table.putAll(peers, now, restore);
      if (pool <= 40 || batch % 6 == 5) {
        assertAgrees(table, model, pools);
      }
    }
    assertAgrees(table, model, pools);
  }

  /**
   * Many peers share a few names and phones, with timestamps from a handful of seconds (so
   * ties are common, and restored entries are older or newer than the winner): the winner
   * keeps being the newest remaining holder as names are dropped and claimed again.
   */
  @ParameterizedTest(name = "seed {0}, keys on demand {1}")
  @MethodSource("seeds")
  void sharedNamesDroppedAndClaimedAgainGoToTheNewestRemainingHolder(long seed,
      boolean keysOnDemand) {
    Random r = new Random(seed);
    Pools pools = new Pools(r, 3 + r.nextInt(12), 1 + r.nextInt(4), 5);
    PeerIndex table = index(keysOnDemand);
    Model model = new Model();
    for (int batch = 0; batch < 150; batch++) {
      boolean restore = r.nextBoolean();
      long now = r.nextInt(5);
      Peer[] peers = new Peer[1 + r.nextInt(4)];
      for (int i = 0; i < peers.length; i++) {
        peers[i] = pools.peer(r);
        model.put(restore ? peers[i] : peers[i].withLastUpdateOn(now));
      }
      table.putAll(peers, now, restore);
      assertAgrees(table, model, pools);
    }
    for (long id : model.entries.keySet().toArray(new Long[0])) {
      Peer old = model.entries.get(id);
      Peer bare = new Peer(id, old.accessHash(), old.type(), List.of(), null, old.lastUpdateOn());
      model.put(bare);
      table.put(bare, bare.lastUpdateOn());
    }
    assertAgrees(table, model, pools);
    assertThat(table.contestedKeys()).as("contested keys once nobody holds any").isZero();
  }

  private static void assertAgrees(PeerIndex table, Model model, Pools pools) {
    assertThat(table.size()).isEqualTo(model.entries.size());
    long[] ids = model.entries.keySet().stream().mapToLong(Long::longValue).sorted().toArray();
    assertThat(Arrays.equals(table.sortedIds(), ids)).as("sorted ids").isTrue();
    List<String> wrong = new ArrayList<>();
    for (long id : pools.ids) {
      Peer expected = model.entries.get(id);
      int slot = table.slotOf(id);
      boolean ok = expected == null
          ? slot == -1 && table.inputPeerById(id) == null
          : slot >= 0 && table.peer(slot).equals(expected)
              && table.inputPeerById(id).equals(expected.toInputPeer());
      if (!ok) {
        wrong.add("id " + id + ": expected " + expected);
      }
    }
    Map<String, Long> nameOwners = model.owners(false);
    Map<String, Long> phoneOwners = model.owners(true);
    for (String name : pools.names) {
      checkOwner(table, table.slotOfUsername(name), nameOwners.get(name), name, wrong);
    }
    for (String phone : pools.phones) {
      checkOwner(table, table.slotOfPhone(phone), phoneOwners.get(phone), phone, wrong);
    }
    assertThat(wrong).isEmpty();
  }

  private static void checkOwner(PeerIndex table, int slot, Long owner, String key,
      List<String> wrong) {
    boolean ok = owner == null ? slot == -1
        : slot >= 0 && table.peer(slot).id() == owner
            && table.inputPeer(slot).equals(table.peer(slot).toInputPeer());
    if (!ok) {
      wrong.add(key + ": expected owner " + owner + ", slot " + slot);
    }
  }

  /** The keys peers are drawn from. */
  private static final class Pools {
    final long[] ids;
    final List<String> names = new ArrayList<>();
    final List<String> phones = new ArrayList<>();
    final int stamps;

    /** {@code size} ids, {@code keys} names, half as many phones, stamps below {@code stamps}. */
    Pools(Random r, int size, int keys, int stamps) {
      this.stamps = stamps;
      ids = new long[size];
      for (int i = 0; i < size; i++) {
        ids[i] = switch (i % 4) {
          case 0 -> i;
          case 1 -> -1_000_000_000_000L - i;
          case 2 -> r.nextLong();
          default -> Long.MIN_VALUE + i;
        };
      }
      for (int i = 0; i < keys; i++) {
        names.add("u" + i);
        if (i % 2 == 0) {
          phones.add(Long.toString(10_000_000_000L + i));
        }
      }
      names.add("Aa"); // "Aa" and "BB" share a hash code
      names.add("BB");
    }

    Peer peer(Random r) {
      long id = ids[r.nextInt(ids.length)];
      PeerType type = PeerType.values()[r.nextInt(PeerType.values().length)];
      Long hash = r.nextInt(8) == 0 ? null : r.nextLong();
      List<String> usernames = new ArrayList<>();
      for (int n = r.nextInt(4); n > 0; n--) {
        usernames.add(names.get(r.nextInt(names.size())));
      }
      String phone = r.nextBoolean() ? null : phones.get(r.nextInt(phones.size()));
      return new Peer(id, hash, type, usernames, phone, r.nextInt(stamps));
    }
  }

  /** Pyrogram's REPLACE semantics with newest-holder-wins keys, the obvious way. */
  private static final class Model {
    final Map<Long, Peer> entries = new HashMap<>();
    final Map<Long, Long> writes = new HashMap<>();
    long write;

    void put(Peer peer) {
      entries.put(peer.id(), peer);
      writes.put(peer.id(), ++write);
    }

    /** Each username (or phone) to the id of its newest holder, ties to the later write. */
    Map<String, Long> owners(boolean phones) {
      Map<String, Long> owners = new HashMap<>();
      for (Peer peer : entries.values()) {
        List<String> keys = phones
            ? (peer.phoneNumber() == null ? List.of() : List.of(peer.phoneNumber()))
            : peer.usernames();
        for (String key : keys) {
          Long owner = owners.get(key);
          if (owner == null || newer(peer, entries.get(owner))) {
            owners.put(key, peer.id());
          }
        }
      }
      return owners;
    }

    private boolean newer(Peer a, Peer b) {
      return a.lastUpdateOn() != b.lastUpdateOn() ? a.lastUpdateOn() > b.lastUpdateOn()
          : writes.get(a.id()) > writes.get(b.id());
    }
  }
}
