package dev.jgram.testdc.event;

/**
 * One thing the cluster saw, as a test asserts on it and as {@code --events} writes it: one
 * JSON object a line.
 *
 * <pre>
 * {"ev":"key_exchange","dc":2,"auth_key_id":"&lt;16 hex&gt;","padding":"rsa_pad"|"sha1","inner":"p_q_inner_data_dc"}
 * {"ev":"rpc","dc":2,"auth_key_id":"…","session_id":"…","layer":198,"method":"users.getUsers","user_id":…|null,"error":null|"&lt;text&gt;"}
 * {"ev":"login","dc":2,"auth_key_id":"…","user_id":…,"bot":true|false}
 * </pre>
 *
 * <p>Key and session ids are written as 16 lower-case hex digits of the 64-bit value.
 */
public sealed interface ClusterEvent {

  /** The DC where it happened. */
  int dc();

  /** The event as one line of JSON, without the line break. */
  String json();

  /**
   * A key exchange completed and its key is stored; a second exchange on one connection is
   * its own event.
   *
   * @param dc the DC
   * @param authKeyId the new key's id
   * @param padding {@code rsa_pad} or {@code sha1}: how the client encrypted its inner data
   * @param inner the TL name of the inner data, e.g. {@code p_q_inner_data_dc}
   */
  record KeyExchange(int dc, long authKeyId, String padding, String inner)
      implements ClusterEvent {
    @Override
    public String json() {
      return "{\"ev\":\"key_exchange\",\"dc\":" + dc + ",\"auth_key_id\":" + Json.hex(authKeyId)
          + ",\"padding\":" + Json.string(padding) + ",\"inner\":" + Json.string(inner) + "}";
    }
  }

  /**
   * One API call answered (service messages are not RPCs).
   *
   * @param dc the DC
   * @param authKeyId the key it was encrypted with
   * @param sessionId the client's session id
   * @param layer the connection's layer, or 0 if none was announced yet
   * @param method the TL name of the innermost function, e.g. {@code users.getUsers}
   * @param userId the user the key was bound to when the answer was made, or null
   * @param error the rpc_error message, e.g. {@code AUTH_KEY_UNREGISTERED}, or null
   */
  record Rpc(int dc, long authKeyId, long sessionId, int layer, String method, Long userId,
      String error) implements ClusterEvent {
    @Override
    public String json() {
      return "{\"ev\":\"rpc\",\"dc\":" + dc + ",\"auth_key_id\":" + Json.hex(authKeyId)
          + ",\"session_id\":" + Json.hex(sessionId) + ",\"layer\":" + layer + ",\"method\":"
          + Json.string(method) + ",\"user_id\":" + (userId == null ? "null" : userId)
          + ",\"error\":" + (error == null ? "null" : Json.string(error)) + "}";
    }
  }

  /**
   * An auth key became bound to an account.
   *
   * @param dc the DC
   * @param authKeyId the key (the permanent one when a temporary key was used)
   * @param userId the account
   * @param bot whether the account is a bot
   */
  record Login(int dc, long authKeyId, long userId, boolean bot) implements ClusterEvent {
    @Override
    public String json() {
      return "{\"ev\":\"login\",\"dc\":" + dc + ",\"auth_key_id\":" + Json.hex(authKeyId)
          + ",\"user_id\":" + userId + ",\"bot\":" + bot + "}";
    }
  }
}
