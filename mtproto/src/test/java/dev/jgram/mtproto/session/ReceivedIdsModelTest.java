package dev.jgram.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.session.ReceivedIds.Order;
import dev.jgram.mtproto.session.ReceivedIds.Verdict;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The received-id window against a sorted-map model of its contract: ids kept in order with
 * their seqnos, the lowest dropped beyond the capacity. Seeded random sequences mix ascending
 * ids (the usual case), ids out of order, repeats and ids below the window.
 */
class ReceivedIdsModelTest {

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  @ParameterizedTest
  @MethodSource("seeds")
  void windowAnswersEveryQuestionAsASortedMapOfTheLastIdsWould(long seed) {
    Random random = new Random(seed);
    int capacity = 1 + random.nextInt(seed % 3 == 0 ? 3 : 40);
    ReceivedIds window = new ReceivedIds(capacity);
    TreeMap<Long, Integer> model = new TreeMap<>();
    long next = 1000;
    for (int step = 0; step < 400; step++) {
      long id = pick(random, next, model);
      next = Math.max(next, id + 1);
      int seqNo = random.nextInt(64);
      assertSameAnswers(window, model, capacity, id, seqNo, seed, step);
      if (random.nextInt(10) < 8) {
        window.record(id, seqNo);
        model.put(id, seqNo);
        while (model.size() > capacity) {
          model.pollFirstEntry();
        }
      }
      if (random.nextInt(200) == 0) {
        window.clear();
        model.clear();
      }
    }
  }

  private static long pick(Random random, long next, TreeMap<Long, Integer> model) {
    int kind = random.nextInt(10);
    if (kind < 6 || model.isEmpty()) {
      return next + random.nextInt(3);
    }
    if (kind < 8) {
      return model.firstKey() + random.nextInt((int) (next - model.firstKey() + 1));
    }
    return model.firstKey() - 1 - random.nextInt(5);
  }

  private static void assertSameAnswers(ReceivedIds window, TreeMap<Long, Integer> model,
      int capacity, long id, int seqNo, long seed, int step) {
    String where = "seed " + seed + " step " + step + " id " + id;
    Verdict verdict = model.containsKey(id) ? Verdict.DUPLICATE
        : model.size() >= capacity && id < model.firstKey() ? Verdict.TOO_OLD : Verdict.NEW;
    assertThat(window.classify(id)).as(where).isEqualTo(verdict);
    assertThat(window.contains(id)).as(where).isEqualTo(model.containsKey(id));
    assertThat(window.seqNo(id)).as(where).isEqualTo(model.get(id));
    assertThat(window.order(id, seqNo)).as(where).isEqualTo(order(model, id, seqNo));
    int state = model.containsKey(id) ? 4 : model.isEmpty() || id < model.firstKey() ? 1
        : id > model.lastKey() ? 3 : 2;
    assertThat(window.state(id)).as(where).isEqualTo(state);
  }

  private static Order order(TreeMap<Long, Integer> model, long id, int seqNo) {
    Map.Entry<Long, Integer> before = model.lowerEntry(id);
    if (before != null && clashes(before.getValue(), seqNo)) {
      return Order.TOO_LOW;
    }
    Map.Entry<Long, Integer> after = model.higherEntry(id);
    if (after != null && clashes(seqNo, after.getValue())) {
      return Order.TOO_HIGH;
    }
    return Order.OK;
  }

  private static boolean clashes(int earlier, int later) {
    return earlier > later || (earlier == later && (later & 1) == 1);
  }
}
