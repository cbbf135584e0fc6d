package dev.jgram.testdc.api;

import dev.jgram.mtproto.tl.TlObject;

/** What an {@link ApiService} answers to one query: a result object or an RPC error. */
public sealed interface Answer {

  /** A result, encoded by the core in the connection's layer and sent in {@code rpc_result}. */
  record Result(TlObject value) implements Answer {}

  /**
   * An {@code rpc_error}, e.g. {@code 303 USER_MIGRATE_4} or {@code 420 FLOOD_WAIT_7}.
   *
   * @param code the error code
   * @param message the error message as Telegram spells it
   */
  record Error(int code, String message) implements Answer {}

  /** A result. */
  static Answer result(TlObject value) {
    return new Result(value);
  }

  /** An RPC error. */
  static Answer error(int code, String message) {
    return new Error(code, message);
  }
}
