package dev.jgram.net;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.tl.TlObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Many connections share one loop thread: the client's thread count does not grow. */
class FleetTest {
  static final int SESSIONS = 200;

  static long clientThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> !t.getName().startsWith("loopback-dc")).count();
  }

  @Test
  void twoHundredConnectedSessionsAddNoClientThread() throws Exception {
    try (LoopbackDc dc = new LoopbackDc(2); NetLoop loop = NetLoop.start("fleet")) {
      dc.handler = (method, query) -> LoopbackDc.Answer.ok(LoopbackDc.CODEC.encode(
          TlObject.of("nearestDc", "country", "NL", "this_dc", 2, "nearest_dc", 2)));
      NetOptions o = NetOptions.defaults(1).withLoop(loop).withKeys(LoopbackDc.serverKeys())
          .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(30), Duration.ofSeconds(60));
      AtomicReference<AuthKeyResult> key = new AtomicReference<>();
      try (DcConnection first = DcConnection.create(o, dc.address(), null,
          new DcConnection.Listener() {
            @Override
            public void authKeyCreated(DcConnection c, AuthKeyResult k) {
              key.set(k);
            }
          })) {
        first.invoke(TlObject.of("help.getNearestDc")).get(20, TimeUnit.SECONDS);
      }
      long before = clientThreads();
      List<DcConnection> fleet = new ArrayList<>();
      List<CompletableFuture<Object>> answers = new ArrayList<>();
      for (int i = 0; i < SESSIONS; i++) {
        DcConnection c = DcConnection.create(o, dc.address(), key.get().authKey(), null);
        fleet.add(c);
        answers.add(c.invoke(TlObject.of("help.getNearestDc")));
      }
      CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get(60,
          TimeUnit.SECONDS);
      long during = clientThreads();
      fleet.forEach(DcConnection::close);

      assertThat(dc.sessionIds).hasSize(SESSIONS + 1);
      assertThat(dc.keyExchanges).hasValue(1);
      assertThat(during - before).isLessThanOrEqualTo(2);
    }
  }
}
