package dev.jgram.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.session.ReceivedIds.Order;
import dev.jgram.mtproto.session.ReceivedIds.Verdict;
import org.junit.jupiter.api.Test;

/** The received-id window; the sequence is gotd's {@code TestNewMessageIDBuf} (window 10). */
class ReceivedIdsTest {

  private static boolean consume(ReceivedIds window, long id) {
    if (window.classify(id) != Verdict.NEW) {
      return false;
    }
    window.record(id, 0);
    return true;
  }

  @Test
  void windowOfTenFollowsGotdsSequence() {
    ReceivedIds window = new ReceivedIds(10);
    assertThat(consume(window, 1)).isTrue();
    assertThat(consume(window, 1)).isFalse();
    for (int i = 2; i <= 20; i++) {
      assertThat(consume(window, i)).as("id %d", i).isTrue();
    }
    assertThat(consume(window, -1)).isFalse();
    assertThat(window.classify(-1)).isEqualTo(Verdict.TOO_OLD);
    assertThat(window.classify(0)).as("0 is below the window too").isEqualTo(Verdict.TOO_OLD);
    assertThat(window.classify(15)).isEqualTo(Verdict.DUPLICATE);
    assertThat(window.classify(21)).isEqualTo(Verdict.NEW);
  }

  @Test
  void lowIdIsNewWhileTheWindowIsNotFull() {
    ReceivedIds window = new ReceivedIds(10);
    window.record(100, 0);
    assertThat(window.classify(50)).isEqualTo(Verdict.NEW);
  }

  @Test
  void seqnoOrderComparesWithTheNeighbours() {
    ReceivedIds window = new ReceivedIds(10);
    window.record(100, 3);
    window.record(200, 6);
    assertThat(window.order(150, 4)).isEqualTo(Order.OK);
    assertThat(window.order(150, 2)).isEqualTo(Order.TOO_LOW);
    assertThat(window.order(150, 3)).as("equal and odd").isEqualTo(Order.TOO_LOW);
    assertThat(window.order(150, 7)).isEqualTo(Order.TOO_HIGH);
    assertThat(window.order(150, 6)).as("equal and even").isEqualTo(Order.OK);
    assertThat(window.order(300, 7)).isEqualTo(Order.OK);
    assertThat(window.order(50, 3)).as("equal and odd, later").isEqualTo(Order.TOO_HIGH);
  }

  @Test
  void stateNamesWhereAnIdFallsAgainstTheWindow() {
    ReceivedIds window = new ReceivedIds(10);
    assertThat(window.state(5)).isEqualTo(1);
    window.record(100, 0);
    window.record(200, 0);
    assertThat(window.state(50)).isEqualTo(1);
    assertThat(window.state(150)).isEqualTo(2);
    assertThat(window.state(250)).isEqualTo(3);
    assertThat(window.state(200)).isEqualTo(4);
  }
}
