package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.FIRST_SALT;
import static dev.jgram.mtproto.session.Wire.GET_CONFIG;
import static dev.jgram.mtproto.session.Wire.T0;
import static dev.jgram.mtproto.session.Wire.clientId;
import static dev.jgram.mtproto.session.Wire.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.ServerReceipt.Rejection;
import dev.jgram.mtproto.session.Wire.Msg;
import dev.jgram.mtproto.tl.TlObject;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.zip.DeflaterOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The server's checks 3 to 10 of §3.4, each failure with Telegram's answer. */
class ServerChecksTest extends ServerFixture {

  /** The bad_msg_notification or bad_server_salt among the replies (acks may ride along). */
  private static TlObject notice(ServerReceipt receipt) {
    return replies(receipt).stream().map(Msg::object)
        .filter(o -> o.name().startsWith("bad_")).findFirst().orElseThrow();
  }

  private static void assertRejected(ServerReceipt receipt, long badMsgId, int seqNo, int code) {
    assertThat(receipt.rejection()).contains(new Rejection(badMsgId, seqNo, code));
    assertThat(receipt.queries()).isEmpty();
    TlObject notice = notice(receipt);
    assertThat(notice.name()).isEqualTo("bad_msg_notification");
    assertThat(notice.longValue("bad_msg_id")).isEqualTo(badMsgId);
    assertThat(notice.intValue("bad_msg_seqno")).isEqualTo(seqNo);
    assertThat(notice.intValue("error_code")).isEqualTo(code);
  }

  @Test
  void firstQueryCreatesTheSessionAndAnnouncesItBeforeTheAnswer() {
    long q = clientId(0, 1);
    ServerReceipt receipt = send(q, 1, GET_CONFIG);
    assertThat(receipt.sessionCreated()).isTrue();
    assertThat(receipt.rejection()).isEmpty();
    assertThat(receipt.queries()).singleElement().satisfies(query -> {
      assertThat(query.msgId()).isEqualTo(q);
      assertThat(query.body()).isEqualTo(GET_CONFIG);
    });
    Msg created = replies(receipt).get(0);
    assertThat(created.name()).isEqualTo("new_session_created");
    assertThat(created.object().longValue("first_msg_id")).isEqualTo(q);
    assertThat(created.object().longValue("server_salt")).isEqualTo(FIRST_SALT);
    assertThat(created.seqNo()).isEqualTo(1);
    assertThat(created.msgId() & 3).isEqualTo(1);

    Msg answer = only(receipt.session().orElseThrow().answer(q, new byte[] {1, 2, 3, 4}, T0));
    assertThat(answer.id()).isEqualTo(ServiceTl.RPC_RESULT);
    assertThat(answer.msgId()).isGreaterThan(created.msgId());
    assertThat(answer.msgId() & 3).isEqualTo(1);
    assertThat(answer.seqNo()).isEqualTo(3);
    assertThat(server.sessionIds()).containsExactly(SESSION);
  }

  @Test
  void wrongSaltGetsBadServerSaltWithTheCurrentSaltAndCreatesNoSession() {
    long q = clientId(0, 1);
    ServerReceipt receipt = send(42, q, 1, GET_CONFIG, T0);
    assertThat(receipt.rejection()).contains(new Rejection(q, 1, 48));
    assertThat(receipt.session()).isEmpty();
    assertThat(server.sessionIds()).isEmpty();
    Msg reply = only(receipt.replies());
    assertThat(reply.name()).isEqualTo("bad_server_salt");
    assertThat(reply.object().longValue("bad_msg_id")).isEqualTo(q);
    assertThat(reply.object().intValue("bad_msg_seqno")).isEqualTo(1);
    assertThat(reply.object().intValue("error_code")).isEqualTo(48);
    assertThat(reply.object().longValue("new_server_salt")).isEqualTo(FIRST_SALT);
    assertThat(reply.seqNo()).isZero();
  }

