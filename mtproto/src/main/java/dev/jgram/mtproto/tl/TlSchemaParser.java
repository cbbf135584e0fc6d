package dev.jgram.mtproto.tl;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses the {@code .tl} schema language, one declaration per line:
 *
 * <pre>
 * name#id {X:Type} param:type flags:# opt:flags.0?type ... = ResultType;
 * </pre>
 *
 * <p>{@code ---functions---} and {@code ---types---} switch sections; {@code //} starts a
 * comment; a comment {@code // LAYER n} declares the layer. Built-in declarations without an
 * id ({@code int ? = Int;}, {@code vector {t:Type} # [ t ] = Vector t;}) are skipped, as is
 * the {@code vector} constructor, which the codec knows natively.
 */
final class TlSchemaParser {
  private static final Pattern DECLARATION =
      Pattern.compile("^([A-Za-z_][\\w.]*)(?:#([0-9a-fA-F]{1,8}))?((?:\\s+[^=]*)?)=\\s*([^;]+);$");
  private static final Pattern LAYER = Pattern.compile("^//\\s*LAYER\\s+(\\d+)\\s*$");
  private static final Pattern FLAG = Pattern.compile("^(\\w+)\\.(\\d+)\\?(.+)$");

  private final List<TlCombinator> combinators = new ArrayList<>();
  private final List<String> mismatches = new ArrayList<>();
  private int layer;

  static TlSchemaParser parse(String text) {
    TlSchemaParser parser = new TlSchemaParser();
    boolean functions = false;
    int lineNumber = 0;
    for (String raw : text.split("\n")) {
      lineNumber++;
      String line = raw.strip();
      Matcher layerLine = LAYER.matcher(line);
      if (layerLine.matches()) {
        parser.layer = Integer.parseInt(layerLine.group(1));
      } else if (line.equals("---functions---")) {
        functions = true;
      } else if (line.equals("---types---")) {
        functions = false;
      } else if (!line.isEmpty() && !line.startsWith("//")) {
        parser.declaration(line, functions, lineNumber);
      }
    }
    return parser;
  }

  private void declaration(String line, boolean function, int lineNumber) {
    if (line.contains(" ? = ") || line.contains("# [")) {
      return; // built-in
    }
    Matcher m = DECLARATION.matcher(line);
    if (!m.matches()) {
      throw new TlException("schema line " + lineNumber + " is not a TL declaration: " + line);
    }
    String name = m.group(1);
    String body = m.group(3).strip();
    String result = m.group(4).strip();
    String declaration = (name + " " + body + " = " + result).replaceAll("\\s+", " ");
    int computed = ConstructorIds.compute(declaration);
    int id = m.group(2) == null ? computed : Integer.parseUnsignedInt(m.group(2), 16);
    if (id != computed) {
      mismatches.add(String.format("%s#%08x (line %d: CRC32 of the declaration is %08x)",
          name, id, lineNumber, computed));
    }
    combinators.add(new TlCombinator(name, id, params(body, lineNumber),
        TlType.parse(result.replace(' ', '<') + (result.contains(" ") ? ">" : "")), function));
  }

  private static List<TlParam> params(String body, int lineNumber) {
    List<TlParam> params = new ArrayList<>();
    for (String token : body.isEmpty() ? new String[0] : body.split("\\s+")) {
      if (token.startsWith("{")) {
        continue; // generic type variable such as {X:Type}
      }
      int colon = token.indexOf(':');
      if (colon <= 0) {
        throw new TlException("schema line " + lineNumber + ": parameter '" + token
            + "' is not name:type");
      }
      String name = token.substring(0, colon);
      String type = token.substring(colon + 1);
      Matcher flag = FLAG.matcher(type);
      if (flag.matches()) {
        params.add(new TlParam(name, TlType.parse(flag.group(3)), flag.group(1),
            Integer.parseInt(flag.group(2))));
      } else {
        params.add(new TlParam(name, TlType.parse(type), null, -1));
      }
    }
    return params;
  }

  List<TlCombinator> combinators() {
    return combinators;
  }

  List<String> mismatches() {
    return mismatches;
  }

  int layer() {
    return layer;
  }
}
