package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;

/**
 * An API query with its connection wrappers taken off.
 *
 * @param query the innermost function call
 * @param layer the layer from {@code invokeWithLayer}, or 0
 * @param initConnection whether {@code initConnection} wrapped it
 * @param apiId the api_id from {@code initConnection}, or 0
 * @param withoutUpdates whether {@code invokeWithoutUpdates} wrapped it
 * @param afterMsgIds the ids from {@code invokeAfterMsg(s)}, empty if none
 */
record Unwrapped(TlObject query, int layer, boolean initConnection, int apiId,
    boolean withoutUpdates, List<Long> afterMsgIds) {

  /**
   * Takes off {@code invokeAfterMsg(s)}, {@code invokeWithLayer}, {@code initConnection} and
   * {@code invokeWithoutUpdates} in any nesting.
   */
  static Unwrapped of(TlObject call) {
    TlObject query = call;
    int layer = 0;
    boolean init = false;
    int apiId = 0;
    boolean withoutUpdates = false;
    List<Long> after = List.of();
    while (true) {
      switch (query.name()) {
        case "invokeAfterMsg" -> after = List.of(query.longValue("msg_id"));
        case "invokeAfterMsgs" -> after = query.list("msg_ids");
        case "invokeWithLayer" -> layer = query.intValue("layer");
        case "initConnection" -> {
          init = true;
          apiId = query.intValue("api_id");
        }
        case "invokeWithoutUpdates" -> withoutUpdates = true;
        default -> {
          return new Unwrapped(query, layer, init, apiId, withoutUpdates, after);
        }
      }
      query = query.object("query");
    }
  }
}
