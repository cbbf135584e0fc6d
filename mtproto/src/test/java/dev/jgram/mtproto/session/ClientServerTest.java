package dev.jgram.mtproto.session;

import static dev.jgram.mtproto.session.Wire.FIRST_SALT;
import static dev.jgram.mtproto.session.Wire.GET_CONFIG;
import static dev.jgram.mtproto.session.Wire.KEY;
import static dev.jgram.mtproto.session.Wire.T0;
import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.crypto.Direction;
import dev.jgram.mtproto.session.ClientAction.Reason;
import dev.jgram.mtproto.tl.TlWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A client session and a server key talking in memory, each side only through its API. */
class ClientServerTest {
  private final AuthKeySessions server = new AuthKeySessions(KEY, SaltSchedule.create(FIRST_SALT,
      T0, ServerFixture.PERIOD, ServerFixture.GRACE, Wire.random(7)), Wire.random(8),
      ServerOptions.defaults());
  private ClientSession client = ClientSession.create(KEY, FIRST_SALT, 0, Wire.random(9));
  private final List<ServerReceipt> receipts = new ArrayList<>();

  /** Sends what the client packed; returns what the server wrote back at once. */
  private List<byte[]> toServer(Packed packed, Instant now) {
    List<byte[]> replies = new ArrayList<>();
    for (byte[] message : packed.messages()) {
      ServerReceipt receipt = server.receive(message, now);
      receipts.add(receipt);
      replies.addAll(receipt.replies());
    }
    return replies;
  }

  private List<ClientAction> toClient(List<byte[]> messages, Instant now) {
    List<ClientAction> actions = new ArrayList<>();
    for (byte[] message : messages) {
      actions.addAll(client.receive(message, now));
    }
    return actions;
  }

  private ServerReceipt lastReceipt() {
    return receipts.get(receipts.size() - 1);
  }

  private static List<OutgoingMessage> resent(ClientAction action) {
    return ((ClientAction.Resend) action).messages().stream().map(ClientAction.Resent::message)
        .toList();
  }

