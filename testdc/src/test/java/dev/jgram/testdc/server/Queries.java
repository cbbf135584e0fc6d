package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import java.util.List;
import java.util.Map;

/** Queries the core's tests send, and the per-layer ids they check. */
final class Queries {
  /** The {@code user} constructor id in each shipped layer. */
  static final Map<Integer, Integer> USER_IDS = Map.of(158, 0x8f97c628, 198, 0x4b46c37e,
      227, 0x31774388);

  private Queries() {}

  /** {@code invokeWithLayer(layer, initConnection(..., query))}. */
  static TlObject wrapped(int layer, TlObject query) {
    return TlObject.of("invokeWithLayer", "layer", layer, "query",
        TlObject.of("initConnection", "api_id", 6, "device_model", "jgram test",
            "system_version", "1", "app_version", "1", "system_lang_code", "en",
            "lang_pack", "", "lang_code", "en", "query", query));
  }

  static TlObject importBot() {
    return TlObject.of("auth.importBotAuthorization", "flags", 0, "api_id", 6, "api_hash",
        "0123456789abcdef", "bot_auth_token", "42:secret");
  }

  /** users.getUsers([inputUserSelf]) serialised in {@code layer}. */
  static byte[] getUsersSelf(int layer) {
    return TlCodec.forLayer(layer).encode(TlObject.of("users.getUsers", "id",
        List.of(TlObject.of("inputUserSelf"))));
  }

  /** The constructor id of the first element of a serialised {@code Vector<User>}. */
  static int firstUserConstructor(byte[] vector) {
    return (vector[8] & 0xFF) | (vector[9] & 0xFF) << 8 | (vector[10] & 0xFF) << 16
        | (vector[11] & 0xFF) << 24;
  }
}
