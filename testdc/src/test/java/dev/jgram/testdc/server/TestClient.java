package dev.jgram.testdc.server;

import dev.jgram.mtproto.MessageIds;
import dev.jgram.mtproto.PlainMessage;
import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.api.RpcError;
import dev.jgram.mtproto.auth.AuthKeyResult;
import dev.jgram.mtproto.auth.ClientKeyExchange;
import dev.jgram.mtproto.auth.KeyExchangeOptions;
import dev.jgram.mtproto.crypto.RsaPublicKey;
import dev.jgram.mtproto.session.ClientAction;
import dev.jgram.mtproto.session.ClientSession;
import dev.jgram.mtproto.session.OutgoingMessage;
import dev.jgram.mtproto.session.Packed;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.transport.TransportKind;
import dev.jgram.testdc.api.DcAddress;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * jgram's mtproto client pieces (framing, ClientKeyExchange, ClientSession) driven one call at
 * a time over a real socket: what the core's end-to-end tests talk through. Not thread-safe.
 */
final class TestClient implements AutoCloseable {
  final Dial dial;
  final TlCodec codec;
  final List<ClientAction> seen = new ArrayList<>();
  final List<byte[]> pushed = new ArrayList<>();
  private final RandomSource random = RandomSource.secure();
  private final MessageIds plainIds = new MessageIds(Clock.systemUTC(), 0);
  private final Clock clock;
  ClientSession session;
  byte[] authKey;

  private TestClient(Dial dial, TlCodec codec, Clock clock) {
    this.dial = dial;
    this.codec = codec;
    this.clock = clock;
  }

  /** Connects to {@code dc} with {@code kind}, obfuscated when asked; answers in 198. */
  static TestClient connect(DcAddress dc, TransportKind kind, boolean obfuscated) {
    return connect(dc, kind, obfuscated, TlCodec.forLayer(198), Clock.systemUTC());
  }

  static TestClient connect(DcAddress dc, TransportKind kind, boolean obfuscated,
      TlCodec codec, Clock clock) {
    return new TestClient(Dial.to(dc, kind, obfuscated), codec, clock);
  }

  /** Runs a key exchange and starts a session on the new key. */
  AuthKeyResult exchangeKey(RsaPublicKey serverKey, KeyExchangeOptions options) {
    var started = ClientKeyExchange.start(options, random);
    byte[] resPq = plainRoundTrip(started.request());
    var requested = ClientKeyExchange.requestDhParams(started.state(), resPq,
        Map.of(serverKey.fingerprint(), serverKey), options, random);
    byte[] dhParams = plainRoundTrip(requested.request());
    var sent = ClientKeyExchange.setClientDhParams(requested.state(), dhParams, random,
        clock.instant());
    byte[] answer = plainRoundTrip(sent.request());
    while (ClientKeyExchange.isRetry(answer)) {
      sent = ClientKeyExchange.retry(sent.state(), answer, random);
      answer = plainRoundTrip(sent.request());
    }
    AuthKeyResult result = ClientKeyExchange.finish(sent.state(), answer);
    useKey(result.authKey(), result.firstSalt(), result.timeOffset());
    return result;
  }

  /** Starts a new session on a key made before (on this or another connection). */
  void useKey(byte[] key, long salt, long timeOffset) {
    this.authKey = key.clone();
    this.session = ClientSession.create(key, salt, timeOffset, random);
  }

  /** Sends one plain message and returns the body of the answer. */
  byte[] plainRoundTrip(byte[] body) {
    send(new PlainMessage(plainIds.next(), body).encode());
    return PlainMessage.decode(receive()).body();
  }

  /** The result of one call: the decoded object, or the rpc_error. */
  record Outcome(TlObject result, RpcError error) {
    TlObject ok() {
      if (error != null) {
        throw new AssertionError("expected a result; got rpc_error " + error);
      }
      return result;
    }
  }

  /** Sends {@code query} as an API call and waits for its answer. */
  Outcome call(TlObject query) {
    ClientAction answer = exchange(codec.encode(query));
    return answer instanceof ClientAction.Result r ? new Outcome(codec.decode(r.body()), null)
        : new Outcome(null, ((ClientAction.Failed) answer).error());
  }

  /** Sends a serialised query and returns the serialised result (fails on rpc_error). */
  byte[] rawCall(byte[] query) {
    ClientAction answer = exchange(query);
    if (answer instanceof ClientAction.Failed f) {
      throw new AssertionError("expected a result; got rpc_error " + f.error());
    }
    return ((ClientAction.Result) answer).body();
  }

  /** Sends a query and reads until its Result or Failed arrives. */
  private ClientAction exchange(byte[] query) {
    Packed packed = session.pack(List.of(OutgoingMessage.query(query)), clock.instant());
    long msgId = packed.msgIds().get(0);
    packed.messages().forEach(this::send);
    while (true) {
      for (ClientAction action : session.receive(receive(), clock.instant())) {
        seen.add(action);
        if (action instanceof ClientAction.Result r && r.reqMsgId() == msgId
            || action instanceof ClientAction.Failed f && f.reqMsgId() == msgId) {
          return action;
        }
        msgId = react(action, msgId);
      }
    }
  }

  /** Sends a service message (ping, get_future_salts...) and returns the actions it led to. */
  List<ClientAction> service(TlObject message, Class<? extends ClientAction> until) {
    session.pack(List.of(OutgoingMessage.service(codec.encode(message))), clock.instant())
        .messages().forEach(this::send);
    List<ClientAction> got = new ArrayList<>();
    while (true) {
      for (ClientAction action : session.receive(receive(), clock.instant())) {
        seen.add(action);
        got.add(action);
        react(action, 0);
        if (until.isInstance(action)) {
          return got;
        }
      }
    }
  }

  /** Re-sends what the session asks; returns the query's msg_id afterwards. */
  private long react(ClientAction action, long msgId) {
    if (action instanceof ClientAction.Resend resend) {
      List<OutgoingMessage> again = new ArrayList<>();
      Map<Integer, Long> oldIds = new HashMap<>();
      for (ClientAction.Resent r : resend.messages()) {
        oldIds.put(again.size(), r.oldMsgId());
        again.add(r.message());
      }
      Packed packed = session.pack(again, clock.instant());
      packed.messages().forEach(this::send);
      for (int i = 0; i < again.size(); i++) {
        if (oldIds.get(i) == msgId) {
          msgId = packed.msgIds().get(i);
        }
      }
    } else if (action instanceof ClientAction.Reply reply) {
      session.pack(List.of(reply.message()), clock.instant()).messages().forEach(this::send);
    } else if (action instanceof ClientAction.Pushed p) {
      pushed.add(p.body());
    }
    return msgId;
  }

  void send(byte[] payload) {
    try {
      dial.connection.send(payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] receive() {
    try {
      byte[] payload = dial.connection.receive();
      return dial.connection.kind() == TransportKind.PADDED_INTERMEDIATE
          ? FrameIds.unpadded(payload) : payload;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  Instant now() {
    return clock.instant();
  }

  @Override
  public void close() throws IOException {
    dial.close();
  }
}
