package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.FIRST_SALT;
import static dev.jgram.mtproto.session.Wire.GET_CONFIG;
import static dev.jgram.mtproto.session.Wire.KEY;
import static dev.jgram.mtproto.session.Wire.T0;
import static dev.jgram.mtproto.session.Wire.service;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.api.RpcError;
import dev.jgram.mtproto.session.ClientAction.Reason;
import dev.jgram.mtproto.session.ClientAction.Resend;
import dev.jgram.mtproto.session.ClientAction.Resent;
import dev.jgram.mtproto.session.Containers.Framed;
import dev.jgram.mtproto.session.Envelope.Plain;
import dev.jgram.mtproto.tl.GzipPacked;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlWriter;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every service message and notification code fed to a client session (§3.6, §3.7). */
class ClientSessionTest {
  private final ClientSession client = ClientSession.create(KEY, FIRST_SALT, 0, Wire.random(9));
  private int serverN;

  /** The next server msg_id (≡ 1 mod 4) at T0. */
  private long serverId() {
    return ((T0.getEpochSecond()) << 32) + 4L * ++serverN + 1;
  }

  private List<ClientAction> fromServer(int seqNo, byte[] body) {
    return fromServer(serverId(), seqNo, body, T0);
  }

  private List<ClientAction> fromServer(long msgId, int seqNo, byte[] body, Instant now) {
    return client.receive(Wire.toClient(FIRST_SALT, client.sessionId(), msgId, seqNo, body), now);
  }

  private long sent(OutgoingMessage message) {
    return client.pack(List.of(message), T0).msgIds().get(0);
  }

  private static byte[] badMsg(long badMsgId, int code) {
    return service("bad_msg_notification", "bad_msg_id", badMsgId, "bad_msg_seqno", 1,
        "error_code", code);
  }

  private static byte[] rpcResult(long reqMsgId, byte[] result) {
    return ServiceTl.rpcResult(reqMsgId, result);
  }

  @Test
  void rpcResultDeliversTheResultUnpacked() {
    long q = sent(OutgoingMessage.query(GET_CONFIG));
    byte[] result = new byte[400];
    result[0] = 7;
    assertThat(fromServer(1, rpcResult(q, GzipPacked.pack(result))))
        .singleElement().isInstanceOfSatisfying(ClientAction.Result.class, r -> {
          assertThat(r.reqMsgId()).isEqualTo(q);
          assertThat(r.body()).isEqualTo(result);
        });
    assertThat(client.pendingAcks()).isEqualTo(1);
  }

  @Test
  void rpcResultWithRpcErrorFailsTheQuery() {
    long q = sent(OutgoingMessage.query(GET_CONFIG));
    byte[] error = service("rpc_error", "error_code", 420, "error_message", "FLOOD_WAIT_3");
    assertThat(fromServer(1, rpcResult(q, error)))
        .containsExactly(new ClientAction.Failed(q, new RpcError(420, "FLOOD_WAIT_3")));
  }

  @ParameterizedTest
  @ValueSource(strings = {"rpc_answer_unknown", "rpc_answer_dropped_running"})
  void rpcDropAnswerOutcomeCancelsTheOriginalQuery(String outcome) {
    long q = sent(OutgoingMessage.query(GET_CONFIG));
    long drop = sent(ServiceMessages.rpcDropAnswer(q));
    assertThat(fromServer(1, rpcResult(drop, service(outcome))))
        .containsExactly(new ClientAction.Dropped(q, outcome));
  }

  @Test
  void rpcAnswerDroppedCancelsTheOriginalQuery() {
    long q = sent(OutgoingMessage.query(GET_CONFIG));
    long drop = sent(ServiceMessages.rpcDropAnswer(q));
    byte[] dropped = service("rpc_answer_dropped", "msg_id", 5L, "seq_no", 1, "bytes", 8);
    assertThat(fromServer(1, rpcResult(drop, dropped)))
        .containsExactly(new ClientAction.Dropped(q, "rpc_answer_dropped"));
  }

  @Test
  void newSessionCreatedTakesTheSaltAndResendsQueriesSentBeforeIt() {
    OutgoingMessage early = OutgoingMessage.query(GET_CONFIG);
    long before = sent(early);
    long first = sent(OutgoingMessage.query(GET_CONFIG));
    List<ClientAction> actions = fromServer(1, service("new_session_created", "first_msg_id",
        first, "unique_id", 9L, "server_salt", 1234L));
    assertThat(actions).containsExactly(new ClientAction.SessionCreated(first, 9L, 1234L),
        new Resend(List.of(new Resent(before, early)), Reason.NEW_SESSION));
    assertThat(client.salt(T0)).isEqualTo(1234L);
    assertThat(client.pendingAcks()).isEqualTo(1);
  }

