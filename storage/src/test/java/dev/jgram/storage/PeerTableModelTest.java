package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded batches of peers drawn from small pools of ids, usernames and phone numbers (so that
 * entries are replaced, names move between peers and are dropped) give the peer table the
 * same answers as a reference model kept in plain maps, across chunk and index growth.
 */
class PeerTableModelTest {
  static LongStream seeds() {
    return LongStream.range(0, 100);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void batchesOfReplacementsAnswerLikeTheReferenceModel(long seed) {
    Random r = new Random(seed);
    int pool = new int[] {4, 40, 600, 5000}[r.nextInt(4)];
    Pools pools = new Pools(r, pool);
    PeerTable table = new PeerTable();
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

  private static void assertAgrees(PeerTable table, Model model, Pools pools) {
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
    for (String name : pools.names) {
      checkOwner(table, table.slotOfUsername(name), model.nameOwners.get(name), name, wrong);
    }
    for (String phone : pools.phones) {
      checkOwner(table, table.slotOfPhone(phone), model.phoneOwners.get(phone), phone, wrong);
    }
    assertThat(wrong).isEmpty();
  }

  private static void checkOwner(PeerTable table, int slot, Long owner, String key,
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

    Pools(Random r, int size) {
      ids = new long[size];
      for (int i = 0; i < size; i++) {
        ids[i] = switch (i % 4) {
          case 0 -> i;
          case 1 -> -1_000_000_000_000L - i;
          case 2 -> r.nextLong();
          default -> Long.MIN_VALUE + i;
        };
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
      return new Peer(id, hash, type, usernames, phone, r.nextInt(1000));
    }
  }

  /** Pyrogram's REPLACE semantics with newest-wins keys, the obvious way. */
  private static final class Model {
    final Map<Long, Peer> entries = new HashMap<>();
    final Map<String, Long> nameOwners = new HashMap<>();
    final Map<String, Long> phoneOwners = new HashMap<>();

    void put(Peer peer) {
      Peer old = entries.put(peer.id(), peer);
      if (old != null) {
        for (String name : old.usernames()) {
          if (!peer.usernames().contains(name)) {
            nameOwners.remove(name, peer.id());
          }
        }
        if (old.phoneNumber() != null && !old.phoneNumber().equals(peer.phoneNumber())) {
          phoneOwners.remove(old.phoneNumber(), peer.id());
        }
      }
      for (String name : peer.usernames()) {
        nameOwners.put(name, peer.id());
      }
      if (peer.phoneNumber() != null) {
        phoneOwners.put(peer.phoneNumber(), peer.id());
      }
    }
  }
}
