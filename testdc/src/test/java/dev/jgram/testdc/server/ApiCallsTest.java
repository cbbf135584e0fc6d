package dev.jgram.testdc.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.ApiService;
import dev.jgram.testdc.api.CallContext;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.event.ClusterEvent;
import dev.jgram.testdc.event.EventLog;
import java.time.Clock;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ApiCallsTest {
  private static final TlCodec CODEC = TlCodec.jgram();
  private static final ApiCalls.Caller CALLER = new ApiCalls.Caller(0x1234L, 0x99L, false, 0);

  private final EventLog events = EventLog.open(null, 1000);
  private final TestServices services = new TestServices(List.of(new DcAddress(2, "127.0.0.1",
      20002)), (user, updates) -> { });
  private final ApiCalls calls = new ApiCalls(2, services, LayerCodecs.shipped(), events,
      new TempKeys(KeyStore.inMemory(2), Clock.systemUTC()));

  @Test
  void firstQueryWithoutInitConnectionIsRefusedWithConnectionNotInited() {
    ConnectionState connection = new ConnectionState();
    ApiCalls.Reply reply = calls.call(connection, CALLER, 400,
        CODEC.encode(TlObject.of("updates.getState")));
    assertThat(result(reply)).isEqualTo(error(400, "CONNECTION_NOT_INITED"));
    assertThat(services.queries).isEmpty();
    assertThat(events.events()).containsExactly(new ClusterEvent.Rpc(2, 0x1234L, 0x99L, 0,
        "updates.getState", null, "CONNECTION_NOT_INITED"));
  }

  @Test
  void initConnectionCountsForTheConnectionNotTheSession() {
    ConnectionState connection = new ConnectionState();
    calls.call(connection, CALLER, 400, wrapped(198, TlObject.of("updates.getState")));
    ApiCalls.Caller otherSession = new ApiCalls.Caller(0x1234L, 0x77L, false, 0);
    ApiCalls.Reply reply = calls.call(connection, otherSession, 404,
        CODEC.encode(TlObject.of("updates.getState")));
    assertThat(CODEC.decode(body(reply)).name()).isEqualTo("updates.state");
    assertThat(services.contexts).extracting(c -> c.sessionId()).containsExactly(0x99L, 0x77L);
    assertThat(services.contexts).extracting(c -> c.layer()).containsExactly(198, 198);
    assertThat(services.contexts).extracting(c -> c.apiId()).containsExactly(6, 6);
  }

  @Test
  void aNewConnectionMustInitAgain() {
    calls.call(new ConnectionState(), CALLER, 400, wrapped(198, TlObject.of("updates.getState")));
    ApiCalls.Reply reply = calls.call(new ConnectionState(), CALLER, 404,
        CODEC.encode(TlObject.of("updates.getState")));
    assertThat(result(reply)).isEqualTo(error(400, "CONNECTION_NOT_INITED"));
  }

  @Test
  void unsupportedLayerIsRefusedWithConnectionLayerInvalid() {
    ConnectionState connection = new ConnectionState();
    byte[] query = CODEC.encode(TlObject.of("invokeWithLayer", "layer", 12, "query",
        TlObject.of("updates.getState")));
    ApiCalls.Reply reply = calls.call(connection, CALLER, 400, query);
    assertThat(result(reply)).isEqualTo(error(400, "CONNECTION_LAYER_INVALID"));
    assertThat(connection.layer()).isZero();
    assertThat(((ClusterEvent.Rpc) events.events().get(0)).method()).isEqualTo("#da9b0d0d");
  }

  @Test
  void vectorResultIsEncodedAsTheFunctionsVectorType() {
    ConnectionState connection = new ConnectionState();
    calls.call(connection, CALLER, 400, wrapped(198, TlObject.of("auth.importBotAuthorization",
        "flags", 0, "api_id", 6, "api_hash", "h", "bot_auth_token", "42:x")));
    ApiCalls.Reply reply = calls.call(connection, CALLER, 404, CODEC.encode(TlObject.of(
        "users.getUsers", "id", List.of(TlObject.of("inputUserSelf")))));
    Object users = CODEC.decode(body(reply), "Vector<User>");
    assertThat(users).asList().singleElement()
        .extracting(u -> ((TlObject) u).longValue("id")).isEqualTo(42L);
    assertThat(reply.userId()).isEqualTo(42L);
    assertThat(events.events()).last().isEqualTo(new ClusterEvent.Rpc(2, 0x1234L, 0x99L, 198,
        "users.getUsers", 42L, null));
  }

  @Test
  void queryNoSchemaOfItsLayerKnowsIsRefusedNamingItsConstructorId() {
    ConnectionState connection = new ConnectionState();
    calls.call(connection, CALLER, 400, wrapped(198, TlObject.of("updates.getState")));
    byte[] unknown = {1, 2, 3, 4};
    ApiCalls.Reply reply = calls.call(connection, CALLER, 404, unknown);
    assertThat(result(reply)).isEqualTo(error(400, "INPUT_METHOD_INVALID_04030201"));
    assertThat(((ClusterEvent.Rpc) events.events().get(1)).method()).isEqualTo("#04030201");
  }

  @Test
  void temporaryKeyNotBoundIsRefusedWithAuthKeyPermEmpty() {
    ConnectionState connection = new ConnectionState();
    ApiCalls.Caller temporary = new ApiCalls.Caller(0x55L, 1, true, 0);
    ApiCalls.Reply reply = calls.call(connection, temporary, 400,
        wrapped(198, TlObject.of("updates.getState")));
    assertThat(result(reply)).isEqualTo(error(401, "AUTH_KEY_PERM_EMPTY"));
    ApiCalls.Caller bound = new ApiCalls.Caller(0x55L, 1, true, 0x1234L);
    calls.call(connection, bound, 404, CODEC.encode(TlObject.of("updates.getState")));
    assertThat(services.contexts).singleElement()
        .satisfies(c -> assertThat(c.effectiveAuthKeyId()).isEqualTo(0x1234L));
  }

  @Test
  void serviceFailureIsAnsweredWithInternalErrorAndLogged() {
    ApiService failing = new ApiService() {
      @Override
      public Answer handle(CallContext context, TlObject query) {
        throw new IllegalStateException("the service fails on purpose");
      }

      @Override
      public OptionalLong userOf(long authKeyId) {
        return OptionalLong.empty();
      }
    };
    ApiCalls failingCalls = new ApiCalls(2, failing, LayerCodecs.shipped(), events,
        new TempKeys(KeyStore.inMemory(2), Clock.systemUTC()));
    ApiCalls.Reply reply = failingCalls.call(new ConnectionState(), CALLER, 400,
        wrapped(198, TlObject.of("updates.getState")));
    assertThat(result(reply)).isEqualTo(error(500, "INTERNAL"));
    assertThat(((ClusterEvent.Rpc) events.events().get(0)).error()).isEqualTo("INTERNAL");
  }

  private static byte[] wrapped(int layer, TlObject query) {
    return CODEC.encode(TlObject.of("invokeWithLayer", "layer", layer, "query",
        TlObject.of("initConnection", "api_id", 6, "device_model", "test",
            "system_version", "1", "app_version", "1", "system_lang_code", "en", "lang_pack", "",
            "lang_code", "en", "query", query)));
  }

  private static TlObject result(ApiCalls.Reply reply) {
    return CODEC.decode(body(reply));
  }

  private static byte[] body(ApiCalls.Reply reply) {
    return reply.result();
  }

  private static TlObject error(int code, String message) {
    return TlObject.of("rpc_error", "error_code", code, "error_message", message);
  }
}
