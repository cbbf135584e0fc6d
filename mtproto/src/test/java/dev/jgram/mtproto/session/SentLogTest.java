package dev.jgram.mtproto.session;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.session.SentLog.Sent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class SentLogTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final Instant EXPIRED = T0.plus(SentLog.SERVICE_TTL).plusSeconds(1);

  private final SentLog log = new SentLog();

  private static Sent query(long msgId, Instant at) {
    return new Sent(msgId, 1, 0, OutgoingMessage.query(new byte[] {1, 2, 3, 4}), List.of(), at);
  }

  private static Sent ack(long msgId, Instant at) {
    return new Sent(msgId, 2, 0, null, List.of(7L), at);
  }

  private static Sent inContainer(Sent s, long containerId) {
    return new Sent(s.msgId(), s.seqNo(), containerId, s.message(), s.ackIds(), s.sentAt());
  }

  @Test
  void acksOlderThanTheTtlAreForgottenAndQueriesKept() {
    log.add(query(4, T0));
    log.add(ack(8, T0));
    log.add(ack(12, T0.plusSeconds(5)));

    log.prune(EXPIRED);

    assertThat(log.knows(4)).isTrue();
    assertThat(log.knows(8)).isFalse();
    assertThat(log.knows(12)).isTrue();
  }

  @Test
  void beyondTheServiceCapTheOldestAcksAreForgottenAndQueriesKept() {
    log.add(query(4, T0));
    int extra = 10;
    for (int i = 0; i < SentLog.MAX_SERVICE + extra; i++) {
      log.add(ack(8 + 4L * i, T0));
    }

    log.prune(T0.plusSeconds(1));

    assertThat(log.size()).isEqualTo(SentLog.MAX_SERVICE + 1);
    assertThat(log.knows(4)).isTrue();
    assertThat(log.knows(8)).isFalse();
    assertThat(log.knows(8 + 4L * (extra - 1))).isFalse();
    assertThat(log.knows(8 + 4L * extra)).isTrue();
    log.prune(EXPIRED);
    assertThat(log.size()).isEqualTo(1);
  }

  @Test
  void acksExpiringOneAfterAnotherAreEachForgottenOnTime() {
    for (int i = 0; i < 5; i++) {
      log.add(ack(4 + 4L * i, T0.plusSeconds(i)));
    }
    for (int i = 0; i < 5; i++) {
      log.prune(EXPIRED.plusSeconds(i));
      assertThat(log.size()).isEqualTo(4 - i);
      assertThat(log.knows(4 + 4L * i)).isFalse();
    }
  }

  @Test
  void anExpiredAckBehindAnOldUnansweredQueryIsStillForgotten() {
    log.add(query(4, T0));
    log.add(ack(8, T0.plusSeconds(1)));

    log.prune(EXPIRED.plusSeconds(1));

    assertThat(log.knows(4)).isTrue();
    assertThat(log.knows(8)).isFalse();
  }

  @Test
  void aContainerIsKnownUntilItsLastMessageIsSettled() {
    log.add(inContainer(query(4, T0), 16));
    log.add(inContainer(ack(8, T0), 16));
    log.addContainer(16, List.of(4L, 8L));

    log.remove(4);
    log.prune(T0);
    assertThat(log.knows(16)).isTrue();
    log.prune(EXPIRED);

    assertThat(log.knows(16)).isFalse();
    assertThat(log.take(16)).isEmpty();
  }

  @Test
  void takingAContainerTakesEveryMessageStillInIt() {
    log.add(inContainer(query(4, T0), 16));
    log.add(inContainer(query(8, T0), 16));
    log.addContainer(16, List.of(4L, 8L));
    log.remove(8);

    assertThat(log.take(16)).extracting(Sent::msgId).containsExactly(4L);
    assertThat(log.knows(16)).isFalse();
    assertThat(log.size()).isZero();
  }

  @Test
  void aMessageStaysInItsSendingPlaceWhenItsContainerIsRecorded() {
    log.add(ack(4, T0));
    log.add(query(8, T0.plusSeconds(700)));
    log.add(inContainer(ack(4, T0), 16));
    log.addContainer(16, List.of(4L));

    log.prune(EXPIRED);

    assertThat(log.knows(4)).isFalse();
    assertThat(log.knows(16)).isFalse();
    assertThat(log.knows(8)).isTrue();
  }

  @Test
  void contentSentBeforeANewSessionIsTakenAndItsContainerForgotten() {
    log.add(inContainer(query(4, T0), 16));
    log.add(inContainer(ack(8, T0), 16));
    log.addContainer(16, List.of(4L, 8L));
    log.add(query(20, T0));

    assertThat(log.takeContentBefore(18)).extracting(Sent::msgId).containsExactly(4L);
    log.prune(T0);
    assertThat(log.knows(16)).isTrue();
    log.remove(8);
    log.prune(T0);
    assertThat(log.knows(16)).isFalse();
    assertThat(log.knows(20)).isTrue();
  }
}
