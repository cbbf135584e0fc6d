package dev.jgram.storage.format;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small strict JSON reader (RFC 8259) and a compact writer that reproduces two encoders
 * byte for byte: Go's {@code encoding/json} (gotd) and JavaScript's {@code JSON.stringify}
 * (GramJS). Only what the session formats need.
 *
 * <p>Values: objects are {@code Map<String, Object>} in document order, arrays
 * {@code List<Object>}, strings {@code String}, numbers {@link Num} (their exact text),
 * {@code true}/{@code false} {@code Boolean}, {@code null} Java {@code null}. The writer also
 * takes {@code Long} and {@code Integer}. Errors give offsets, never content, since the input
 * holds auth keys.
 */
final class Json {
  /** A JSON number kept as its text, so that re-encoding does not change it. */
  record Num(String text) {}

  /** Which encoder's string escaping to reproduce. */
  enum Style {
    /** Go's encoding/json: also escapes {@code < > &} and U+2028/U+2029. */
    GO,
    /** JavaScript's JSON.stringify. */
    JS
  }

  private static final int MAX_DEPTH = 64;
  private final String text;
  private int pos;

  private Json(String text) {
    this.text = text;
  }

  /**
   * Parses one JSON value filling the whole text (surrounding whitespace allowed).
   *
   * @throws IllegalArgumentException naming the offset and what was expected
   */
  static Object parse(String text) {
    Json p = new Json(text);
    p.skipWhitespace();
    Object value = p.value(0);
    p.skipWhitespace();
    if (p.pos != text.length()) {
      throw p.error("end of input after the value");
    }
    return value;
  }

  /** Writes {@code value} compactly in the given encoder's style. */
  static String write(Object value, Style style) {
    StringBuilder sb = new StringBuilder();
    JsonWriter.write(sb, value, style);
    return sb.toString();
  }

  /** A parsed value that must be a 64-bit integer; {@code name} is the member's, for messages. */
  static long integer(Object value, String name) {
    if (!(value instanceof Num n)) {
      throw new IllegalArgumentException(name + " is " + kind(value) + "; expected a number");
    }
    try {
      return Long.parseLong(n.text());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " is not a 64-bit integer", e);
    }
  }

  /** A parsed value that must be a string or null ("Addr is a number; expected a string"). */
  static String string(Object value, String name) {
    return nullable(value, String.class, name, "a string");
  }

  /** A parsed value that must be an object or null ("Data is an array; expected an object"). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> object(Object value, String name) {
    return nullable(value, Map.class, name, "an object");
  }

  private static <T> T nullable(Object value, Class<T> type, String name, String expected) {
    if (value != null && !type.isInstance(value)) {
      throw new IllegalArgumentException(name + " is " + kind(value) + "; expected " + expected);
    }
    return type.cast(value);
  }

  /** What a parsed value is, for messages ("a string", "missing or null"). */
  private static String kind(Object value) {
    if (value == null) {
      return "missing or null";
    }
    if (value instanceof Map) {
      return "an object";
    }
    if (value instanceof List) {
      return "an array";
    }
    return value instanceof String ? "a string"
        : value instanceof Boolean ? "a boolean" : "a number";
  }

  private Object value(int depth) {
    if (depth > MAX_DEPTH) {
      throw error("nesting of at most " + MAX_DEPTH + " levels");
    }
    if (pos >= text.length()) {
      throw error("a value");
    }
    char c = text.charAt(pos);
    return switch (c) {
      case '{' -> object(depth);
      case '[' -> array(depth);
      case '"' -> string();
      case 't' -> literal("true", Boolean.TRUE);
      case 'f' -> literal("false", Boolean.FALSE);
      case 'n' -> literal("null", null);
      default -> number();
    };
  }

  private Map<String, Object> object(int depth) {
    Map<String, Object> map = new LinkedHashMap<>();
    pos++;
    skipWhitespace();
    if (peek() == '}') {
      pos++;
      return map;
    }
    while (true) {
      skipWhitespace();
      if (peek() != '"') {
        throw error("a member name in double quotes");
      }
      int at = pos;
      String name = string();
      skipWhitespace();
      expect(':');
      skipWhitespace();
      if (map.containsKey(name)) {
        pos = at;
        throw error("no duplicate member names");
      }
      map.put(name, value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect('}');
      return map;
    }
  }

  private List<Object> array(int depth) {
    List<Object> list = new ArrayList<>();
    pos++;
    skipWhitespace();
    if (peek() == ']') {
      pos++;
      return list;
    }
    while (true) {
      skipWhitespace();
      list.add(value(depth + 1));
      skipWhitespace();
      if (peek() == ',') {
        pos++;
        continue;
      }
      expect(']');
      return list;
    }
  }

  private String string() {
    pos++;
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (pos >= text.length()) {
        throw error("a closing double quote");
      }
      char c = text.charAt(pos++);
      if (c == '"') {
        return sb.toString();
      }
      if (c < 0x20) {
        pos--;
        throw error("no raw control character inside a string");
      }
      sb.append(c == '\\' ? escape() : c);
    }
  }

  private char escape() {
    if (pos >= text.length()) {
      throw error("an escape character");
    }
    char c = text.charAt(pos++);
    return switch (c) {
      case '"', '\\', '/' -> c;
      case 'b' -> '\b';
      case 'f' -> '\f';
      case 'n' -> '\n';
      case 'r' -> '\r';
      case 't' -> '\t';
      case 'u' -> unicodeEscape();
      default -> {
        pos--;
        throw error("a valid escape (\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)");
      }
    };
  }

  private char unicodeEscape() {
    if (pos + 4 > text.length()) {
      throw error("four hex digits");
    }
    int value = 0;
    for (int i = 0; i < 4; i++) {
      int digit = Character.digit(text.charAt(pos + i), 16);
      if (digit < 0) {
        throw error("four hex digits");
      }
      value = value * 16 + digit;
    }
    pos += 4;
    return (char) value;
  }

  private Object literal(String word, Object value) {
    if (!text.startsWith(word, pos)) {
      throw error("a value");
    }
    pos += word.length();
    return value;
  }

  private Num number() {
    int start = pos;
    if (peek() == '-') {
      pos++;
    }
    if (peek() == '0') {
      pos++;
    } else if (!digits()) {
      pos = start;
      throw error("a value");
    }
    if (peek() == '.') {
      pos++;
      if (!digits()) {
        throw error("digits after the decimal point");
      }
    }
    if (peek() == 'e' || peek() == 'E') {
      pos++;
      if (peek() == '+' || peek() == '-') {
        pos++;
      }
      if (!digits()) {
        throw error("digits in the exponent");
      }
    }
    return new Num(text.substring(start, pos));
  }

  private boolean digits() {
    int start = pos;
    while (pos < text.length() && text.charAt(pos) >= '0' && text.charAt(pos) <= '9') {
      pos++;
    }
    return pos > start;
  }

  private char peek() {
    return pos < text.length() ? text.charAt(pos) : '\0';
  }

  private void expect(char c) {
    if (peek() != c) {
      throw error("'" + c + "'");
    }
    pos++;
  }

  private void skipWhitespace() {
    while (pos < text.length()) {
      char c = text.charAt(pos);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return;
      }
      pos++;
    }
  }

  private IllegalArgumentException error(String expected) {
    String found = pos >= text.length() ? "the end of the text" : "another character";
    return new IllegalArgumentException(
        "invalid JSON at offset " + pos + ": expected " + expected + ", found " + found);
  }
}
