package dev.jgram.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.jgram.NewMessage;
import dev.jgram.Update;
import dev.jgram.mtproto.tl.TlObject;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One delivered update as {@code jgram listen} prints it:
 *
 * <pre>
 * {"type":"updateNewMessage","pts":12,"qts":null,"channel_id":null,"message_id":7,
 *  "text":"hi","from_id":5000002}
 * </pre>
 *
 * <p>{@code pts} is the pts after the update where it is known (for a message from a
 * difference, where the difference tells: see {@link Update}), else null; {@code message_id} the id in the receiving account's box (or the
 * channel's); {@code from_id} the sender's user id, the private chat's user when the message
 * has no {@code from_id}.
 */
final class UpdateLine {
  private UpdateLine() {}

  static String format(Update u, boolean json) {
    Map<String, Object> f = fields(u);
    if (json) {
      try {
        return Json.mapper().writeValueAsString(f);
      } catch (JsonProcessingException e) {
        throw new IllegalStateException("an update line could not be written as JSON", e);
      }
    }
    StringBuilder line = new StringBuilder(u.type());
    f.forEach((k, v) -> {
      if (v != null && !k.equals("type") && !k.equals("text")) {
        line.append(' ').append(k).append('=').append(v);
      }
    });
    if (f.get("text") != null) {
      line.append(": ").append(f.get("text"));
    }
    return line.toString();
  }

  static Map<String, Object> fields(Update u) {
    Map<String, Object> f = new LinkedHashMap<>();
    f.put("type", u.type());
    f.put("pts", u.pts().orElse(null));
    f.put("qts", u.qts().orElse(null));
    TlObject message = u.message().filter(m -> m.has("id")).orElse(null);
    NewMessage m = message == null ? null : new NewMessage(u, message);
    Long channel = u.channelId().orElse(null);
    if (channel == null && m != null) {
      channel = m.channelId().orElse(null);
    }
    if (channel == null && u.tl().get("channel_id") instanceof Number n) {
      channel = n.longValue();
    }
    f.put("channel_id", channel);
    f.put("message_id", m == null ? null : m.id());
    f.put("text", m == null ? null : m.text());
    f.put("from_id", m == null ? null : m.fromId().orElse(null));
    return f;
  }
}
