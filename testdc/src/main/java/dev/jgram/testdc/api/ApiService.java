package dev.jgram.testdc.api;

import dev.jgram.mtproto.tl.TlObject;
import java.util.OptionalLong;

/**
 * The API half of a test cluster: one instance serves every DC of a cluster, so exported
 * authorisations, accounts and update state are cluster-wide. The connection core calls it
 * from its I/O threads; implementations are thread-safe.
 */
public interface ApiService {

  /**
   * Answers one API query. The core has already unwrapped {@code invokeWithLayer},
   * {@code initConnection}, {@code invokeWithoutUpdates} and {@code invokeAfterMsg(s)}; the
   * query is a function call of the connection's layer.
   */
  Answer handle(CallContext context, TlObject query);

  /** The user an auth key is logged in as, if any. */
  OptionalLong userOf(long authKeyId);
}
