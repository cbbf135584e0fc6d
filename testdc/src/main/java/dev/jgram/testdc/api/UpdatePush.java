package dev.jgram.testdc.api;

import dev.jgram.mtproto.tl.TlObject;

/**
 * Where the services hand pushed {@code Updates} objects; the core delivers each to every
 * connected session whose auth key is bound to the user (connections that asked for
 * {@code invokeWithoutUpdates} excepted), encoded in each connection's layer.
 */
@FunctionalInterface
public interface UpdatePush {

  /** Pushes one {@code Updates} object to every live session of the user. */
  void push(long userId, TlObject updates);
}
