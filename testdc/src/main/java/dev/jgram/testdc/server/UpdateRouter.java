package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.testdc.api.SessionUpdatePush;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the services push updates: every live session bound to the user gets each one, except
 * sessions on connections that asked for {@code invokeWithoutUpdates} (and, for
 * {@link #pushExcept}, the session whose query caused the update). A session is bound when
 * a query on it is answered while its key belongs to the user, and unbound when its connection
 * closes or its key changes hands.
 */
final class UpdateRouter implements SessionUpdatePush {
  private final Map<Long, Set<PushTarget>> byUser = new ConcurrentHashMap<>();
  private final Map<PushTarget, Long> userOf = new ConcurrentHashMap<>();

  @Override
  public void push(long userId, TlObject updates) {
    for (PushTarget target : byUser.getOrDefault(userId, Set.of())) {
      if (target.acceptsUpdates()) {
        target.push(updates);
      }
    }
  }

  @Override
  public void pushExcept(long userId, TlObject updates, long authKeyId, long sessionId) {
    for (PushTarget target : byUser.getOrDefault(userId, Set.of())) {
      if (target.acceptsUpdates() && !target.is(authKeyId, sessionId)) {
        target.push(updates);
      }
    }
  }

  /** Binds {@code target} to {@code userId} (null: to nobody). */
  void bind(PushTarget target, Long userId) {
    Long previous = userId == null ? userOf.remove(target) : userOf.put(target, userId);
    if (previous != null && !previous.equals(userId)) {
      Set<PushTarget> set = byUser.get(previous);
      if (set != null) {
        set.remove(target);
      }
    }
    if (userId != null) {
      byUser.computeIfAbsent(userId, k -> ConcurrentHashMap.newKeySet()).add(target);
    }
  }

  /** Forgets {@code target}. */
  void unbind(PushTarget target) {
    bind(target, null);
  }

  /** How many live sessions are bound to {@code userId}. */
  int sessionsOf(long userId) {
    return byUser.getOrDefault(userId, Set.of()).size();
  }
}
