package dev.jgram.testdc.server;

import dev.jgram.mtproto.auth.TempKeyBinding;
import dev.jgram.mtproto.auth.TempKeyBindingException;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.Answer;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Temporary keys of one DC bound to permanent ones by {@code auth.bindTempAuthKey}, kept in
 * memory as the temporary keys are ({@link TempKeyBinding} checks the binding message).
 *
 * <pre>
 * the key the request came on is not temporary      -&gt; 400 TEMP_AUTH_KEY_EMPTY
 * already bound                                    -&gt; 400 TEMP_AUTH_KEY_ALREADY_BOUND
 * permanent key unknown or any check of the        -&gt; 400 ENCRYPTED_MESSAGE_INVALID
 *   binding message fails
 * </pre>
 */
final class TempKeys {
  private final KeyStore keys;
  private final Clock clock;
  private final Map<Long, Long> permanentOf = new ConcurrentHashMap<>();

  TempKeys(KeyStore keys, Clock clock) {
    this.keys = keys;
    this.clock = clock;
  }

  /** The permanent key a temporary key is bound to, or 0. */
  long permanentOf(long temporaryKeyId) {
    return permanentOf.getOrDefault(temporaryKeyId, 0L);
  }

  /** Answers {@code auth.bindTempAuthKey} received on {@code caller}'s key as {@code msgId}. */
  Answer bind(ApiCalls.Caller caller, long msgId, TlObject query) {
    if (!caller.temporaryKey()) {
      return Answer.error(400, "TEMP_AUTH_KEY_EMPTY");
    }
    if (permanentOf.containsKey(caller.authKeyId())) {
      return Answer.error(400, "TEMP_AUTH_KEY_ALREADY_BOUND");
    }
    try {
      TempKeyBinding.Bound bound = TempKeyBinding.check(query, msgId, caller.authKeyId(),
          caller.sessionId(), this::permanentKey);
      permanentOf.put(bound.tempAuthKeyId(), bound.permAuthKeyId());
      return Answer.result(TlObject.of("boolTrue"));
    } catch (TempKeyBindingException e) {
      return Answer.error(400, TempKeyBindingException.RPC_ERROR);
    }
  }

  private byte[] permanentKey(long id) {
    StoredKey key = keys.find(id, clock.instant().getEpochSecond());
    return key == null || key.temporary() ? null : key.key();
  }
}
