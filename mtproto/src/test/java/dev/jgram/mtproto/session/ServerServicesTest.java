package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.FIRST_SALT;
import static dev.jgram.mtproto.session.Wire.GET_CONFIG;
import static dev.jgram.mtproto.session.Wire.T0;
import static dev.jgram.mtproto.session.Wire.clientId;
import static dev.jgram.mtproto.session.Wire.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.session.Wire.Msg;
import dev.jgram.mtproto.tl.MessageContainer;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlWriter;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The server's reaction to each service message, duplicate and answer (§3.6). */
class ServerServicesTest extends ServerFixture {
  private static final long Q1 = clientId(0, 1);

  private static Msg named(List<Msg> messages, String name) {
    return messages.stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow(
        () -> new AssertionError("no " + name + " among " + messages.stream()
            .map(Msg::name).toList()));
  }

  @Test
  void pingGetsPongOutsideRpcResultNamingThePing() {
    open();
    long ping = clientId(0, 2);
    Msg pong = only(send(ping, 2, service("ping", "ping_id", 77L)).replies());
    assertThat(pong.name()).isEqualTo("pong");
    assertThat(pong.object().longValue("msg_id")).isEqualTo(ping);
    assertThat(pong.object().longValue("ping_id")).isEqualTo(77L);
    assertThat(pong.msgId() & 3).isEqualTo(1);
    assertThat(pong.seqNo() & 1).isZero();
  }

  @Test
  void pingDelayDisconnectGetsPongAndTheDelayForTheCaller() {
    open();
    ServerReceipt receipt = send(clientId(0, 2), 2, service("ping_delay_disconnect",
        "ping_id", 5L, "disconnect_delay", 75));
    assertThat(receipt.disconnectDelaySeconds()).hasValue(75);
    assertThat(only(receipt.replies()).name()).isEqualTo("pong");
  }

  @Test
  void getFutureSaltsGetsABareVectorOfBareSaltsWithTheirWindows() {
    open();
    long req = clientId(0, 2);
    Msg answer = only(send(req, 2, service("get_future_salts", "num", 3)).replies());
    TlReader raw = new TlReader(answer.body());
    assertThat(raw.readInt()).isEqualTo(ServiceTl.FUTURE_SALTS);
    assertThat(raw.readLong()).isEqualTo(req);
    assertThat(raw.readInt()).isEqualTo((int) T0.getEpochSecond());
    assertThat(raw.readInt()).isEqualTo(3); // count, no 1cb5c415 before it
    assertThat(raw.remaining()).isEqualTo(3 * 16); // no constructor id per salt
    assertThat(raw.readInt()).isEqualTo((int) T0.getEpochSecond());
    assertThat(raw.readInt()).isEqualTo((int) T0.plus(PERIOD).plus(GRACE).getEpochSecond());
    assertThat(raw.readLong()).isEqualTo(FIRST_SALT);
    assertThat(raw.readInt()).isEqualTo((int) T0.plus(PERIOD).getEpochSecond());
    List<FutureSalt> salts = server.salts().future(T0, 3);
    assertThat(answer.object().<TlObject>list("salts")).extracting(s -> s.longValue("salt"))
        .containsExactly(salts.get(0).salt(), salts.get(1).salt(), salts.get(2).salt());
  }

  @Test
  void msgsStateReqGetsOneStatusBytePerId() {
    ServerSession session = open();
    long answered = clientId(0, 2);
    send(answered, 3, GET_CONFIG);
    session.answer(answered, GET_CONFIG, T0);
    long ping = clientId(0, 3);
    send(ping, 4, service("ping", "ping_id", 1L));
    long req = clientId(0, 9);
    List<Long> asked = List.of(Q1, answered, ping, clientId(-10, 0), clientId(0, 4),
        clientId(0, 20));
    Msg info = named(replies(send(req, 4, service("msgs_state_req", "msg_ids", asked))),
        "msgs_state_info");
    assertThat(new TlReader(info.body(), 4, 8).readLong()).isEqualTo(req);
    assertThat(ServiceTl.stateInfoBytes(info.body()))
        .containsExactly(4 + 32, 4 + 32 + 64, 4 + 16, 1, 2, 3);
  }

  @Test
  void msgResendReqSendsUnacknowledgedAnswersAgainWithTheirIds() {
    ServerSession session = open();
    Msg answer = only(session.answer(Q1, GET_CONFIG, T0));
    List<byte[]> replies = send(clientId(0, 2), 2, service("msg_resend_req", "msg_ids",
        List.of(answer.msgId()))).replies();
    assertThat(Wire.openFromServer(replies.get(0)).body()).startsWith(0xdc, 0xf8, 0xf1, 0x73);
    Msg again = named(Wire.fromServer(replies), "rpc_result");
    assertThat(again.msgId()).isEqualTo(answer.msgId());
    assertThat(again.body()).isEqualTo(answer.body());
  }