  @Test
  void queryIsAnsweredAndDelivered() {
    Packed packed = client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0);
    long q = packed.msgIds().get(0);
    List<ClientAction> created = toClient(toServer(packed, T0), T0);
    assertThat(created).hasSize(2);
    assertThat(((ClientAction.SessionCreated) created.get(0)).firstMsgId()).isEqualTo(q);
    assertThat(created.get(1)).as("the server's ack rides along")
        .isEqualTo(new ClientAction.Acknowledged(List.of(q)));
    ServerReceipt receipt = lastReceipt();
    assertThat(receipt.queries()).singleElement().satisfies(query -> {
      assertThat(query.msgId()).isEqualTo(q);
      assertThat(query.body()).isEqualTo(GET_CONFIG);
    });
    byte[] result = new TlWriter().writeInt(0x997275b5).toByteArray();
    List<ClientAction> delivered = toClient(receipt.session().orElseThrow().answer(q, result, T0),
        T0);
    assertThat(delivered).singleElement().isInstanceOfSatisfying(ClientAction.Result.class, r -> {
      assertThat(r.reqMsgId()).isEqualTo(q);
      assertThat(r.body()).isEqualTo(result);
    });
    assertThat(client.pendingAcks()).isEqualTo(2);
    assertThat(toServer(client.pack(List.of(), T0), T0)).isEmpty();
    assertThat(lastReceipt().rejection()).isEmpty();
    assertThat(client.pendingAcks()).isZero();
  }

  @Test
  void saltZeroPingLearnsTheSaltAndIsResent() {
    client = ClientSession.create(KEY, 0, 0, Wire.random(9));
    OutgoingMessage ping = ServiceMessages.ping(0);
    Packed first = client.pack(List.of(ping), T0);
    List<ClientAction> actions = toClient(toServer(first, T0), T0);
    assertThat(actions).containsExactly(new ClientAction.SaltChanged(FIRST_SALT),
        new ClientAction.Resend(List.of(new ClientAction.Resent(first.msgIds().get(0), ping)),
            Reason.BAD_SERVER_SALT));
    Packed again = client.pack(resent(actions.get(1)), T0);
    List<ClientAction> answered = toClient(toServer(again, T0), T0);
    assertThat(answered).hasSize(2).element(1)
        .isEqualTo(new ClientAction.Pong(again.msgIds().get(0), 0));
  }

  @Test
  void clockTwoMinutesAheadIsCorrectedByCode17() {
    client = ClientSession.create(KEY, FIRST_SALT, 120, Wire.random(9));
    Packed first = client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0);
    List<ClientAction> actions = toClient(toServer(first, T0), T0);
    assertThat(lastReceipt().rejection().orElseThrow().errorCode()).isEqualTo(17);
    assertThat(actions.get(0)).isEqualTo(new ClientAction.ClockCorrected(0));
    assertThat(((ClientAction.Resend) actions.get(1)).reason()).isEqualTo(Reason.CLOCK_CORRECTED);
    toServer(client.pack(resent(actions.get(1)), T0), T0);
    assertThat(lastReceipt().rejection()).isEmpty();
    assertThat(lastReceipt().queries()).hasSize(1);
  }

  @Test
  void largeQueryAndLargeAnswerTravelGzippedAndArriveWhole() {
    byte[] query = new byte[2048];
    query[0] = 0x6b;
    query[1] = 0x18;
    Packed packed = client.pack(List.of(OutgoingMessage.query(query)), T0);
    byte[] onWire = Envelope.open(KEY, packed.messages().get(0), Direction.CLIENT_TO_SERVER)
        .body();
    assertThat(ServiceTl.id(onWire)).isEqualTo(ServiceTl.GZIP_PACKED);
    toClient(toServer(packed, T0), T0);
    ServerReceipt receipt = lastReceipt();
    assertThat(receipt.queries().get(0).body()).isEqualTo(query);
    List<ClientAction> delivered = toClient(receipt.session().orElseThrow()
        .answer(packed.msgIds().get(0), query, T0), T0);
    assertThat(((ClientAction.Result) delivered.get(0)).body()).isEqualTo(query);
  }

  @Test
  void twoQueriesTravelInOneContainerAndAreBothHandedOut() {
    Packed packed = client.pack(List.of(OutgoingMessage.query(GET_CONFIG),
        OutgoingMessage.query(GET_CONFIG)), T0);
    assertThat(packed.messages()).hasSize(1);
    toServer(packed, T0);
    assertThat(lastReceipt().queries()).extracting(ServerReceipt.Query::msgId)
        .containsExactlyElementsOf(packed.msgIds());
  }

  @Test
  void pushedUpdatesAreDeliveredAsPushed() {
    toClient(toServer(client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0), T0), T0);
    List<ClientAction> actions = toClient(lastReceipt().session().orElseThrow()
        .push(GET_CONFIG, T0), T0);
    assertThat(actions).singleElement().isInstanceOfSatisfying(ClientAction.Pushed.class, p -> {
      assertThat(p.body()).isEqualTo(GET_CONFIG);
      assertThat(p.msgId() & 3).isEqualTo(3);
    });
  }

  @Test
  void replayedQueryGetsTheStoredAnswerWhichTheClientIgnoresButAcksAgain() {
    Packed packed = client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0);
    toClient(toServer(packed, T0), T0);
    long q = packed.msgIds().get(0);
    toClient(lastReceipt().session().orElseThrow().answer(q, GET_CONFIG, T0), T0);
    toServer(client.pack(List.of(), T0), T0);
    List<byte[]> again = toServer(packed, T0); // the network delivers the query twice
    assertThat(again).hasSize(1);
    assertThat(toClient(again, T0)).isEmpty();
    assertThat(client.pendingAcks()).isEqualTo(1);
  }

  @Test
  void answerTheClientNeverGotIsFetchedWithMsgResendReq() {
    Packed packed = client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0);
    toClient(toServer(packed, T0), T0);
    long q = packed.msgIds().get(0);
    List<byte[]> lost = lastReceipt().session().orElseThrow().answer(q, GET_CONFIG, T0);
    long answerId = Wire.openFromServer(lost.get(0)).msgId();
    List<ClientAction> actions = toClient(toServer(client.pack(List.of(
        ServiceMessages.msgResendReq(List.of(answerId))), T0), T0), T0);
    assertThat(actions).singleElement().isInstanceOfSatisfying(ClientAction.Result.class,
        r -> assertThat(r.reqMsgId()).isEqualTo(q));
  }

  @Test
  void queryTheServerNeverGotIsFoundByMsgsStateReqAndResent() {
    toClient(toServer(client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0), T0), T0);
    Packed lost = client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0); // never arrives
    long lostId = lost.msgIds().get(0);
    Packed ask = client.pack(List.of(ServiceMessages.msgsStateReq(List.of(lostId))), T0);
    List<ClientAction> actions = toClient(toServer(ask, T0), T0);
    assertThat(actions.get(0)).isEqualTo(new ClientAction.StateInfo(ask.msgIds().get(0),
        java.util.Map.of(lostId, 2)));
    assertThat(actions.get(1)).isEqualTo(new ClientAction.Resend(List.of(
        new ClientAction.Resent(lostId, OutgoingMessage.query(GET_CONFIG))), Reason.NOT_RECEIVED));
  }

  @Test
  void futureSaltsAreStoredAndUsedWhenTheirTimeComes() {
    toClient(toServer(client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0), T0), T0);
    Packed ask = client.pack(List.of(ServiceMessages.getFutureSalts(3)), T0);
    List<ClientAction> actions = toClient(toServer(ask, T0), T0);
    ClientAction.FutureSalts salts = (ClientAction.FutureSalts) actions.get(0);
    assertThat(salts.reqMsgId()).isEqualTo(ask.msgIds().get(0));
    assertThat(salts.salts()).hasSize(3);
    assertThat(client.futureSalts()).isEqualTo(salts.salts());
    Instant later = T0.plus(ServerFixture.PERIOD).plusSeconds(1);
    assertThat(client.salt(later)).isEqualTo(salts.salts().get(1).salt())
        .isEqualTo(server.salts().current(later));
    toServer(client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), later), later);
    assertThat(lastReceipt().rejection()).isEmpty();
  }

  @Test
  void droppedRunningQueryIsReportedDropped() {
    Packed packed = client.pack(List.of(OutgoingMessage.query(GET_CONFIG)), T0);
    long q = packed.msgIds().get(0);
    toClient(toServer(packed, T0), T0);
    List<ClientAction> actions = toClient(toServer(client.pack(List.of(
        ServiceMessages.rpcDropAnswer(q)), T0), T0), T0);
    assertThat(actions).isNotEmpty().allSatisfy(a -> assertThat(a)
        .isEqualTo(new ClientAction.Dropped(q, "rpc_answer_dropped_running")));
  }
}
