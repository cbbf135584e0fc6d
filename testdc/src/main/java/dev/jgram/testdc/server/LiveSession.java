package dev.jgram.testdc.server;

import dev.jgram.mtproto.session.ServerSession;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;

/**
 * A session as the core routes to it: the session layer's state and the connection its last
 * message came on, where answers and pushes go.
 */
final class LiveSession implements PushTarget {
  private final ServerSession session;
  private final ClusterContext context;
  private volatile DcConnection connection;

  LiveSession(ServerSession session, DcConnection connection, ClusterContext context) {
    this.session = session;
    this.connection = connection;
    this.context = context;
  }

  ServerSession session() {
    return session;
  }

  DcConnection connection() {
    return connection;
  }

  /** The session's messages now arrive on {@code latest}. */
  void movedTo(DcConnection latest) {
    this.connection = latest;
  }

  @Override
  public boolean acceptsUpdates() {
    DcConnection current = connection;
    return !current.isClosed() && !current.state().withoutUpdates();
  }

  @Override
  public boolean is(long authKeyId, long sessionId) {
    return session.authKeyId() == authKeyId && session.sessionId() == sessionId;
  }

  @Override
  public void push(TlObject updates) {
    DcConnection current = connection;
    TlCodec codec = context.codecs().forConnection(current.state().layer());
    byte[] body = codec.encode(updates);
    current.sendAll(session.push(body, context.clock().instant()));
  }
}
