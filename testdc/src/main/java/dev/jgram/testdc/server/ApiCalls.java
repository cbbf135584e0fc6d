package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.Layers;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlWriter;
import dev.jgram.testdc.api.Answer;
import dev.jgram.testdc.api.ApiService;
import dev.jgram.testdc.api.CallContext;
import dev.jgram.testdc.event.ClusterEvent;
import dev.jgram.testdc.event.EventLog;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * The RPC path of one DC: decodes an API query in the connection's layer, takes its wrappers
 * off, enforces {@code initConnection}, binds temporary keys, asks the {@link ApiService},
 * encodes the answer in the connection's layer (the session layer wraps it in
 * {@code rpc_result}) and logs the call.
 *
 * <pre>
 * query layer below every shipped one  -&gt; 400 CONNECTION_LAYER_INVALID
 * query undecodable in its layer       -&gt; 400 INPUT_METHOD_INVALID_&lt;ID&gt; (the constructor id
 *                                         in upper-case hex; logged as #&lt;id&gt;)
 * connection not initialised           -&gt; 400 CONNECTION_NOT_INITED
 * temporary key not bound              -&gt; 401 AUTH_KEY_PERM_EMPTY
 * auth.bindTempAuthKey                 -&gt; answered here ({@link TempKeys})
 * service threw                        -&gt; 500 INTERNAL (logged)
 * </pre>
 */
final class ApiCalls {
  private static final System.Logger LOG = System.getLogger(ApiCalls.class.getName());
  static final int RPC_ERROR = 0x2144ca19;

  private final int dcId;
  private final ApiService service;
  private final LayerCodecs codecs;
  private final EventLog events;
  private final TempKeys tempKeys;

  ApiCalls(int dcId, ApiService service, LayerCodecs codecs, EventLog events,
      TempKeys tempKeys) {
    this.dcId = dcId;
    this.service = service;
    this.codecs = codecs;
    this.events = events;
    this.tempKeys = tempKeys;
  }

  /**
   * Who sent a query: the key and session it came on.
   *
   * @param authKeyId the key the query was encrypted with
   * @param sessionId the client's session
   * @param temporaryKey whether that key is temporary
   * @param permanentKeyId the permanent key a temporary key is bound to, or 0
   */
  record Caller(long authKeyId, long sessionId, boolean temporaryKey, long permanentKeyId) {}

  /**
   * An answered query: the serialised result (an object of the connection's layer, or
   * {@code rpc_error}) for {@code rpc_result}, and the user the key belongs to now, or null.
   */
  record Reply(byte[] result, Long userId) {}

  /** Answers one API query received with message id {@code msgId}. */
  Reply call(ConnectionState connection, Caller caller, long msgId, byte[] query) {
    OptionalInt announced = Layers.announced(query);
    if (announced.isPresent() && codecs.codec(announced.getAsInt()) == null) {
      return finish(connection, caller, "#" + hexId(query), null,
          Answer.error(400, "CONNECTION_LAYER_INVALID"));
    }
    Unwrapped unwrapped;
    try {
      unwrapped = decode(connection, announced, query);
    } catch (TlException | ClassCastException e) {
      return finish(connection, caller, "#" + hexId(query), null,
          Answer.error(400, "INPUT_METHOD_INVALID_" + hexId(query).toUpperCase(
              java.util.Locale.ROOT)));
    }
    connection.announce(unwrapped);
    String method = unwrapped.query().name();
    if (!connection.initialized()) {
      return finish(connection, caller, method, null,
          Answer.error(400, "CONNECTION_NOT_INITED"));
    }
    if (method.equals("auth.bindTempAuthKey")) {
      Answer answer = tempKeys.bind(caller, msgId, unwrapped.query());
      if (answer instanceof Answer.Result) {
        connection.requireInitAgain();
      }
      return finish(connection, caller, method, unwrapped.query(), answer);
    }
    if (caller.temporaryKey() && caller.permanentKeyId() == 0) {
      return finish(connection, caller, method, null, Answer.error(401, "AUTH_KEY_PERM_EMPTY"));
    }
    CallContext context = new CallContext(dcId, caller.authKeyId(), caller.sessionId(), msgId,
        effectiveLayer(connection), connection.apiId(), caller.temporaryKey(),
        caller.permanentKeyId());
    return finish(connection, caller, method, unwrapped.query(), ask(context, unwrapped));
  }

  /** The innermost method of a query, for the log; {@code #<id>} if it cannot be decoded. */
  String methodName(ConnectionState connection, byte[] query) {
    try {
      return decode(connection, Layers.announced(query), query).query().name();
    } catch (TlException | ClassCastException | NullPointerException e) {
      return "#" + hexId(query);
    }
  }

  /** The user an auth key is logged in as, or null. */
  Long userOf(long authKeyId) {
    OptionalLong user = service.userOf(authKeyId);
    return user.isPresent() ? user.getAsLong() : null;
  }

  private Unwrapped decode(ConnectionState connection, OptionalInt announced, byte[] query) {
    TlCodec codec = codecs.forConnection(announced.orElse(connection.layer()));
    return Unwrapped.of(codec.decode(query));
  }

  private Answer ask(CallContext context, Unwrapped unwrapped) {
    try {
      Answer answer = service.handle(context, unwrapped.query());
      if (answer == null) {
        throw new IllegalStateException("the API service answered null to "
            + unwrapped.query().name());
      }
      return answer;
    } catch (RuntimeException e) {
      LOG.log(System.Logger.Level.WARNING, "API service failed on "
          + unwrapped.query().name(), e);
      return Answer.error(500, "INTERNAL");
    }
  }

  private Reply finish(ConnectionState connection, Caller caller, String method,
      TlObject query, Answer answer) {
    byte[] body = encode(connection, query, answer);
    if (body == null) {
      answer = Answer.error(500, "INTERNAL");
      body = encode(connection, null, answer);
    }
    Long userId = userOf(caller.temporaryKey() && caller.permanentKeyId() != 0
        ? caller.permanentKeyId() : caller.authKeyId());
    String error = answer instanceof Answer.Error e ? e.message() : null;
    events.add(new ClusterEvent.Rpc(dcId, caller.authKeyId(), caller.sessionId(),
        connection.layer(), method, userId, error));
    return new Reply(body, userId);
  }

  /** The answer's bytes in the connection's layer, or null if it does not fit the schema. */
  private byte[] encode(ConnectionState connection, TlObject query, Answer answer) {
    if (answer instanceof Answer.Error error) {
      return new TlWriter().writeInt(RPC_ERROR).writeInt(error.code())
          .writeString(error.message()).toByteArray();
    }
    TlObject value = ((Answer.Result) answer).value();
    try {
      return ResultEncoding.encode(codecs.schemaForConnection(connection.layer()), query, value);
    } catch (TlException | ClassCastException | IllegalArgumentException e) {
      LOG.log(System.Logger.Level.WARNING, "answer to " + (query == null ? "?" : query.name())
          + " does not fit layer " + effectiveLayer(connection), e);
      return null;
    }
  }

  private int effectiveLayer(ConnectionState connection) {
    return connection.layer() == 0 ? codecs.defaultLayer() : connection.layer();
  }

  private static String hexId(byte[] query) {
    int id = query.length < 4 ? 0 : (query[0] & 0xFF) | (query[1] & 0xFF) << 8
        | (query[2] & 0xFF) << 16 | (query[3] & 0xFF) << 24;
    return String.format("%08x", id);
  }
}
