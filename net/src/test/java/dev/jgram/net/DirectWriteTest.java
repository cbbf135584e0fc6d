package dev.jgram.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Calls written by the calling thread when the connection is idle, beside calls handed to the
 * loop: every call still goes out once and gets exactly one answer.
 */
class DirectWriteTest {
  static final TlObject NEAREST = TlObject.of("help.getNearestDc");
  static final TlObject CONFIG = TlObject.of("help.getConfig");

  LoopbackDc dc;
  NetLoop loop;
  final CountDownLatch release = new CountDownLatch(1);
  final CountDownLatch configArrived = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    dc = new LoopbackDc(2);
    dc.handler = (method, query) -> {
      if (method.equals("help.getConfig")) {
        configArrived.countDown();
        awaitQuietly(release);
        return LoopbackDc.Answer.error(400, "CONFIG_HELD");
      }
      return LoopbackDc.Answer.ok(LoopbackDc.CODEC.encode(TlObject.of("nearestDc",
          "country", "NL", "this_dc", 2, "nearest_dc", 2)));
    };
    loop = NetLoop.start("test-net-direct");
  }

  @AfterEach
  void stop() throws IOException {
    release.countDown();
    dc.close();
    loop.close();
  }

  NetOptions options() {
    return DcConnectionTest.optionsOn(loop);
  }

  static Object await(CompletableFuture<Object> f) throws Exception {
    return DcConnectionTest.await(f);
  }

  @Test
  void sequentialCallsAfterTheFirstAreWrittenByTheCallerAndEachAnsweredOnce() throws Exception {
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      for (int i = 0; i < 50; i++) {
        assertThat(await(c.invoke(NEAREST))).isInstanceOf(TlObject.class);
      }
      assertThat(c.directWrites()).isPositive().isLessThanOrEqualTo(49);
    }
    assertThat(dc.calls).hasSize(50).containsOnly("help.getNearestDc");
    assertThat(dc.wrapped).containsOnlyOnce(true);
  }

  @Test
  void aCallMadeWhileAnotherIsInFlightGoesThroughTheLoopAndBothAreAnsweredOnce()
      throws Exception {
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      await(c.invoke(NEAREST));
      CompletableFuture<Object> held = c.invoke(CONFIG);
      assertThat(configArrived.await(20, TimeUnit.SECONDS)).isTrue();
      long before = c.directWrites();
      CompletableFuture<Object> second = c.invoke(NEAREST);
      assertThat(c.directWrites()).isEqualTo(before);
      release.countDown();
      assertThat(await(second)).isInstanceOf(TlObject.class);
      assertThat(DcConnectionTest.failure(held)).isInstanceOf(RpcException.class)
          .hasMessageContaining("CONFIG_HELD");
    }
    assertThat(dc.calls).containsExactly("help.getNearestDc", "help.getConfig",
        "help.getNearestDc");
  }

  @Test
  void callersRacingTheDirectPathFromManyThreadsAreEachAnsweredExactlyOnce() throws Exception {
    int threads = 8;
    int each = 100;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      await(c.invoke(NEAREST));
      CountDownLatch go = new CountDownLatch(1);
      List<Future<Integer>> answered = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        answered.add(pool.submit(() -> {
          go.await();
          int n = 0;
          for (int i = 0; i < each; i++) {
            if (await(c.invoke(NEAREST)) instanceof TlObject) {
              n++;
            }
          }
          return n;
        }));
      }
      go.countDown();
      for (Future<Integer> f : answered) {
        assertThat(f.get(60, TimeUnit.SECONDS)).isEqualTo(each);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(dc.calls).hasSize(1 + threads * each);
    assertThat(dc.wrapped).containsOnlyOnce(true);
  }

  @Test
  void aCallWrittenByItsCallerIntoADroppedConnectionIsAnsweredOnceAfterTheRedial()
      throws Exception {
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      await(c.invoke(NEAREST));
      await(c.invoke(NEAREST));
      dc.dropConnections();
      assertThat(await(c.invoke(NEAREST))).isInstanceOf(TlObject.class);
      assertThat(await(c.invoke(NEAREST))).isInstanceOf(TlObject.class);
      assertThat(c.keyExchanges()).isEqualTo(1);
    }
    assertThat(dc.calls).hasSize(4);
  }

  @Test
  void aCallsFutureCompletesWithTheConnectionsLockReleased() throws Exception {
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      for (int i = 0; i < 5; i++) {
        CompletableFuture<Boolean> lockHeld = c.invokeRaw(LoopbackDc.CODEC.encode(NEAREST))
            .thenApply(answer -> c.lock.isHeldByCurrentThread());
        assertThat(lockHeld.get(20, TimeUnit.SECONDS)).isFalse();
      }
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
