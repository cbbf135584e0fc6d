package dev.jgram.testdc.server;

/**
 * What one TCP connection announced: its layer, whether {@code initConnection} came (Telegram
 * requires it on the first API query of every connection, and mtcute keeps it across new
 * session ids on one connection, so it belongs to the connection, not the session), its api_id
 * and whether it asked for no updates. Touched only on the connection's I/O thread, except
 * {@link #withoutUpdates()} and {@link #layer()}, which pushes read from other threads.
 */
final class ConnectionState {
  private volatile int layer;
  private boolean initialized;
  private int apiId;
  private volatile boolean withoutUpdates;

  int layer() {
    return layer;
  }

  boolean initialized() {
    return initialized;
  }

  int apiId() {
    return apiId;
  }

  boolean withoutUpdates() {
    return withoutUpdates;
  }

  /** Takes what an unwrapped query announced. */
  void announce(Unwrapped query) {
    if (query.layer() > 0) {
      layer = query.layer();
    }
    if (query.initConnection()) {
      initialized = true;
      apiId = query.apiId();
    }
    if (query.withoutUpdates()) {
      withoutUpdates = true;
    }
  }

  /** After auth.bindTempAuthKey a client must call initConnection again. */
  void requireInitAgain() {
    initialized = false;
  }
}
