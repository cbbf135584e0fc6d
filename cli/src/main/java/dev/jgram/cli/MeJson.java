package dev.jgram.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jgram.mtproto.api.User;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What {@code login --json} and {@code me --json} print, on one line, keys in this order:
 * <pre>{"id":…,"is_bot":…,"username":…|null,"first_name":…,"dc_id":…,"key_exchanges":N}</pre>
 */
final class MeJson {
  private MeJson() {}

  static Map<String, Object> of(User me, Integer dcId, int keyExchanges) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", me.id());
    m.put("is_bot", me.bot());
    m.put("username", me.usernames().isEmpty() ? null : me.usernames().get(0));
    m.put("first_name", me.firstName());
    m.put("dc_id", dcId);
    m.put("key_exchanges", keyExchanges);
    return m;
  }

  static void print(PrintWriter out, boolean json, User me, Integer dcId, int keyExchanges) {
    Map<String, Object> m = of(me, dcId, keyExchanges);
    if (json) {
      try {
        out.println(Json.mapper().writeValueAsString(m));
      } catch (JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
      return;
    }
    m.forEach((k, v) -> out.printf("%-13s %s%n", k, v == null ? "none" : v));
  }
}
