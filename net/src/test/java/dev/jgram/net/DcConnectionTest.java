package dev.jgram.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.tl.TlObject;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DcConnectionTest {
  static final TlObject NEAREST = TlObject.of("help.getNearestDc");

  LoopbackDc dc;
  NetLoop loop;

  @BeforeEach
  void start() throws IOException {
    dc = new LoopbackDc(2);
    dc.handler = (method, query) -> method.equals("help.getNearestDc")
        ? LoopbackDc.Answer.ok(LoopbackDc.CODEC.encode(TlObject.of("nearestDc", "country", "NL",
            "this_dc", 2, "nearest_dc", 2)))
        : LoopbackDc.Answer.error(400, "METHOD_INVALID");
    loop = NetLoop.start("test-net");
  }

  @AfterEach
  void stop() throws IOException {
    dc.close();
    loop.close();
  }

  NetOptions options() {
    return optionsOn(loop);
  }

  /** Options for a connection to a {@link LoopbackDc} on {@code loop}: short reconnects. */
  static NetOptions optionsOn(NetLoop loop) {
    return NetOptions.defaults(12345).withLoop(loop).withKeys(LoopbackDc.serverKeys())
        .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5), Duration.ofSeconds(30))
        .withReconnect(3, Duration.ofMillis(10), Duration.ofMillis(50));
  }

  static <T> T await(CompletableFuture<T> f) throws Exception {
    return f.get(20, TimeUnit.SECONDS);
  }

  static Throwable failure(CompletableFuture<?> f) {
    try {
      f.get(20, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      return e.getCause();
    } catch (Exception e) {
      throw new AssertionError("expected the call to fail, got " + e, e);
    }
    throw new AssertionError("expected the call to fail, it succeeded");
  }

  @Test
  void firstConnectMakesAKeyAndTheFirstQueryGoesOutWrappedInInitConnection() throws Exception {
    AtomicReference<AuthKeyResult> stored = new AtomicReference<>();
    try (DcConnection c = DcConnection.create(options(), dc.address(), null,
        new DcConnection.Listener() {
          @Override
          public void authKeyCreated(DcConnection connection, AuthKeyResult key) {
            stored.set(key);
          }
        })) {
      Object result = await(c.invoke(NEAREST));
      Object second = await(c.invoke(NEAREST));

      assertThat(((TlObject) result).string("country")).isEqualTo("NL");
      assertThat(second).isEqualTo(result);
      assertThat(c.keyExchanges()).isEqualTo(1);
      assertThat(dc.keyExchanges).hasValue(1);
      assertThat(stored.get().authKey()).hasSize(256);
      assertThat(dc.wrapped).containsExactly(true, false);
    }
  }

  @Test
  void aStoredKeyConnectsWithoutAKeyExchangeInANewSessionWithAStaleSaltRecovered()
      throws Exception {
    AtomicReference<AuthKeyResult> stored = new AtomicReference<>();
    long firstSession;
    try (DcConnection c = DcConnection.create(options(), dc.address(), null,
        new DcConnection.Listener() {
          @Override
          public void authKeyCreated(DcConnection connection, AuthKeyResult key) {
            stored.set(key);
          }
        })) {
      await(c.invoke(NEAREST));
      firstSession = c.sessionId();
    }
    try (DcConnection again = DcConnection.create(options(), dc.address(),
        stored.get().authKey(), null)) {
      assertThat(((TlObject) await(again.invoke(NEAREST))).intValue("this_dc")).isEqualTo(2);
      assertThat(again.keyExchanges()).isZero();
      assertThat(again.sessionId()).isNotEqualTo(firstSession);
    }
    assertThat(dc.keyExchanges).hasValue(1);
    assertThat(dc.badSalts).hasValue(1);
    assertThat(dc.sessionIds).hasSize(2);
    assertThat(dc.calls).containsExactly("help.getNearestDc", "help.getNearestDc");
  }

  @Test
  void connectionNotInitedMakesTheClientWrapTheQueryAgain() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    LoopbackDc.Handler normal = dc.handler;
    dc.handler = (method, query) -> seen.getAndIncrement() == 0
        ? LoopbackDc.Answer.error(400, "CONNECTION_NOT_INITED") : normal.answer(method, query);
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      await(c.invoke(NEAREST));
    }
    assertThat(dc.wrapped).containsExactly(true, true);
  }

  @Test
  void aShortFloodWaitIsWaitedOutAndTheCallRepeated() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    LoopbackDc.Handler normal = dc.handler;
    dc.handler = (method, query) -> seen.getAndIncrement() == 0
        ? LoopbackDc.Answer.error(420, "FLOOD_WAIT_1") : normal.answer(method, query);
    try (DcConnection c = DcConnection.create(options().withFloodSleepThreshold(5),
        dc.address(), null, null)) {
      assertThat(await(c.invoke(NEAREST))).isInstanceOf(TlObject.class);
    }
    assertThat(dc.calls).hasSize(2);
  }

  @Test
  void aFloodWaitOverTheThresholdFailsWithItsSeconds() throws Exception {
    dc.handler = (method, query) -> LoopbackDc.Answer.error(420, "FLOOD_WAIT_30");
    try (DcConnection c = DcConnection.create(options().withFloodSleepThreshold(10),
        dc.address(), null, null)) {
      Throwable e = failure(c.invoke(NEAREST));
      assertThat(e).isInstanceOf(FloodWaitException.class);
      assertThat(((FloodWaitException) e).seconds()).isEqualTo(30);
      assertThat(((FloodWaitException) e).method()).isEqualTo("help.getNearestDc");
    }
    assertThat(dc.calls).hasSize(1);
  }

  @Test
  void aMigrateErrorIsTypedWithItsDc() throws Exception {
    dc.handler = (method, query) -> LoopbackDc.Answer.error(303, "USER_MIGRATE_4");
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      RpcException e = (RpcException) failure(c.invoke(NEAREST));
      assertThat(e.code()).isEqualTo(303);
      assertThat(e.migrateDc()).hasValue(4);
      assertThat(e.movesHomeDc()).isTrue();
      assertThat(e.floodWaitSeconds()).isEmpty();
    }
  }

  @Test
  void aCallWithoutAnswerTimesOut() throws Exception {
    dc.handler = (method, query) -> null;
    NetOptions o = options().withTimeouts(Duration.ofMillis(300), Duration.ofSeconds(5),
        Duration.ofSeconds(30));
    try (DcConnection c = DcConnection.create(o, dc.address(), null, null)) {
      assertThat(failure(c.invoke(NEAREST))).isInstanceOf(RpcTimeoutException.class)
          .hasMessageContaining("help.getNearestDc");
    }
  }

  @Test
  void aDroppedConnectionIsDialledAgainAndTheWaitingCallAnsweredOnce() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    LoopbackDc.Handler normal = dc.handler;
    dc.handler = (method, query) -> {
      if (seen.getAndIncrement() == 1) {
        dc.dropConnections();
        return null;
      }
      return normal.answer(method, query);
    };
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      await(c.invoke(NEAREST));
      assertThat(await(c.invoke(NEAREST))).isInstanceOf(TlObject.class);
      assertThat(c.keyExchanges()).isEqualTo(1);
    }
    assertThat(dc.connections).hasValue(2);
    assertThat(dc.wrapped).containsExactly(true, false, true);
  }

  @Test
  void anUnreachableDcEndsInConnectionFailedAfterTheAttempts() throws Exception {
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    try (DcConnection c = DcConnection.create(options(), new DcAddress(2, "127.0.0.1", port),
        null, null)) {
      Throwable e = failure(c.invoke(NEAREST));
      assertThat(e).isInstanceOf(ConnectionFailedException.class)
          .hasMessageContaining("after 3 attempt(s)");
      assertThat(failure(c.connect())).isInstanceOf(ConnectionFailedException.class);
    }
  }

  @Test
  void aKeyTheServerForgotFailsTypedAndIsNotRetried() throws Exception {
    AtomicReference<AuthKeyResult> stored = new AtomicReference<>();
    try (DcConnection c = DcConnection.create(options(), dc.address(), null,
        new DcConnection.Listener() {
          @Override
          public void authKeyCreated(DcConnection connection, AuthKeyResult key) {
            stored.set(key);
          }
        })) {
      await(c.invoke(NEAREST));
    }
    dc.keys.clear();
    int before = dc.connections.get();
    try (DcConnection again = DcConnection.create(options(), dc.address(),
        stored.get().authKey(), null)) {
      assertThat(failure(again.invoke(NEAREST))).isInstanceOf(AuthKeyUnknownException.class)
          .hasMessageContaining("must log in again");
      assertThat(failure(again.invoke(NEAREST))).isInstanceOf(AuthKeyUnknownException.class);
    }
    assertThat(dc.connections.get() - before).isEqualTo(1);
  }

  @Test
  void anUntrustedServerKeyFailsTypedWithoutRetrying() throws Exception {
    try (DcConnection c = DcConnection.create(options().withKeys(ServerKeys.telegram()),
        dc.address(), null, null)) {
      assertThat(failure(c.connect())).isInstanceOf(UnknownServerKeyException.class)
          .hasMessageContaining("fingerprint");
    }
    assertThat(dc.connections).hasValue(1);
  }

  @Test
  void aSilentServerIsDetectedByPingsAndDialledAgain() throws Exception {
    NetOptions o = options().withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5),
        Duration.ofMillis(100));
    try (DcConnection c = DcConnection.create(o, dc.address(), null, null)) {
      await(c.invoke(NEAREST));
      dc.accepted.acquire();
      dc.mute = true;
      assertThat(dc.accepted.tryAcquire(10, TimeUnit.SECONDS)).isTrue();
      dc.mute = false;
      assertThat(await(c.invoke(NEAREST))).isInstanceOf(TlObject.class);
    }
  }

  @Test
  void everyTransportCarriesTheKeyExchangeAndCalls() throws Exception {
    for (Transport t : new Transport[] {Transport.abridged(), Transport.intermediate(),
        Transport.paddedIntermediate(), Transport.full(),
        Transport.obfuscated(dev.jgram.mtproto.transport.TransportKind.ABRIDGED),
        Transport.obfuscated(dev.jgram.mtproto.transport.TransportKind.PADDED_INTERMEDIATE)}) {
      try (DcConnection c = DcConnection.create(options().withTransport(t), dc.address(), null,
          null)) {
        assertThat(await(c.invoke(NEAREST))).as(t.toString()).isInstanceOf(TlObject.class);
      }
    }
  }

  @Test
  void injectedRandomnessAndClockAreUsed() throws Exception {
    RandomSource secure = RandomSource.secure();
    AtomicInteger draws = new AtomicInteger();
    RandomSource counting = out -> {
      draws.incrementAndGet();
      secure.nextBytes(out);
    };
    try (DcConnection c = DcConnection.create(
        options().withClockAndRandom(Clock.systemUTC(), counting), dc.address(), null, null)) {
      await(c.invoke(NEAREST));
    }
    assertThat(draws.get()).isGreaterThan(3);
  }

  @Test
  void aClosedConnectionFailsNewCalls() {
    DcConnection c = DcConnection.create(options(), dc.address(), null, null);
    c.close();
    c.close();
    assertThatThrownBy(() -> c.invoke(NEAREST).get(5, TimeUnit.SECONDS))
        .hasCauseInstanceOf(NetException.class);
  }

  @Test
  void fiveHundredConcurrentCallsAreEachAnsweredExactlyOnce() throws Exception {
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      java.util.List<CompletableFuture<Object>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 500; i++) {
        calls.add(c.invoke(NEAREST));
      }
      CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
      assertThat(calls).allSatisfy(f -> assertThat(f.get()).isInstanceOf(TlObject.class));
    }
    assertThat(dc.calls).hasSize(500);
    assertThat(dc.wrapped.stream().filter(w -> w)).hasSize(1);
  }

  @Test
  void aTransportFloodBacksOffAndTheCallIsAnsweredOnceOnTheNextConnection() throws Exception {
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      await(c.invoke(NEAREST));
      dc.transportErrors.add(-429);
      dc.transportErrors.add(-429);
      assertThat(await(c.invoke(NEAREST))).isInstanceOf(TlObject.class);
    }
    assertThat(dc.connections).hasValue(3);
    assertThat(dc.calls).hasSize(2);
  }

  @Test
  void transportFloodOnEveryDialEndsInConnectionFailedNotALoop() throws Exception {
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      await(c.invoke(NEAREST));
      for (int i = 0; i < 10; i++) {
        dc.transportErrors.add(-429);
      }
      assertThat(failure(c.invoke(NEAREST))).isInstanceOf(ConnectionFailedException.class)
          .hasMessageContaining("-429").hasMessageContaining("after 3 attempt(s)");
    }
    // The lost connection counts as the first failure, then two more dials: 3 in a row.
    assertThat(dc.connections).hasValue(3);
  }

  @Test
  void callsInFlightWhileTheServerDropsConnectionsAreAllAnswered() throws Exception {
    AtomicInteger seen = new AtomicInteger();
    LoopbackDc.Handler normal = dc.handler;
    dc.handler = (method, query) -> {
      int n = seen.incrementAndGet();
      if (n == 50 || n == 120) {
        dc.dropConnections();
        return null;
      }
      return normal.answer(method, query);
    };
    try (DcConnection c = DcConnection.create(options(), dc.address(), null, null)) {
      java.util.List<CompletableFuture<Object>> calls = new java.util.ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(c.invoke(NEAREST));
      }
      for (CompletableFuture<Object> call : calls) {
        assertThat(call.get(30, TimeUnit.SECONDS)).isInstanceOf(TlObject.class);
      }
      assertThat(c.keyExchanges()).isEqualTo(1);
    }
    assertThat(dc.connections.get()).isGreaterThanOrEqualTo(3);
  }

  @Test
  void aClientClockTenMinutesOffIsCorrectedByTheServerAndTheCallAnswered() throws Exception {
    AtomicReference<AuthKeyResult> stored = new AtomicReference<>();
    try (DcConnection c = DcConnection.create(options(), dc.address(), null,
        new DcConnection.Listener() {
          @Override
          public void authKeyCreated(DcConnection connection, AuthKeyResult key) {
            stored.set(key);
          }
        })) {
      await(c.invoke(NEAREST));
    }
    for (Duration skew : new Duration[] {Duration.ofMinutes(10), Duration.ofMinutes(-10)}) {
      NetOptions skewed = options().withClockAndRandom(
          Clock.offset(Clock.systemUTC(), skew), RandomSource.secure());
      try (DcConnection c = DcConnection.create(skewed, dc.address(), stored.get().authKey(),
          null)) {
        assertThat(await(c.invoke(NEAREST))).as(skew.toString()).isInstanceOf(TlObject.class);
        assertThat(await(c.invoke(NEAREST))).isInstanceOf(TlObject.class);
      }
    }
    assertThat(dc.keyExchanges).hasValue(1);
  }
}
