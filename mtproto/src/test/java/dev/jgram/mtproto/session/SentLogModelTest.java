package dev.jgram.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.session.SentLog.Sent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The sent log against a model that re-checks everything on every prune: service messages
 * and acks forgotten after the TTL, a container forgotten once none of its messages is left.
 * Seeded random sequences of sends, containers (some re-packing a message already in one),
 * answers, notifications and prunes over simulated minutes.
 */
class SentLogModelTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void sentLogForgetsWhatAFullCheckOnEveryPruneForgets(long seed) {
    Random random = new Random(seed);
    SentLog log = new SentLog();
    Model model = new Model();
    List<Long> ids = new ArrayList<>();
    long nextId = 4;
    Instant now = T0;
    for (int step = 0; step < 300; step++) {
      now = now.plusSeconds(random.nextInt(60));
      int op = random.nextInt(10);
      if (op < 3 || ids.isEmpty()) {
        Sent sent = new Sent(nextId, 0, 0, random.nextBoolean()
            ? OutgoingMessage.query(new byte[4]) : null, List.of(), now);
        log.add(sent);
        model.add(sent);
        ids.add(nextId);
        nextId += 4;
      } else if (op < 5) {
        long containerId = nextId;
        nextId += 4;
        List<Long> inner = new ArrayList<>();
        for (int i = 0; i < 1 + random.nextInt(3); i++) {
          long id = ids.get(random.nextInt(ids.size()));
          Sent s = log.get(id);
          if (s != null && !inner.contains(id)) {
            Sent moved = new Sent(id, 0, containerId, s.message(), s.ackIds(), s.sentAt());
            log.add(moved);
            model.add(moved);
            inner.add(id);
          }
        }
        log.addContainer(containerId, inner);
        model.containers.put(containerId, List.copyOf(inner));
        ids.add(containerId);
      } else if (op < 7) {
        long id = ids.get(random.nextInt(ids.size()));
        assertThat(log.remove(id)).isEqualTo(model.messages.remove(id));
      } else if (op < 8) {
        long id = ids.get(random.nextInt(ids.size()));
        assertThat(log.take(id)).isEqualTo(model.take(id));
      } else {
        log.prune(now);
        model.prune(now);
      }
      for (long id : ids) {
        assertThat(log.knows(id)).as("seed %d step %d id %d", seed, step, id)
            .isEqualTo(model.messages.containsKey(id) || model.containers.containsKey(id));
      }
      assertThat(log.size()).isEqualTo(model.messages.size());
    }
  }

  /** The log as a full check on every prune would keep it. */
  private static final class Model {
    final Map<Long, Sent> messages = new LinkedHashMap<>();
    final Map<Long, List<Long>> containers = new LinkedHashMap<>();

    void add(Sent sent) {
      messages.put(sent.msgId(), sent);
    }

    List<Sent> take(long msgId) {
      List<Long> ids = containers.containsKey(msgId) ? containers.remove(msgId)
          : List.of(msgId);
      List<Sent> taken = new ArrayList<>();
      for (long id : ids) {
        Sent sent = messages.remove(id);
        if (sent != null) {
          taken.add(sent);
        }
      }
      return taken;
    }

    void prune(Instant now) {
      Instant limit = now.minus(SentLog.SERVICE_TTL);
      for (Iterator<Sent> it = messages.values().iterator(); it.hasNext(); ) {
        Sent s = it.next();
        if ((s.message() == null || !s.message().contentRelated())
            && s.sentAt().isBefore(limit)) {
          it.remove();
        }
      }
      containers.values().removeIf(inner -> inner.stream().noneMatch(messages::containsKey));
    }
  }
}
