package dev.jgram.testdc.event;

/** The little JSON the event lines need: quoted strings and hex ids. */
final class Json {
  private Json() {}

  /** A 64-bit id as a quoted string of 16 lower-case hex digits. */
  static String hex(long id) {
    return "\"" + String.format("%016x", id) + "\"";
  }

  /** A JSON string literal. */
  static String string(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
