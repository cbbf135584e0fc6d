package dev.jgram.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class AckQueueTest {

  @Test
  void moreThan8192IdsAreSplitIntoSeveralMsgsAcks() {
    AckQueue queue = new AckQueue();
    LongStream.range(0, 8193).forEach(queue::add);
    List<List<Long>> groups = queue.drain();
    assertThat(groups).extracting(List::size).containsExactly(8192, 1);
    assertThat(groups.get(1)).containsExactly(8192L);
    assertThat(queue.size()).isZero();
  }

  @Test
  void sameIdIsAcknowledgedOnce() {
    AckQueue queue = new AckQueue();
    queue.add(4);
    queue.add(4);
    assertThat(queue.drain()).containsExactly(List.of(4L));
  }

  @Test
  void bodyIsMsgsAck() {
    assertThat(ServiceTl.decode(AckQueue.body(List.of(1L, 2L))).<Long>list("msg_ids"))
        .containsExactly(1L, 2L);
  }
}
