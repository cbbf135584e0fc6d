package dev.jgram.storage.format;

import java.util.List;
import java.util.Map;

/** {@link Json}'s compact writer, escaping strings as Go or JavaScript does. */
final class JsonWriter {
  private JsonWriter() {}

  @SuppressWarnings("unchecked")
  static void write(StringBuilder sb, Object value, Json.Style style) {
    if (value == null) {
      sb.append("null");
    } else if (value instanceof String s) {
      writeString(sb, s, style);
    } else if (value instanceof Json.Num n) {
      sb.append(n.text());
    } else if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
      sb.append(value);
    } else if (value instanceof Map<?, ?> map) {
      sb.append('{');
      boolean first = true;
      for (Map.Entry<String, Object> e : ((Map<String, Object>) map).entrySet()) {
        sb.append(first ? "" : ",");
        first = false;
        writeString(sb, e.getKey(), style);
        sb.append(':');
        write(sb, e.getValue(), style);
      }
      sb.append('}');
    } else if (value instanceof List<?> list) {
      sb.append('[');
      for (int i = 0; i < list.size(); i++) {
        sb.append(i == 0 ? "" : ",");
        write(sb, list.get(i), style);
      }
      sb.append(']');
    } else {
      throw new IllegalArgumentException("cannot write a " + value.getClass().getSimpleName());
    }
  }

  private static void writeString(StringBuilder sb, String s, Json.Style style) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '"' -> sb.append("\\\"");
        case '\\' -> sb.append("\\\\");
        case '\n' -> sb.append("\\n");
        case '\r' -> sb.append("\\r");
        case '\t' -> sb.append("\\t");
        case '\b' -> sb.append("\\b");
        case '\f' -> sb.append("\\f");
        default -> appendOther(sb, c, style);
      }
    }
    sb.append('"');
  }

  private static void appendOther(StringBuilder sb, char c, Json.Style style) {
    boolean goEscapes = style == Json.Style.GO
        && (c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029');
    if (c < 0x20 || goEscapes) {
      sb.append(String.format("\\u%04x", (int) c));
    } else {
      sb.append(c);
    }
  }
}
