package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.TlObject;

/** A live session that pushed updates can reach, encoded in its connection's layer. */
interface PushTarget {

  /** Whether its connection takes updates (it did not ask for invokeWithoutUpdates). */
  boolean acceptsUpdates();

  /** Whether this is session {@code sessionId} on auth key {@code authKeyId}. */
  boolean is(long authKeyId, long sessionId);

  /** Sends one {@code Updates} object as a server-initiated message. */
  void push(TlObject updates);
}
