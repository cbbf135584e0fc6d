package dev.jgram.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerType;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WorkloadTest {

  @ParameterizedTest
  @ValueSource(longs = {1, 42, -7, 20261125})
  void theSameSeedDrawsTheSamePeers(long seed) {
    Workload a = Workload.generate(5_000, seed);
    Workload b = Workload.generate(5_000, seed);
    for (int i = 0; i < a.size(); i++) {
      assertThat(a.peer(i)).isEqualTo(b.peer(i));
    }
    assertThat(a.session()).isEqualTo(b.session());
  }

  @Test
  void differentSeedsDrawDifferentPeers() {
    Workload a = Workload.generate(1_000, 1);
    Workload b = Workload.generate(1_000, 2);
    long same = IntStream.range(0, 1_000)
        .filter(i -> a.peer(i).equals(b.peer(i))).count();
    assertThat(same).isLessThan(100);
  }

  @ParameterizedTest
  @ValueSource(longs = {3, 42, 99})
  void everyPeerFollowsTheTableRowOfItsType(long seed) {
    Workload w = Workload.generate(20_000, seed);
    for (int i = 0; i < w.size(); i++) {
      assertFollowsTable(i, w.peer(i));
    }
  }

  private static void assertFollowsTable(int i, Peer p) {
    List<String> names = p.usernames();
    switch (p.type()) {
      case USER -> {
        assertThat(p.id()).isEqualTo(100_000_000L + i);
        assertThat(names).isSubsetOf("user_" + i, "user_" + i + "_alt");
        assertThat(names.isEmpty() || names.get(0).equals("user_" + i)).isTrue();
        assertThat(p.phoneNumber()).isIn(null, Long.toString(10_000_000_000L + i));
      }
      case BOT -> {
        assertThat(p.id()).isEqualTo(5_000_000_000L + i);
        assertThat(names).containsExactly("bot" + i + "_bot");
      }
      case CHANNEL -> {
        assertThat(p.id()).isEqualTo(-1_000_000_000_000L - (1_500_000_000L + i));
        assertThat(names).isSubsetOf("chan_" + i);
      }
      case SUPERGROUP -> {
        assertThat(p.id()).isEqualTo(-1_000_000_000_000L - (1_700_000_000L + i));
        assertThat(names).isSubsetOf("group_" + i);
      }
      case GROUP -> {
        assertThat(p.id()).isEqualTo(-(400_000_000L + i));
        assertThat(names).isEmpty();
        assertThat(p.accessHash()).isZero();
      }
    }
    if (p.type() != PeerType.USER) {
      assertThat(p.phoneNumber()).isNull();
    }
  }

  @Test
  void typeAndFieldSharesMatchTheTable() {
    Workload w = Workload.generate(200_000, 42);
    Map<PeerType, Integer> types = new EnumMap<>(PeerType.class);
    int userNames = 0;
    int userAlts = 0;
    int phones = 0;
    for (int i = 0; i < w.size(); i++) {
      Peer p = w.peer(i);
      types.merge(p.type(), 1, Integer::sum);
      if (p.type() == PeerType.USER) {
        userNames += p.usernames().isEmpty() ? 0 : 1;
        userAlts += p.usernames().size() == 2 ? 1 : 0;
        phones += p.phoneNumber() == null ? 0 : 1;
      }
    }
    double n = w.size();
    int users = types.get(PeerType.USER);
    assertThat(users / n).isCloseTo(0.80, within(0.005));
    assertThat(types.get(PeerType.BOT) / n).isCloseTo(0.10, within(0.005));
    assertThat(types.get(PeerType.CHANNEL) / n).isCloseTo(0.05, within(0.003));
    assertThat(types.get(PeerType.SUPERGROUP) / n).isCloseTo(0.03, within(0.003));
    assertThat(types.get(PeerType.GROUP) / n).isCloseTo(0.02, within(0.003));
    assertThat(userNames / (double) users).isCloseTo(0.5, within(0.01));
    assertThat(userAlts / (double) userNames).isCloseTo(0.05, within(0.005));
    assertThat(phones / (double) users).isCloseTo(0.3, within(0.01));
  }

  @Test
  void batchesHold200PeersEachInGenerationOrder() {
    Workload w = Workload.generate(1_050, 5);
    List<List<Peer>> batches = w.batches();
    assertThat(batches).hasSize(6);
    assertThat(batches.subList(0, 5)).allSatisfy(b -> assertThat(b).hasSize(200));
    assertThat(batches.get(5)).hasSize(50);
    assertThat(batches.get(2).get(0)).isEqualTo(w.peer(400));
    assertThat(batches.get(5).get(49)).isEqualTo(w.peer(1_049));
  }

  @Test
  void theSessionRowIsTheWorkloads() {
    var session = Workload.generate(1, 42).session();
    assertThat(session.dcId()).isEqualTo(2);
    assertThat(session.apiId()).isEqualTo(12345);
    assertThat(session.userId()).isEqualTo(777_000L);
    assertThat(session.isBot()).isFalse();
    assertThat(session.authKey()).isNotNull();
  }
}
