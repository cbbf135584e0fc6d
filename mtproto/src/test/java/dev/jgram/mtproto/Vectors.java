package dev.jgram.mtproto;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Loads a vector file from src/test/resources/vectors: "## name" starts a value, its lines
 * are concatenated after dropping "0000 | " offsets and whitespace; "#" lines are comments.
 */
public final class Vectors {
  private final Map<String, String> values;

  private Vectors(Map<String, String> values) {
    this.values = values;
  }

  public static Vectors load(String fileName) {
    try (InputStream in = Vectors.class.getResourceAsStream("/vectors/" + fileName)) {
      if (in == null) {
        throw new IllegalArgumentException("no vector file " + fileName);
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static Vectors parse(String text) {
    Map<String, String> values = new LinkedHashMap<>();
    String name = null;
    StringBuilder value = new StringBuilder();
    for (String line : text.split("\n")) {
      if (line.startsWith("## ")) {
        if (name != null) {
          values.put(name, value.toString());
        }
        name = line.substring(3).strip();
        value.setLength(0);
      } else if (!line.startsWith("#") && name != null) {
        value.append(line).append('\n');
      }
    }
    if (name != null) {
      values.put(name, value.toString());
    }
    return new Vectors(values);
  }

  public byte[] bytes(String name) {
    return hex(text(name));
  }

  /** The value with offsets and whitespace dropped. */
  public String text(String name) {
    StringBuilder out = new StringBuilder();
    for (String line : raw(name).split("\n")) {
      out.append(line.replaceFirst("^[0-9A-Fa-f]{4} \\| ", "").replaceAll("\\s", ""));
    }
    return out.toString();
  }

  /** The value's lines as written. */
  public String raw(String name) {
    String value = values.get(name);
    if (value == null) {
      throw new IllegalArgumentException("no vector named " + name);
    }
    return value.strip();
  }

  public static byte[] hex(String hex) {
    return HexFormat.of().parseHex(hex.replaceAll("\\s", ""));
  }

  public static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  /** Bytes 0, 1, 2, ... n-1 (mod 256), the pattern grammers' tests use. */
  public static byte[] counting(int n) {
    byte[] out = new byte[n];
    for (int i = 0; i < n; i++) {
      out[i] = (byte) i;
    }
    return out;
  }

  /** Parses a comma-separated list of decimal bytes as in Rust arrays. */
  public static byte[] decimals(String list) {
    String[] parts = list.replaceAll("\\s", "").split(",");
    byte[] out = new byte[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = (byte) Integer.parseInt(parts[i]);
    }
    return out;
  }
}
