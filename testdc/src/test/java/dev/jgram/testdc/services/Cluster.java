package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.CallContext;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.api.LoginEvent;
import dev.jgram.testdc.api.SessionUpdatePush;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Services of a three-DC cluster for tests, called directly (no sockets), with a clock that
 * moves only when told, seeded randomness, and every push and login recorded. Each result is
 * also encoded with every shipped schema ({@link Encodings}) before a test sees it.
 */
final class Cluster implements AutoCloseable {
  static final List<DcAddress> DCS = List.of(new DcAddress(1, "127.0.0.1", 20001),
      new DcAddress(2, "127.0.0.1", 20002), new DcAddress(3, "127.0.0.1", 20003));
  static final Instant START = Instant.parse("2026-12-07T03:00:00Z");
  static final int LAYER = 198;
  static final TlCodec WIRE = TlCodec.forLayer(LAYER);

  final TestClock clock = new TestClock(START);
  final List<Pushed> pushes = new ArrayList<>();
  final List<LoginEvent> logins = new ArrayList<>();
  /** Called with the user of every push, on the pushing thread (under the services' lock). */
  volatile java.util.function.LongConsumer onPush = userId -> { };
  final Services services;
  private final Random random;
  private long nextMsgId = 1;

  /**
   * One push.
   *
   * @param userId the account it went to
   * @param updates the Updates object
   * @param exceptKey the auth key of the session left out, or 0 when it went to every session
   * @param exceptSession the session left out, or 0
   */
  record Pushed(long userId, TlObject updates, long exceptKey, long exceptSession) {}

  /** Records pushes, checking that each encodes. */
  final class Recorder implements SessionUpdatePush {
    @Override
    public void push(long userId, TlObject updates) {
      pushExcept(userId, updates, 0, 0);
    }

    @Override
    public void pushExcept(long userId, TlObject updates, long authKeyId, long sessionId) {
      Encodings.checkPushEncodes(updates);
      pushes.add(new Pushed(userId, updates, authKeyId, sessionId));
      onPush.accept(userId);
    }
  }

  Cluster() {
    this(null, 7);
  }

  Cluster(Path stateDir, long seed) {
    random = new Random(seed);
    services = Services.open(DCS, clock, random::nextBytes, stateDir, new Recorder(),
        logins::add);
  }

  /**
   * Calls on DC {@code dc} with auth key {@code key} as a client would: the query goes through
   * the wire (encoded and decoded with the layer's schema) first. Returns the answer.
   */
  Answer call(int dc, long key, TlObject query) {
    return callRaw(dc, key, WIRE.decode(WIRE.encode(query)));
  }

  /** Calls with the query object as given, for methods the shipped schemas lack. */
  Answer callRaw(int dc, long key, TlObject query) {
    Answer answer = services.handle(new CallContext(dc, key, sessionOf(key), nextMsgId++,
        LAYER, 12345, false, 0), query);
    if (answer instanceof Answer.Result result) {
      Encodings.checkEncodes(query.name(), result.value());
    }
    return answer;
  }

  /** The session id calls with this key use. */
  static long sessionOf(long key) {
    return 0x5E55_1000L + key;
  }

  /** Calls and expects a result. */
  TlObject result(int dc, long key, TlObject query) {
    Answer answer = call(dc, key, query);
    assertThat(answer).as(query.name()).isInstanceOf(Answer.Result.class);
    return ((Answer.Result) answer).value();
  }

  /** Calls and expects an error; returns "CODE MESSAGE". */
  String error(int dc, long key, TlObject query) {
    Answer answer = call(dc, key, query);
    assertThat(answer).as(query.name()).isInstanceOf(Answer.Error.class);
    Answer.Error error = (Answer.Error) answer;
    return error.code() + " " + error.message();
  }

  /** Logs key {@code key} in as the bot on DC {@code dc}. */
  TlObject loginBot(int dc, long key, String token) {
    return result(dc, key, Queries.importBot(token));
  }

  /** Logs key {@code key} in as the user by code on DC {@code dc}. */
  TlObject loginUser(int dc, long key, String phone) {
    TlObject sent = result(dc, key, Queries.sendCode(phone));
    String code = services.loginCode(phone).orElseThrow();
    return result(dc, key, Queries.signIn(phone, sent.string("phone_code_hash"), code));
  }

  List<TlObject> pushesTo(long userId) {
    return pushes.stream().filter(p -> p.userId() == userId).map(Pushed::updates).toList();
  }

  @Override
  public void close() {
    services.close();
  }
}