  @Test
  void msgResendReqForAnUnknownIdGetsMsgsStateInfoForAll() {
    open();
    long req = clientId(0, 2);
    Msg info = named(replies(send(req, 2, service("msg_resend_req", "msg_ids",
        List.of(12345L)))), "msgs_state_info");
    assertThat(ServiceTl.stateInfoBytes(info.body())).containsExactly(1);
  }

  @Test
  void acknowledgedAnswerIsNoLongerResent() {
    ServerSession session = open();
    Msg answer = only(session.answer(Q1, GET_CONFIG, T0));
    send(clientId(0, 2), 2, service("msgs_ack", "msg_ids", List.of(answer.msgId())));
    Msg info = named(replies(send(clientId(0, 3), 2, service("msg_resend_req", "msg_ids",
        List.of(answer.msgId())))), "msgs_state_info");
    assertThat(ServiceTl.stateInfoBytes(info.body())).containsExactly(1);
  }

  @Test
  void destroySessionForgetsAnotherSessionOfTheKey() {
    open();
    long other = 0x7777L;
    server.receive(Wire.toServer(FIRST_SALT, other, clientId(0, 1), 1, GET_CONFIG), T0);
    Msg ok = only(send(clientId(0, 2), 2, service("destroy_session", "session_id", other))
        .replies());
    assertThat(ok.name()).isEqualTo("destroy_session_ok");
    assertThat(ok.object().longValue("session_id")).isEqualTo(other);
    assertThat(server.sessionIds()).containsExactly(SESSION);
    Msg none = only(send(clientId(0, 3), 2, service("destroy_session", "session_id", other))
        .replies());
    assertThat(none.name()).isEqualTo("destroy_session_none");
  }

  @Test
  void dropOfARunningQueryAnswersDroppedRunningAndSwallowsTheLateAnswer() {
    ServerSession session = open();
    long drop = clientId(0, 2);
    List<Msg> replies = Wire.fromServer(send(drop, 3, service("rpc_drop_answer",
        "req_msg_id", Q1)).replies());
    assertThat(replies).filteredOn(m -> m.id() == ServiceTl.RPC_RESULT)
        .extracting(m -> rpcResult(m).reqMsgId())
        .containsExactlyInAnyOrder(Q1, drop);
    assertThat(replies).filteredOn(m -> m.id() == ServiceTl.RPC_RESULT)
        .allSatisfy(m -> assertThat(rpcResult(m).result().name())
            .isEqualTo("rpc_answer_dropped_running"));
    assertThat(session.answer(Q1, GET_CONFIG, T0)).isEmpty();
    assertThat(session.pendingQueries()).isZero();
  }

  @Test
  void dropOfAnAnswerNotYetAcknowledgedAnswersDropped() {
    ServerSession session = open();
    Msg answer = only(session.answer(Q1, GET_CONFIG, T0));
    long drop = clientId(0, 2);
    Msg reply = only(send(drop, 3, service("rpc_drop_answer", "req_msg_id", Q1)).replies());
    RpcResultView result = rpcResult(reply);
    assertThat(result.reqMsgId()).isEqualTo(drop);
    assertThat(result.result().name()).isEqualTo("rpc_answer_dropped");
    assertThat(result.result().longValue("msg_id")).isEqualTo(answer.msgId());
    assertThat(result.result().intValue("seq_no")).isEqualTo(answer.seqNo());
    assertThat(result.result().intValue("bytes")).isEqualTo(answer.body().length);
  }

  @Test
  void dropOfAnUnknownQueryAnswersUnknown() {
    open();
    Msg reply = only(send(clientId(0, 2), 3, service("rpc_drop_answer", "req_msg_id", 99L))
        .replies());
    assertThat(rpcResult(reply).result().name()).isEqualTo("rpc_answer_unknown");
  }

  @Test
  void duplicateQueryGetsItsStoredAnswerAgainInAFreshContainer() {
    ServerSession session = open();
    Msg answer = only(session.answer(Q1, GET_CONFIG, T0));
    ServerReceipt receipt = send(Q1, 1, GET_CONFIG);
    assertThat(receipt.queries()).isEmpty();
    assertThat(receipt.rejection()).isEmpty();
    var outer = Wire.openFromServer(receipt.replies().get(0));
    assertThat(ServiceTl.id(outer.body())).isEqualTo(MessageContainer.ID);
    assertThat(outer.msgId()).isGreaterThan(answer.msgId());
    Msg again = only(receipt.replies());
    assertThat(again.msgId()).isEqualTo(answer.msgId());
    assertThat(again.body()).isEqualTo(answer.body());
  }

  @Test
  void duplicateQueryWithALargeAnswerGetsMsgDetailedInfo() {
    ServerSession session = open();
    byte[] large = Wire.bytes(2000, 3); // random: gzip does not shrink it
    Msg answer = only(session.answer(Q1, large, T0));
    Msg info = only(send(Q1, 1, GET_CONFIG).replies());
    assertThat(info.name()).isEqualTo("msg_detailed_info");
    assertThat(info.object().longValue("msg_id")).isEqualTo(Q1);
    assertThat(info.object().longValue("answer_msg_id")).isEqualTo(answer.msgId());
    assertThat(info.object().intValue("bytes")).isEqualTo(answer.body().length);
    assertThat(info.seqNo() & 1).isZero();
  }

