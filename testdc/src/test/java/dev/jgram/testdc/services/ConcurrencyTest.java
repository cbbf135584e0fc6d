package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.CallContext;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class ConcurrencyTest {
  static final int THREADS = 4;
  static final int MESSAGES = 50;

  @Test
  void sendersOnManyThreadsEachGetTheirOwnPtsAndNothingIsLost() throws Exception {
    try (Cluster cluster = new Cluster()) {
      long bob = cluster.services.addUser(UserSpec.ofPhone("15550000000"));
      cluster.loginUser(1, 1000L, "15550000000");
      List<Callable<List<Integer>>> senders = new ArrayList<>();
      for (int t = 0; t < THREADS; t++) {
        long key = 2000L + t;
        long user = cluster.services.addUser(UserSpec.ofPhone("1555000010" + t));
        cluster.loginUser(1, key, "1555000010" + t);
        TlObject peer = Queries.inputPeerUser(bob, cluster.services.userAccessHash(user, bob));
        senders.add(() -> send(cluster.services, key, peer));
      }
      ExecutorService pool = Executors.newFixedThreadPool(THREADS);
      try {
        for (Future<List<Integer>> done : pool.invokeAll(senders)) {
          assertThat(done.get()).hasSize(MESSAGES).isSorted();
        }
      } finally {
        pool.shutdownNow();
      }

      TlObject state = cluster.result(1, 1000L, Queries.getState());
      assertThat(state.intValue("pts")).isEqualTo(1 + THREADS * MESSAGES);
      assertThat(cluster.pushesTo(bob)).extracting(u -> u.intValue("pts"))
          .doesNotHaveDuplicates().hasSize(THREADS * MESSAGES).isSorted();
    }
  }

  private static List<Integer> send(Services services, long key, TlObject peer) {
    List<Integer> pts = new ArrayList<>();
    for (int i = 0; i < MESSAGES; i++) {
      Answer answer = services.handle(new CallContext(1, key, key, i, 198, 1, false, 0),
          Queries.sendMessage(peer, "m" + i, i));
      pts.add(((TlObject) ((Answer.Result) answer).value()).intValue("pts"));
    }
    return pts;
  }

  @Test
  void userOfAnswersWhileACallHoldsTheServicesLockSoPushesCanBeRoutedMeanwhile()
      throws Exception {
    ExecutorService router = Executors.newSingleThreadExecutor();
    try (Cluster cluster = new Cluster()) {
      long alice = cluster.services.addUser(UserSpec.ofPhone("15550000000"));
      long bob = cluster.services.addUser(UserSpec.ofPhone("15550000001"));
      cluster.loginUser(1, 1000L, "15550000001");
      List<OptionalLong> routed = new ArrayList<>();
      cluster.onPush = userId -> {
        try { // another thread, as a DC's pusher: it would wait for the lock this thread holds
          routed.add(router.submit(() -> cluster.services.userOf(1000L))
              .get(20, TimeUnit.SECONDS));
        } catch (Exception e) {
          throw new AssertionError("userOf did not answer while the services' lock was held", e);
        }
      };

      cluster.services.sendMessage(alice, bob, "routed");

      assertThat(routed).isNotEmpty().containsOnly(OptionalLong.of(bob));
    } finally {
      router.shutdownNow();
    }
  }
}
