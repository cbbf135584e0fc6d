package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.FIRST_SALT;
import static dev.jgram.mtproto.session.Wire.KEY;
import static dev.jgram.mtproto.session.Wire.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded conversations between a client session and a server key: random batches of queries
 * (some large enough to be gzipped), answers in random order, pushed updates, pings and salt
 * rotation over several periods (a client that did not fetch future salts is refused with
 * bad_server_salt and re-sends). Nothing else is ever refused and every answer reaches its
 * query.
 */
class SessionRoundTripTest {

  static Stream<Integer> seeds() {
    return IntStream.range(0, 200).boxed();
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyAnswerReachesItsQueryAndNothingIsRejected(int seed) {
    Random random = new Random(seed);
    AuthKeySessions server = new AuthKeySessions(KEY, SaltSchedule.create(FIRST_SALT, T0,
        Duration.ofSeconds(60), Duration.ofSeconds(30), Wire.random(seed)),
        Wire.random(seed + 1L), ServerOptions.defaults());
    ClientSession client = ClientSession.create(KEY, FIRST_SALT, 0, random::nextBytes);
    Instant now = T0;
    for (int round = 0; round < 6; round++) {
      now = now.plusMillis(random.nextInt(40_000));
      if (client.needsFutureSalts(now) && random.nextBoolean()) {
        exchange(server, client, List.of(ServiceMessages.getFutureSalts(4)), now);
      }
      Map<Long, byte[]> expected = new HashMap<>(); // by the msg_id the server saw
      List<OutgoingMessage> batch = new ArrayList<>();
      for (int i = 0, n = 1 + random.nextInt(4); i < n; i++) {
        batch.add(OutgoingMessage.query(body(random)));
      }
      if (random.nextInt(3) == 0) {
        batch.add(ServiceMessages.ping(random.nextLong()));
      }
      Map<Long, byte[]> delivered = new HashMap<>();
      Deque<List<OutgoingMessage>> toSend = new ArrayDeque<>(List.of(batch));
      while (!toSend.isEmpty()) {
        List<ClientAction> actions = new ArrayList<>();
        for (ServerReceipt receipt : deliver(server, client.pack(toSend.poll(), now).messages(),
            now)) {
          assertThat(receipt.rejection().map(ServerReceipt.Rejection::errorCode).orElse(48))
              .as("only an expired salt may be refused").isEqualTo(48);
          actions.addAll(toClient(client, receipt.replies(), now));
          List<ServerReceipt.Query> queries = new ArrayList<>(receipt.queries());
          Collections.shuffle(queries, random);
          for (ServerReceipt.Query q : queries) {
            byte[] result = body(random);
            expected.put(q.msgId(), result);
            actions.addAll(toClient(client, receipt.session().orElseThrow()
                .answer(q.msgId(), result, now), now));
          }
        }
        for (ClientAction a : actions) {
          assertThat(a).isNotInstanceOf(ClientAction.Rejected.class);
          if (a instanceof ClientAction.Result r) {
            delivered.put(r.reqMsgId(), r.body());
          } else if (a instanceof ClientAction.Resend r) {
            assertThat(r.reason()).isEqualTo(ClientAction.Reason.BAD_SERVER_SALT);
            toSend.add(r.messages().stream().map(ClientAction.Resent::message).toList());
          }
        }
      }
      assertThat(delivered.keySet()).isEqualTo(expected.keySet());
      expected.forEach((id, body) -> assertThat(delivered.get(id)).isEqualTo(body));
      if (random.nextBoolean()) {
        byte[] update = body(random);
        List<ClientAction> pushed = toClient(client, server.session(client.sessionId())
            .orElseThrow().push(update, now), now);
        assertThat(((ClientAction.Pushed) pushed.get(0)).body()).isEqualTo(update);
      }
      deliver(server, client.pack(List.of(), now).messages(), now)
          .forEach(r -> assertThat(r.rejection()).isEmpty());
    }
  }

  private static void exchange(AuthKeySessions server, ClientSession client,
      List<OutgoingMessage> messages, Instant now) {
    for (ServerReceipt receipt : deliver(server, client.pack(messages, now).messages(), now)) {
      toClient(client, receipt.replies(), now); // a refused salt is learnt here
    }
  }

  private static byte[] body(Random random) {
    byte[] body = new byte[4 * (1 + random.nextInt(random.nextBoolean() ? 8 : 600))];
    if (random.nextBoolean()) {
      random.nextBytes(body);
    }
    body[0] = 0x6b; // never a service constructor id
    return body;
  }

  private static List<ServerReceipt> deliver(AuthKeySessions server, List<byte[]> messages,
      Instant now) {
    List<ServerReceipt> receipts = new ArrayList<>();
    for (byte[] message : messages) {
      receipts.add(server.receive(message, now));
    }
    return receipts;
  }

  private static List<ClientAction> toClient(ClientSession client, List<byte[]> messages,
      Instant now) {
    List<ClientAction> actions = new ArrayList<>();
    for (byte[] message : messages) {
      actions.addAll(client.receive(message, now));
    }
    return actions;
  }
}
