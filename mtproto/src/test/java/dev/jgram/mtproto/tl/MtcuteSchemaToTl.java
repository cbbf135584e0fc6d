package dev.jgram.mtproto.tl;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Prints the {@code .tl} declarations held in mtcute's {@code tl/api-schema.json} (npm
 * {@code @mtcute/core}), the only published form of API layer 227 used here.
 *
 * <p>The JSON holds each official declaration as name, id, generics, arguments and result
 * type. mtcute's own changes are undone: its {@code int53} is Telegram's {@code long}; its
 * {@code mtcute.*} helper constructors are left out; so are the entries it keeps from older
 * layers under new names ({@code inputPeerPhotoFileLocationLegacy#27d69997}, …), found as the
 * declarations whose CRC32 is not their id, and listed in a comment. Every printed
 * declaration therefore hashes to its official id, which {@link TlSchema#parse} checks again
 * on loading. {@code boolFalse}, {@code boolTrue} and {@code true}, which the JSON omits, are
 * printed from {@link #BUILT_INS}. Run: {@code java ... MtcuteSchemaToTl api-schema.json out.tl}.
 */
final class MtcuteSchemaToTl {
  /**
   * Declarations every official API schema starts with and the JSON leaves out (mtcute reads
   * Bool by hand); their ids have not changed since the first layer.
   */
  static final String BUILT_INS = """
      // Not in the JSON, copied from the head of every official API schema:
      boolFalse#bc799737 = Bool;
      boolTrue#997275b5 = Bool;
      true#3fedd339 = True;
      """;

  private MtcuteSchemaToTl() {}

  public static void main(String[] args) throws IOException {
    String json = Files.readString(Path.of(args[0]), StandardCharsets.UTF_8);
    String header = "// Telegram API schema, layer %d, printed from the npm package @mtcute/core"
        + " 0.30.3 (tl/api-schema.json)\n// by jgram's MtcuteSchemaToTl (int53 written as"
        + " long, mtcute.* helpers left out).\n";
    Map<?, ?> root = (Map<?, ?>) Json.parse(json);
    Files.writeString(Path.of(args[1]),
        String.format(header, (Long) root.get("l")) + convert(json), StandardCharsets.UTF_8);
  }

  /** The declarations of the JSON schema: a layer line, the types, then the functions. */
  static String convert(String json) {
    Map<?, ?> root = (Map<?, ?>) Json.parse(json);
    List<String> types = new ArrayList<>();
    List<String> functions = new ArrayList<>();
    List<String> dropped = new ArrayList<>();
    for (Object item : (List<?>) root.get("e")) {
      Map<?, ?> entry = (Map<?, ?>) item;
      String name = (String) entry.get("name");
      if (name.startsWith("mtcute.")) {
        continue;
      }
      String line = declaration(entry);
      if (hashesToItsId(line)) {
        ("method".equals(entry.get("kind")) ? functions : types).add(line);
      } else {
        dropped.add(name + "#" + Long.toHexString((Long) entry.get("id")));
      }
    }
    StringBuilder out = new StringBuilder();
    if (!dropped.isEmpty()) {
      out.append("// Left out, not hashing to their ids: ").append(String.join(", ", dropped))
          .append('\n');
    }
    out.append("// LAYER ").append(root.get("l")).append('\n').append(BUILT_INS);
    types.forEach(line -> out.append(line).append('\n'));
    out.append("---functions---\n");
    functions.forEach(line -> out.append(line).append('\n'));
    return out.toString();
  }

  static String declaration(Map<?, ?> entry) {
    StringBuilder line = new StringBuilder((String) entry.get("name"));
    line.append('#').append(Long.toHexString((Long) entry.get("id")));
    Object generics = entry.get("generics");
    if (generics != null) {
      for (Object g : (List<?>) generics) {
        Map<?, ?> generic = (Map<?, ?>) g;
        line.append(" {").append(generic.get("name")).append(':').append(generic.get("type"))
            .append('}');
      }
    }
    for (Object a : (List<?>) entry.get("arguments")) {
      Map<?, ?> argument = (Map<?, ?>) a;
      line.append(' ').append(argument.get("name")).append(':').append(type(argument));
    }
    return line.append(" = ").append(type(entry)).append(';').toString();
  }

  private static boolean hashesToItsId(String line) {
    try {
      TlSchema.parse(line);
      return true;
    } catch (TlException e) {
      return false;
    }
  }

  private static String type(Map<?, ?> node) {
    String type = (String) node.get("type");
    if (type.equals("int53")) {
      type = "long";
    }
    Map<?, ?> modifiers = (Map<?, ?>) node.get("typeModifiers");
    if (modifiers == null) {
      return type;
    }
    if (Boolean.TRUE.equals(modifiers.get("isVector"))) {
      type = "Vector<" + type + ">";
    }
    Object predicate = modifiers.get("predicate");
    return predicate == null ? type : predicate + "?" + type;
  }
}
