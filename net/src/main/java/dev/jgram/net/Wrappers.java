package dev.jgram.net;

import dev.jgram.mtproto.tl.TlSchema;
import dev.jgram.mtproto.tl.TlWriter;

/**
 * The TL wrappers and service messages the connection writes itself, byte for byte.
 *
 * <pre>
 * invokeWithLayer#da9b0d0d layer:int query:!X
 * initConnection#c1cd5ea9 flags:# api_id:int device_model:string system_version:string
 *     app_version:string system_lang_code:string lang_pack:string lang_code:string
 *     proxy:flags.0?InputClientProxy params:flags.1?JSONValue query:!X
 * ping_delay_disconnect#f3427b8c ping_id:long disconnect_delay:int
 * </pre>
 */
final class Wrappers {
  static final int INVOKE_WITH_LAYER = 0xda9b0d0d;
  static final int INIT_CONNECTION = 0xc1cd5ea9;
  static final int PING_DELAY_DISCONNECT = 0xf3427b8c;

  private Wrappers() {}

  /** {@code invokeWithLayer(layer, initConnection(params, query))}. */
  static byte[] initConnection(int layer, InitParams p, byte[] query) {
    return new TlWriter().writeInt(INVOKE_WITH_LAYER).writeInt(layer)
        .writeInt(INIT_CONNECTION).writeInt(0).writeInt(p.apiId())
        .writeString(p.deviceModel()).writeString(p.systemVersion())
        .writeString(p.appVersion()).writeString(p.systemLangCode())
        .writeString(p.langPack()).writeString(p.langCode())
        .writeRaw(query).toByteArray();
  }

  /** {@code ping_delay_disconnect(pingId, delaySeconds)}. */
  static byte[] pingDelayDisconnect(long pingId, int delaySeconds) {
    return new TlWriter().writeInt(PING_DELAY_DISCONNECT).writeLong(pingId)
        .writeInt(delaySeconds).toByteArray();
  }

  /** The name of the method a serialised query calls, or its constructor id in hex. */
  static String methodName(TlSchema schema, byte[] query) {
    if (query.length < 4) {
      return "?";
    }
    int id = (query[0] & 0xff) | (query[1] & 0xff) << 8 | (query[2] & 0xff) << 16
        | (query[3] & 0xff) << 24;
    return schema.byId(id).map(c -> c.name()).orElse(String.format("#%08x", id));
  }
}
