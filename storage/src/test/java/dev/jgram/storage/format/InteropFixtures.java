package dev.jgram.storage.format;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.jgram.storage.AuthKey;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** The interop fixtures written by Telethon 1.37, GramJS 2.26 and mtcute 0.29. */
final class InteropFixtures {
  static final String DIR = "/fixtures/interop/";
  private static final JsonNode ROOT = load();

  private InteropFixtures() {}

  static JsonNode root() {
    return ROOT;
  }

  /** Key k1's bytes. */
  static byte[] k1Bytes() {
    return HexFormat.of().parseHex(ROOT.path("keys").path("list").get(0).path("hex").asText());
  }

  static AuthKey k1() {
    return AuthKey.of(k1Bytes());
  }

  static JsonNode artifact(String id) {
    for (JsonNode a : ROOT.path("artifacts")) {
      if (a.path("id").asText().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no artifact " + id);
  }

  static List<JsonNode> stringArtifacts() {
    List<JsonNode> out = new ArrayList<>();
    ROOT.path("artifacts").forEach(a -> {
      if (a.path("kind").asText().equals("string")) {
        out.add(a);
      }
    });
    return out;
  }

  static String malformed(String id) {
    for (JsonNode m : ROOT.path("malformed_strings")) {
      if (m.path("id").asText().equals(id)) {
        return m.path("string").asText();
      }
    }
    throw new IllegalArgumentException("no malformed string " + id);
  }

  static byte[] bytes(String name) {
    try (InputStream in = InteropFixtures.class.getResourceAsStream(DIR + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + DIR + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String text(String name) {
    return new String(bytes(name), StandardCharsets.UTF_8);
  }

  /** Copies a fixture file into {@code dir}. */
  static Path copy(String name, Path dir) throws IOException {
    Path out = dir.resolve(name);
    Files.write(out, bytes(name));
    return out;
  }

  /** Unpacks a ustar archive fixture into {@code dir}. */
  static void untar(String name, Path dir) throws IOException {
    byte[] tar = bytes(name);
    int pos = 0;
    while (pos + 512 <= tar.length && tar[pos] != 0) {
      String path = field(tar, pos, 100);
      String prefix = field(tar, pos + 345, 155);
      long size = Long.parseLong(field(tar, pos + 124, 12).trim(), 8);
      char type = (char) tar[pos + 156];
      Path target = dir.resolve(prefix.isEmpty() ? path : prefix + "/" + path).normalize();
      if (!target.startsWith(dir)) {
        throw new IOException("tar entry escapes the target folder");
      }
      if (type == '5') {
        Files.createDirectories(target);
      } else if (type == '0' || type == '\0') {
        Files.createDirectories(target.getParent());
        Files.write(target, java.util.Arrays.copyOfRange(tar, pos + 512, pos + 512 + (int) size));
      }
      pos += 512 + (int) ((size + 511) / 512 * 512);
    }
  }

  private static String field(byte[] tar, int offset, int length) {
    int end = offset;
    while (end < offset + length && tar[end] != 0) {
      end++;
    }
    return new String(tar, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static JsonNode load() {
    try (InputStream in = InteropFixtures.class.getResourceAsStream(DIR + "fixtures.json")) {
      return new ObjectMapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