  @Test
  void pyrogramsSaltZeroPingGetsBadServerSaltNamingThatPing() {
    long ping = clientId(0, 1);
    ServerReceipt receipt = send(0, ping, 0, service("ping", "ping_id", 0L), T0);
    assertThat(only(receipt.replies()).object().longValue("bad_msg_id")).isEqualTo(ping);

    long again = clientId(0, 2);
    List<Msg> replies = replies(send(FIRST_SALT, again, 0, service("ping", "ping_id", 0L), T0));
    assertThat(replies).extracting(Msg::name).containsExactly("new_session_created", "pong");
    assertThat(replies.get(0).object().longValue("first_msg_id")).isEqualTo(again);
  }

  @Test
  void saltOfThePreviousPeriodIsAcceptedOnlyDuringItsGrace() {
    open();
    long later = FIRST_SALT;
    assertThat(send(later, clientId(1900, 1), 3, GET_CONFIG, T0.plusSeconds(1900)).rejection())
        .isEmpty();
    ServerReceipt expired = send(later, clientId(3601, 1), 5, GET_CONFIG, T0.plusSeconds(3601));
    assertThat(expired.rejection().orElseThrow().errorCode()).isEqualTo(48);
    assertThat(notice(expired).longValue("new_server_salt"))
        .isEqualTo(server.salts().current(T0.plusSeconds(3601)))
        .isNotEqualTo(FIRST_SALT);
  }

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3})
  void msgIdNotDivisibleByFourGets18(int low) {
    long bad = clientId(0, 1) + low;
    assertRejected(send(bad, 1, GET_CONFIG), bad, 1, 18);
    assertThat(server.sessionIds()).isEmpty();
  }

  @Test
  void msgIdMoreThan300SecondsOldGets16() {
    long old = clientId(-301, 1);
    assertRejected(send(old, 1, GET_CONFIG), old, 1, 16);
    assertThat(send(clientId(-300, 1), 1, GET_CONFIG).rejection()).isEmpty();
  }

  @Test
  void msgIdMoreThan30SecondsAheadGets17() {
    long ahead = clientId(31, 1);
    assertRejected(send(ahead, 1, GET_CONFIG), ahead, 1, 17);
    assertThat(send(clientId(30, 1), 1, GET_CONFIG).rejection()).isEmpty();
  }

  @Test
  void containerReusingAReceivedIdGets19() {
    open();
    long reused = clientId(0, 1);
    byte[] container = Wire.container(new Framed(clientId(0, 0), 3, GET_CONFIG));
    assertRejected(send(reused, 4, container), reused, 4, 19);
  }

  @Test
  void idBelowEveryKeptIdGets20() {
    ServerFixture small = new ServerFixture(new ServerOptions(4, 16, 1024));
    for (int n = 10; n < 15; n++) {
      assertThat(small.send(clientId(0, n), 0, service("ping", "ping_id", (long) n)).rejection())
          .isEmpty();
    }
    long old = clientId(0, 5);
    assertRejected(small.send(old, 0, service("ping", "ping_id", 5L)), old, 0, 20);
  }

  @Test
  void seqnoLowerThanAnEarlierMessagesGets32() {
    send(clientId(0, 1), 3, GET_CONFIG);
    long q = clientId(0, 2);
    assertRejected(send(q, 1, GET_CONFIG), q, 1, 32);
  }

  @Test
  void sameOddSeqnoTwiceGets32() {
    send(clientId(0, 1), 1, GET_CONFIG);
    long q = clientId(0, 2);
    assertRejected(send(q, 1, GET_CONFIG), q, 1, 32);
  }

  @Test
  void seqnoHigherThanALaterMessagesGets33() {
    send(clientId(0, 5), 1, GET_CONFIG);
    long q = clientId(0, 2);
    assertRejected(send(q, 3, GET_CONFIG), q, 3, 33);
  }

  @Test
  void oddSeqnoOnAContainerGets34() {
    long c = clientId(0, 3);
    byte[] container = Wire.container(new Framed(clientId(0, 1), 1, GET_CONFIG),
        new Framed(clientId(0, 2), 3, GET_CONFIG));
    assertRejected(send(c, 5, container), c, 5, 34);
  }

  @Test
  void evenSeqnoOnAQueryGets35() {
    long q = clientId(0, 1);
    assertRejected(send(q, 0, GET_CONFIG), q, 0, 35);
  }

  @Test
  void evenSeqnoOnAQueryInsideAContainerGets35NamingTheContainer() {
    long c = clientId(0, 3);
    byte[] container = Wire.container(new Framed(clientId(0, 1), 1, GET_CONFIG),
        new Framed(clientId(0, 2), 2, GET_CONFIG));
    assertRejected(send(c, 2, container), c, 2, 35);
  }

  @Test
  void containerInsideAContainerGets64() {
    byte[] inner = Wire.container(new Framed(clientId(0, 1), 1, GET_CONFIG));
    long c = clientId(0, 3);
    byte[] outer = Wire.container(new Framed(clientId(0, 2), 2, inner));
    assertRejected(send(c, 2, outer), c, 2, 64);
  }

  @Test
  void containerWhoseMessageHasAHigherIdGets64() {
    long c = clientId(0, 3);
    byte[] container = Wire.container(new Framed(clientId(0, 4), 1, GET_CONFIG));
    assertRejected(send(c, 2, container), c, 2, 64);
  }

  @Test
  void containerWhoseMessageHasAHigherSeqnoGets64() {
    long c = clientId(0, 3);
    byte[] container = Wire.container(new Framed(clientId(0, 1), 3, GET_CONFIG));
    assertRejected(send(c, 2, container), c, 2, 64);
  }

  @Test
  void containerWithAServiceMessageOfTheWrongLengthGets64() {
    long c = clientId(0, 3);
    byte[] ping = service("ping", "ping_id", 1L);
    byte[] padded = java.util.Arrays.copyOf(ping, ping.length + 4);
    byte[] container = Wire.container(new Framed(clientId(0, 1), 0, padded));
    assertRejected(send(c, 0, container), c, 0, 64);
  }

  @Test
  void validContainerHandsOutEachQuery() {
    long c = clientId(0, 3);
    byte[] container = Wire.container(new Framed(clientId(0, 1), 1, GET_CONFIG),
        new Framed(clientId(0, 2), 3, GET_CONFIG));
    ServerReceipt receipt = send(c, 4, container);
    assertThat(receipt.rejection()).isEmpty();
    assertThat(receipt.queries()).extracting(ServerReceipt.Query::msgId)
        .containsExactly(clientId(0, 1), clientId(0, 2));
  }

  @Test
  void mtcutesOddSeqnoAckIsAccepted() {
    ServerSession session = open();
    session.answer(clientId(0, 1), GET_CONFIG, T0);
    ServerReceipt receipt = send(clientId(0, 2), 3, service("msgs_ack", "msg_ids", List.of(1L)));
    assertThat(receipt.rejection()).isEmpty();
    assertThat(receipt.replies()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 1})
  void pingIsAcceptedWithEitherParity(int seqNo) {
    ServerReceipt receipt = send(clientId(0, 1), seqNo, service("ping", "ping_id", 9L));
    assertThat(receipt.rejection()).isEmpty();
    assertThat(replies(receipt)).extracting(Msg::name).contains("pong");
  }

  @Test
  void zlibPackedQueryIsAcceptedAndHandedOutUnpacked() throws Exception {
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    try (DeflaterOutputStream out = new DeflaterOutputStream(zlib)) {
      out.write(GET_CONFIG);
    }
    byte[] packed = service("gzip_packed", "packed_data", zlib.toByteArray());
    ServerReceipt receipt = send(clientId(0, 1), 1, packed);
    assertThat(receipt.rejection()).isEmpty();
    assertThat(receipt.queries()).singleElement()
        .satisfies(q -> assertThat(q.body()).isEqualTo(GET_CONFIG));
  }

  @Test
  void gzipPackedQueryIsAQueryAndNeedsAnOddSeqno() {
    byte[] packed = dev.jgram.mtproto.tl.GzipPacked.pack(GET_CONFIG);
    assertThat(send(clientId(0, 1), 1, packed).queries()).hasSize(1);
    long q = clientId(0, 2);
    assertRejected(send(q, 2, packed), q, 2, 35);
  }
}