  @Test
  void badServerSaltForAContainerTakesTheSaltAndResendsAllItCarried() {
    OutgoingMessage a = OutgoingMessage.query(GET_CONFIG);
    OutgoingMessage b = ServiceMessages.ping(3);
    Packed packed = client.pack(List.of(a, b), T0);
    long container = Wire.openFromServerSide(packed.messages().get(0)).msgId();
    List<ClientAction> actions = fromServer(0, service("bad_server_salt", "bad_msg_id", container,
        "bad_msg_seqno", 4, "error_code", 48, "new_server_salt", 77L));
    assertThat(actions).containsExactly(new ClientAction.SaltChanged(77L), new Resend(List.of(
        new Resent(packed.msgIds().get(0), a), new Resent(packed.msgIds().get(1), b)),
        Reason.BAD_SERVER_SALT));
    assertThat(client.salt(T0)).isEqualTo(77L);
  }

  @Test
  void notificationAboutAnIdNeverSentIsIgnored() {
    assertThat(fromServer(0, service("bad_server_salt", "bad_msg_id", 12345L,
        "bad_msg_seqno", 1, "error_code", 48, "new_server_salt", 77L))).isEmpty();
    assertThat(client.salt(T0)).isEqualTo(FIRST_SALT);
    assertThat(fromServer(0, badMsg(12345L, 16))).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(ints = {16, 17})
  void codes16And17CorrectTheClockFromTheNoticesIdAndResend(int code) {
    OutgoingMessage q = OutgoingMessage.query(GET_CONFIG);
    long id = sent(q);
    long noticeId = ((T0.getEpochSecond() + 500) << 32) + 1;
    List<ClientAction> actions = fromServer(noticeId, 0, badMsg(id, code), T0);
    assertThat(actions).containsExactly(new ClientAction.ClockCorrected(500),
        new Resend(List.of(new Resent(id, q)), Reason.CLOCK_CORRECTED));
    assertThat(client.timeOffsetSeconds()).isEqualTo(500);
    assertThat(sent(q) >>> 32).isEqualTo(T0.getEpochSecond() + 500);
  }

  @ParameterizedTest
  @ValueSource(ints = {18, 34, 35, 99})
  void clientBugCodesRejectTheQueryWithoutRetry(int code) {
    long id = sent(OutgoingMessage.query(GET_CONFIG));
    assertThat(fromServer(0, badMsg(id, code)))
        .containsExactly(new ClientAction.Rejected(List.of(id), code));
  }

  @ParameterizedTest
  @ValueSource(ints = {19, 20, 48, 64})
  void resendCodesResendWithTheirReason(int code) {
    OutgoingMessage q = OutgoingMessage.query(GET_CONFIG);
    long id = sent(q);
    Reason reason = switch (code) {
      case 19 -> Reason.CONTAINER_ID_REUSED;
      case 20 -> Reason.TOO_OLD_TO_TELL;
      case 48 -> Reason.WRONG_SALT;
      default -> Reason.INVALID_CONTAINER;
    };
    assertThat(fromServer(0, badMsg(id, code)))
        .containsExactly(new Resend(List.of(new Resent(id, q)), reason));
  }

  @ParameterizedTest
  @ValueSource(ints = {32, 33})
  void seqnoCodesStartANewSessionAndResend(int code) {
    OutgoingMessage q = OutgoingMessage.query(GET_CONFIG);
    long id = sent(q);
    long oldSession = client.sessionId();
    List<ClientAction> actions = fromServer(0, badMsg(id, code));
    assertThat(client.sessionId()).isNotEqualTo(oldSession);
    assertThat(actions).containsExactly(new ClientAction.SessionReset(client.sessionId(), code),
        new Resend(List.of(new Resent(id, q)), Reason.SESSION_RESET));
    Packed again = client.pack(List.of(q), T0);
    Plain plain = Wire.openFromServerSide(again.messages().get(0));
    assertThat(plain.seqNo()).as("seqno counter starts again").isEqualTo(1);
    assertThat(plain.sessionId()).isEqualTo(client.sessionId());
  }

  @Test
  void resentContainerPutsItsAcknowledgementsBackInTheQueue() {
    fromServer(1, GET_CONFIG); // a pushed update to acknowledge
    OutgoingMessage q = OutgoingMessage.query(GET_CONFIG);
    Packed packed = client.pack(List.of(q), T0);
    assertThat(client.pendingAcks()).isZero();
    long container = Wire.openFromServerSide(packed.messages().get(0)).msgId();
    fromServer(0, badMsg(container, 64));
    assertThat(client.pendingAcks()).isEqualTo(1);
  }

  @Test
  void msgsAckReportsOurAcknowledgedMessages() {
    long id = sent(OutgoingMessage.query(GET_CONFIG));
    assertThat(fromServer(0, service("msgs_ack", "msg_ids", List.of(id, 4L))))
        .containsExactly(new ClientAction.Acknowledged(List.of(id)));
  }

  @Test
  void serverPingIsAnsweredWithPong() {
    long ping = serverId();
    assertThat(fromServer(ping, 0, service("ping", "ping_id", 42L), T0)).containsExactly(
        new ClientAction.Reply(OutgoingMessage.service(service("pong", "msg_id", ping,
            "ping_id", 42L))));
  }

  @Test
  void pongIsMatchedToOurPing() {
    long ping = sent(ServiceMessages.ping(42));
    assertThat(fromServer(0, service("pong", "msg_id", ping, "ping_id", 42L)))
        .containsExactly(new ClientAction.Pong(ping, 42));
  }

  @Test
  void futureSaltsAreStoredAndUsedInTheirWindow() {
    long req = sent(ServiceMessages.getFutureSalts(2));
    int t = (int) T0.getEpochSecond();
    List<TlObject> salts = List.of(
        TlObject.of("future_salt", "valid_since", t - 10, "valid_until", t + 100, "salt", 5L),
        TlObject.of("future_salt", "valid_since", t + 90, "valid_until", t + 200, "salt", 6L));
    List<ClientAction> actions = fromServer(0, ServiceTl.encode(TlObject.of("future_salts",
        "req_msg_id", req, "now", t, "salts", salts)));
    assertThat(actions).singleElement().isInstanceOfSatisfying(ClientAction.FutureSalts.class,
        f -> {
          assertThat(f.reqMsgId()).isEqualTo(req);
          assertThat(f.salts()).extracting(FutureSalt::salt).containsExactly(5L, 6L);
        });
    assertThat(client.salt(T0)).isEqualTo(5L);
    assertThat(client.salt(T0.plusSeconds(95))).isEqualTo(6L);
    assertThat(client.salt(T0.plusSeconds(300))).as("all expired: the last told").isEqualTo(
        FIRST_SALT);
  }

  @Test
  void msgsStateReqIsAnsweredWithMsgsStateInfo() {
    long seen = serverId();
    fromServer(seen, 0, service("msgs_ack", "msg_ids", List.of()), T0);
    long req = serverId();
    List<ClientAction> actions = fromServer(req, 0, service("msgs_state_req", "msg_ids",
        List.of(seen, 1L, req + 400)), T0);
    assertThat(actions).containsExactly(new ClientAction.Reply(OutgoingMessage.service(
        ServiceTl.msgsStateInfo(req, new byte[] {4, 1, 3}))));
  }

  @Test
  void msgsStateInfoReportsStatesAndResendsWhatWasNotReceived() {
    OutgoingMessage q = OutgoingMessage.query(GET_CONFIG);
    long lost = sent(q);
    long got = sent(OutgoingMessage.query(GET_CONFIG));
    long req = sent(ServiceMessages.msgsStateReq(List.of(lost, got)));
    assertThat(fromServer(0, ServiceTl.msgsStateInfo(req, new byte[] {2, 36}))).containsExactly(
        new ClientAction.StateInfo(req, Map.of(lost, 2, got, 36)),
        new Resend(List.of(new Resent(lost, q)), Reason.NOT_RECEIVED));
  }

  @Test
  void msgsAllInfoIsIgnored() {
    byte[] info = new TlWriter().writeInt(ServiceTl.MSGS_ALL_INFO).writeVectorHeader(1)
        .writeLong(8).writeBytes(new byte[] {4}).toByteArray();
    assertThat(fromServer(0, info)).isEmpty();
  }

  @Test
  void msgResendReqResendsOurMessagesAndNamesUnknownOnes() {
    OutgoingMessage q = OutgoingMessage.query(GET_CONFIG);
    long id = sent(q);
    long req = serverId();
    List<ClientAction> actions = fromServer(req, 0, service("msg_resend_req", "msg_ids",
        List.of(id, 8L)), T0);
    assertThat(actions).containsExactly(
        new Resend(List.of(new Resent(id, q)), Reason.RESEND_REQUESTED),
        new ClientAction.Reply(OutgoingMessage.service(ServiceTl.msgsStateInfo(req,
            new byte[] {1, 1}))));
  }

  @Test
  void msgDetailedInfoForAnAnswerWeHaveIsAcknowledged() {
    long answer = serverId();
    fromServer(answer, 0, service("msgs_ack", "msg_ids", List.of()), T0);
    assertThat(fromServer(0, service("msg_detailed_info", "msg_id", 4L, "answer_msg_id", answer,
        "bytes", 100, "status", 0))).isEmpty();
    assertThat(client.pendingAcks()).isEqualTo(1);
  }

  @Test
  void msgNewDetailedInfoForAnAnswerWeLackAsksForIt() {
    long missing = serverId() + 400;
    assertThat(fromServer(0, service("msg_new_detailed_info", "answer_msg_id", missing,
        "bytes", 100, "status", 0))).containsExactly(new ClientAction.Reply(
            ServiceMessages.msgResendReq(List.of(missing))));
  }

  @Test
  void destroySessionAnswersAreReported() {
    assertThat(fromServer(0, service("destroy_session_ok", "session_id", 5L)))
        .containsExactly(new ClientAction.SessionDestroyed(5L, true));
    assertThat(fromServer(0, service("destroy_session_none", "session_id", 6L)))
        .containsExactly(new ClientAction.SessionDestroyed(6L, false));
  }

  @Test
  void otherContentIsPushedAndAcknowledged() {
    long id = serverId();
    assertThat(fromServer(id, 1, GET_CONFIG, T0)).singleElement()
        .isInstanceOfSatisfying(ClientAction.Pushed.class, p -> {
          assertThat(p.msgId()).isEqualTo(id);
          assertThat(p.body()).isEqualTo(GET_CONFIG);
        });
    Packed acks = client.pack(List.of(), T0);
    Plain plain = Wire.openFromServerSide(acks.messages().get(0));
    assertThat(ServiceTl.decode(plain.body()).<Long>list("msg_ids")).containsExactly(id);
    assertThat(plain.seqNo() & 1).isZero();
  }

  @Test
  void sixteenPendingAcknowledgementsAskForAFlush() {
    for (int i = 1; i < ClientSession.ACK_FLUSH_THRESHOLD; i++) {
      assertThat(fromServer(1, GET_CONFIG)).hasSize(1);
    }
    assertThat(fromServer(1, GET_CONFIG)).contains(
        new ClientAction.FlushAcks(ClientSession.ACK_FLUSH_THRESHOLD));
  }

  @Test
  void copyOfAMessageInsideANewContainerIsActedOnOnce() {
    long update = serverId();
    fromServer(update, 1, GET_CONFIG, T0);
    byte[] container = Wire.container(new Framed(update, 1, GET_CONFIG),
        new Framed(serverId(), 0, service("pong", "msg_id", 4L, "ping_id", 1L)));
    assertThat(fromServer(2, container)).containsExactly(new ClientAction.Pong(4L, 1L));
    assertThat(client.pendingAcks()).isEqualTo(1);
  }

  @Test
  void forgottenQueryIsNoLongerResentOnANotice() {
    long id = sent(OutgoingMessage.query(GET_CONFIG));
    assertThat(client.forget(id)).isTrue();
    assertThat(fromServer(0, badMsg(id, 48))).isEmpty();
    assertThat(client.forget(id)).isFalse();
  }

  @Test
  void futureSaltsAreNeededUntilOnesReachingPastTheMarginAreStored() {
    assertThat(client.needsFutureSalts(T0)).isTrue();
    long req = sent(ServiceMessages.getFutureSalts(1));
    int t = (int) T0.getEpochSecond();
    fromServer(0, ServiceTl.encode(TlObject.of("future_salts", "req_msg_id", req, "now", t,
        "salts", List.of(TlObject.of("future_salt", "valid_since", t, "valid_until", t + 3600,
            "salt", 5L)))));
    assertThat(client.needsFutureSalts(T0)).isFalse();
    assertThat(client.needsFutureSalts(T0.plusSeconds(3600 - 600))).isTrue();
  }
}
