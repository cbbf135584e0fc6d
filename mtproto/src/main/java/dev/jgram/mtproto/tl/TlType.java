package dev.jgram.mtproto.tl;

/**
 * A type expression of a TL parameter: a name, whether it is bare, and for vectors the
 * element type.
 *
 * <pre>
 * | written         | name      | bare  | element |
 * |-----------------|-----------|-------|---------|
 * | int             | int       | true  | -       |
 * | User            | User      | false | -       |
 * | %Message        | Message   | true  | -       |
 * | future_salt     | future_salt | true (a constructor name) | - |
 * | Vector&lt;long&gt;    | Vector    | false | long    |
 * | vector&lt;long&gt;    | vector    | true  | long    |
 * | !X              | X         | false | -  (a nested query) |
 * | #               | #         | true  | -  (a flags field)  |
 * </pre>
 *
 * @param name the type or constructor name
 * @param bare whether the value is written without a constructor id
 * @param element the element type of a vector, else null
 */
public record TlType(String name, boolean bare, TlType element) {

  /** Parses a type expression as written in a schema. */
  public static TlType parse(String text) {
    if (text.startsWith("!")) {
      return new TlType(text.substring(1), false, null);
    }
    if (text.startsWith("%")) {
      return new TlType(text.substring(1), true, null);
    }
    int open = text.indexOf('<');
    if (open > 0 && text.endsWith(">")) {
      String outer = text.substring(0, open);
      TlType element = parse(text.substring(open + 1, text.length() - 1));
      return new TlType(outer, !outer.equals("Vector"), element);
    }
    boolean bare = !text.isEmpty() && !Character.isUpperCase(text.charAt(text.lastIndexOf('.') + 1));
    return new TlType(text, bare, null);
  }

  /** Whether this is {@code Vector<t>} or {@code vector<t>}. */
  public boolean isVector() {
    return element != null;
  }

  @Override
  public String toString() {
    if (element != null) {
      return name + "<" + element + ">";
    }
    return name;
  }
}
