package dev.jgram.updates;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.UpdateState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Seeded random runs against {@link ModelServer}: pushes are delayed (reordered), duplicated,
 * dropped or replaced by {@code updatesTooLong}, requests are answered late, and at the end the
 * no-updates timeout makes the box fetch every difference. Half the runs start fresh ({@code
 * getState}), half resume from a state stored before events the box never saw pushed. Every
 * event must then have been delivered exactly once, in its box's order, and the box must stand
 * where the server does.
 */
class MessageBoxModelTest {
  private static final int PUSHES = 80;

  static LongStream seeds() {
    return LongStream.rangeClosed(1, 300);
  }

  /** One run's outcome. */
  record Run(ModelServer server, MessageBox box, List<Delivery> delivered) {}

  static Run run(long seed) {
    Random random = new Random(seed);
    TestClock clock = new TestClock();
    ModelServer server = new ModelServer(random, 1 + random.nextInt(6));
    List<Delivery> delivered = new ArrayList<>();
    MessageBox box = random.nextBoolean() ? fresh(clock, server, random, delivered)
        : resumed(clock, server, random);
    List<List<TlObject>> inFlight = new ArrayList<>();
    UpdateRequest sent = null;
    int answerAt = 0;
    for (int step = 0; step < PUSHES + 6; step++) {
      inFlight.add(new ArrayList<>());
      if (step < PUSHES) {
        send(server.next().container(), step, inFlight, random);
      }
      List<TlObject> arriving = new ArrayList<>(inFlight.get(step));
      Collections.shuffle(arriving, random);
      arriving.forEach(c -> delivered.addAll(box.process(c)));
      clock.advance(Duration.ofMillis(random.nextInt(300)));
      box.checkDeadlines();
      if (sent != null && step >= answerAt) {
        answer(box, sent, server, random, delivered);
        sent = null;
      }
      if (sent == null && box.nextRequest().isPresent()) {
        // The request leaves now with the parameters of now; its answer comes steps later.
        sent = box.nextRequest().orElseThrow();
        answerAt = step + random.nextInt(4);
      }
    }
    if (sent != null) {
      answer(box, sent, server, random, delivered);
    }
    clock.advance(MessageBox.NO_UPDATES_TIMEOUT.plusMinutes(1));
    box.checkDeadlines();
    answerAll(box, server, random, delivered);
    return new Run(server, box, delivered);
  }

  /** A first login: {@code getState}, then the channels from the dialogs. */
  private static MessageBox fresh(TestClock clock, ModelServer server, Random random,
      List<Delivery> delivered) {
    MessageBox box = MessageBox.create(clock, 5);
    answerAll(box, server, random, delivered);
    for (long channel : ModelServer.CHANNELS) {
      box.knowChannel(channel, server.channelPts(channel));
    }
    return box;
  }

  /** A restart: the stored state is from before events the box never saw pushed. */
  private static MessageBox resumed(TestClock clock, ModelServer server, Random random) {
    TlObject stored = server.state();
    Map<Long, Integer> channels = new HashMap<>();
    for (long channel : ModelServer.CHANNELS) {
      channels.put(channel, server.channelPts(channel));
    }
    for (int offline = random.nextInt(12); offline > 0; offline--) {
      server.next();
    }
    return MessageBox.load(clock, 5, new UpdateState(stored.intValue("pts"),
        stored.intValue("qts"), stored.intValue("date"), stored.intValue("seq")), channels);
  }

  private static void send(TlObject container, int step, List<List<TlObject>> inFlight,
      Random random) {
    int fate = random.nextInt(20);
    if (fate < 2) {
      return;
    }
    TlObject sent = fate == 2 ? TlObject.of("updatesTooLong") : container;
    int copies = fate == 3 ? 2 : 1;
    for (int i = 0; i < copies; i++) {
      int at = step + (random.nextInt(4) == 0 ? random.nextInt(8) : random.nextInt(3));
      while (inFlight.size() <= at) {
        inFlight.add(new ArrayList<>());
      }
      inFlight.get(at).add(sent);
    }
  }

  private static void answerAll(MessageBox box, ModelServer server, Random random,
      List<Delivery> delivered) {
    for (int guard = 0; guard < 10_000 && box.nextRequest().isPresent(); guard++) {
      answer(box, box.nextRequest().orElseThrow(), server, random, delivered);
    }
    assertThat(box.pendingRequests()).isEmpty();
  }

  private static void answer(MessageBox box, UpdateRequest request, ModelServer server,
      Random random, List<Delivery> delivered) {
    if (request instanceof UpdateRequest.GetState) {
      box.applyState(server.state());
    } else if (request instanceof UpdateRequest.GetDifference d) {
      delivered.addAll(box.applyDifference(server.difference(d)));
    } else if (request instanceof UpdateRequest.GetChannelDifference c) {
      delivered.addAll(box.applyChannelDifference(c.channelId(),
          server.channelDifference(c, 1 + random.nextInt(3))));
    }
  }

  static int eventNumber(TlObject update) {
    return switch (update.name()) {
      case "updateDeleteMessages", "updateDeleteChannelMessages" ->
          update.<Integer>list("messages").get(0);
      case "updateNewMessage", "updateNewChannelMessage" -> update.object("message").intValue("id");
      default -> (int) update.longValue("user_id");
    };
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void everyEventIsDeliveredExactlyOnceInItsBoxOrder(long seed) {
    Run run = run(seed);

    Map<Integer, Integer> times = new HashMap<>();
    run.delivered().forEach(d -> times.merge(eventNumber(d.update()), 1, Integer::sum));
    Map<String, List<Integer>> byBox = new HashMap<>();
    run.delivered().forEach(d -> {
      ModelServer.Event e = run.server().log.get(eventNumber(d.update()) - 1);
      byBox.computeIfAbsent(e.box() + e.channelId(), k -> new ArrayList<>()).add(e.number());
    });

    assertThat(times.keySet()).hasSize(run.server().log.size());
    assertThat(times.values()).allMatch(n -> n == 1);
    byBox.values().forEach(numbers -> assertThat(numbers).isSorted());
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void theBoxEndsWhereTheServerStandsAndEveryDeliveryCarriesItsState(long seed) {
    Run run = run(seed);
    TlObject server = run.server().state();

    assertThat(run.box().state()).contains(new UpdateState(server.intValue("pts"),
        server.intValue("qts"), server.intValue("date"), server.intValue("seq")));
    for (long channel : ModelServer.CHANNELS) {
      assertThat(run.box().channelPts()).containsEntry(channel, run.server().channelPts(channel));
    }
    for (Delivery d : run.delivered()) {
      ModelServer.Event e = run.server().log.get(eventNumber(d.update()) - 1);
      assertThat(d.channel().isPresent()).isEqualTo(e.box().equals("channel"));
      d.channel().ifPresent(c -> assertThat(c.channelId()).isEqualTo(e.channelId()));
    }
  }

  @Test
  void theRandomRunsExerciseSlicesAndBothKindsOfDifference() {
    int differences = 0;
    int slices = 0;
    int channelDifferences = 0;
    for (long seed = 1; seed <= 50; seed++) {
      ModelServer server = run(seed).server();
      differences += server.differences;
      slices += server.slices;
      channelDifferences += server.channelDifferences;
    }

    assertThat(differences).isGreaterThan(100);
    assertThat(slices).isGreaterThan(10);
    assertThat(channelDifferences).isGreaterThan(100);
  }
}