  @Test
  void duplicateOfAQueryStillRunningIsIgnored() {
    open();
    ServerReceipt receipt = send(Q1, 1, GET_CONFIG);
    assertThat(receipt.queries()).isEmpty();
    assertThat(receipt.replies()).isEmpty();
  }

  @Test
  void acknowledgementOfASlowQueryGoesOutOnFlush() {
    ServerSession session = open(); // Q1's ack rode along with new_session_created
    long q2 = clientId(0, 2);
    assertThat(send(q2, 3, GET_CONFIG).replies()).isEmpty();
    Msg ack = only(session.flush(T0));
    assertThat(ack.name()).isEqualTo("msgs_ack");
    assertThat(ack.object().<Long>list("msg_ids")).containsExactly(q2);
    assertThat(session.flush(T0)).isEmpty();
  }

  @Test
  void answerDoesNotAcknowledgeItsQuerySeparately() {
    ServerSession session = open();
    assertThat(only(session.answer(Q1, GET_CONFIG, T0)).id()).isEqualTo(ServiceTl.RPC_RESULT);
    assertThat(session.flush(T0)).isEmpty();
  }

  @Test
  void largeCompressibleAnswerTravelsGzipped() {
    ServerSession session = open();
    byte[] result = new byte[4000];
    result[0] = 1;
    Msg answer = only(session.answer(Q1, result, T0));
    assertThat(answer.body().length).isLessThan(result.length);
    byte[] packed = java.util.Arrays.copyOfRange(answer.body(), 12, answer.body().length);
    assertThat(ServiceTl.id(packed)).isEqualTo(ServiceTl.GZIP_PACKED);
    assertThat(Compression.unwrap(packed)).isEqualTo(result);
  }

  @Test
  void pushedUpdatesHaveIdsCongruentToThreeAndOddSeqnos() {
    ServerSession session = open();
    Msg first = only(session.push(GET_CONFIG, T0));
    Msg second = only(session.push(GET_CONFIG, T0.minusSeconds(5)));
    assertThat(first.msgId() & 3).isEqualTo(3);
    assertThat(second.msgId()).isGreaterThan(first.msgId());
    assertThat(second.msgId() & 3).isEqualTo(3);
    assertThat(first.seqNo() & 1).isEqualTo(1);
    assertThat(second.seqNo()).isEqualTo(first.seqNo() + 2);
  }

  @Test
  void answerErrorSendsRpcError() {
    ServerSession session = open();
    TlObject error = rpcResult(only(session.answerError(Q1, 420, "FLOOD_WAIT_3",
        Instant.from(T0)))).result();
    assertThat(error.name()).isEqualTo("rpc_error");
    assertThat(error.intValue("error_code")).isEqualTo(420);
    assertThat(error.string("error_message")).isEqualTo("FLOOD_WAIT_3");
  }

  record RpcResultView(long reqMsgId, TlObject result) {}

  static RpcResultView rpcResult(Msg m) {
    TlReader reader = new TlReader(m.body());
    assertThat(reader.readInt()).isEqualTo(ServiceTl.RPC_RESULT);
    long req = reader.readLong();
    return new RpcResultView(req, ServiceTl.decode(reader.readRaw(reader.remaining())));
  }

  static Stream<byte[]> ignoredServiceMessages() {
    return Stream.of(
        service("http_wait", "max_delay", 0, "wait_after", 0, "max_wait", 25000),
        ServiceTl.msgsStateInfo(4L, new byte[] {1}),
        new TlWriter().writeInt(ServiceTl.MSGS_ALL_INFO).writeVectorHeader(1).writeLong(4L)
            .writeBytes(new byte[] {4}).toByteArray(),
        service("msg_detailed_info", "msg_id", 4L, "answer_msg_id", 5L, "bytes", 8, "status", 0),
        service("msg_new_detailed_info", "answer_msg_id", 5L, "bytes", 8, "status", 0),
        service("pong", "msg_id", 4L, "ping_id", 1L));
  }

  @ParameterizedTest
  @MethodSource("ignoredServiceMessages")
  void informationalServiceMessagesAreTakenWithoutAnswerAndAreNoQueries(byte[] body) {
    open();
    ServerReceipt receipt = send(clientId(0, 2), 2, body);
    assertThat(receipt.rejection()).isEmpty();
    assertThat(receipt.queries()).isEmpty();
    assertThat(receipt.replies()).isEmpty();
  }

  @Test
  void msgCopyIsUnwrappedAndItsMessageProcessed() {
    open();
    long inner = clientId(0, 2);
    byte[] copy = new TlWriter().writeInt(ServiceTl.MSG_COPY).writeLong(inner).writeInt(3)
        .writeInt(GET_CONFIG.length).writeRaw(GET_CONFIG).toByteArray();
    ServerReceipt receipt = send(clientId(0, 3), 4, copy);
    assertThat(receipt.rejection()).isEmpty();
    assertThat(receipt.queries()).extracting(ServerReceipt.Query::msgId).containsExactly(inner);
  }
}
