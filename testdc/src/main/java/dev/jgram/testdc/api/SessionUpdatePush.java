package dev.jgram.testdc.api;

import dev.jgram.mtproto.tl.TlObject;

/**
 * An {@link UpdatePush} that can leave out one session, as Telegram does: the session whose
 * query caused an update gets it in the query's result, and only the account's other sessions
 * get it pushed. Services given a plain {@code UpdatePush} push nothing to the account whose
 * query caused the update (its other sessions then learn of it from {@code getDifference}),
 * since pushing it to the sending session too would show that client its own message as new.
 */
public interface SessionUpdatePush extends UpdatePush {

  /**
   * Pushes one {@code Updates} object to every live session of the user except the session
   * {@code sessionId} on auth key {@code authKeyId} (the key the query came on, temporary or not).
   */
  void pushExcept(long userId, TlObject updates, long authKeyId, long sessionId);
}
