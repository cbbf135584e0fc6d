package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.TlReader;

/**
 * Reads the layer of an {@code invokeWithLayer} from a query's bytes before the query is
 * decoded, since the layer decides which schema decodes the rest. Only
 * {@code invokeAfterMsg(s)} may come before it; their ids are the same in every layer.
 *
 * <pre>
 * invokeAfterMsg#cb9f372d msg_id:long query:!X
 * invokeAfterMsgs#3dc4b4f0 msg_ids:Vector&lt;long&gt; query:!X
 * invokeWithLayer#da9b0d0d layer:int query:!X
 * </pre>
 */
final class QueryPeek {
  static final int INVOKE_AFTER_MSG = 0xcb9f372d;
  static final int INVOKE_AFTER_MSGS = 0x3dc4b4f0;
  static final int INVOKE_WITH_LAYER = 0xda9b0d0d;

  private QueryPeek() {}

  /** The announced layer, or 0 if the query does not start with invokeWithLayer. */
  static int layer(byte[] query) {
    try {
      TlReader reader = new TlReader(query);
      int id = reader.readInt();
      if (id == INVOKE_AFTER_MSG) {
        reader.readLong();
        id = reader.readInt();
      } else if (id == INVOKE_AFTER_MSGS) {
        int count = reader.readVectorHeader();
        reader.readRaw(8 * count);
        id = reader.readInt();
      }
      return id == INVOKE_WITH_LAYER ? reader.readInt() : 0;
    } catch (RuntimeException e) {
      return 0;
    }
  }

  /** The constructor id the query starts with, or 0 if it is shorter than 4 bytes. */
  static int id(byte[] query) {
    return query.length < 4 ? 0 : (query[0] & 0xFF) | (query[1] & 0xFF) << 8
        | (query[2] & 0xFF) << 16 | (query[3] & 0xFF) << 24;
  }
}
