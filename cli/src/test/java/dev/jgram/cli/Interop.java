package dev.jgram.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** The interop fixtures written by Telethon, GramJS and mtcute (copied from the shared ones). */
final class Interop {
  private Interop() {}

  static JsonNode fixtures() {
    try (InputStream in = open("fixtures.json")) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The artifacts that are strings. */
  static List<JsonNode> strings() {
    List<JsonNode> out = new ArrayList<>();
    fixtures().path("artifacts").forEach(a -> {
      if (a.path("kind").asText().equals("string")) {
        out.add(a);
      }
    });
    return out;
  }

  static JsonNode artifact(String id) {
    for (JsonNode a : fixtures().path("artifacts")) {
      if (a.path("id").asText().equals(id)) {
        return a;
      }
    }
    throw new IllegalArgumentException("no interop artifact " + id);
  }

  /** The hex of fixture key {@code name} (k1...). */
  static String keyHex(String name) {
    for (JsonNode k : fixtures().path("keys").path("list")) {
      if (k.path("name").asText().equals(name)) {
        return k.path("hex").asText();
      }
    }
    throw new IllegalArgumentException("no interop key " + name);
  }

  /** Our format name for a fixture's format name. */
  static String cliFormat(String fixtureFormat) {
    return switch (fixtureFormat) {
      case "mtcute-v3-string" -> "mtcute-string";
      case "gotd-session-json" -> "gotd-json";
      case "telethon-sqlite-session" -> "telethon-file";
      case "gramjs-store-session" -> "gramjs-store";
      default -> fixtureFormat;
    };
  }

  static Path copy(String name, Path dir) {
    try (InputStream in = open(name)) {
      Path target = dir.resolve(name);
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Extracts the GramJS store folder (a ustar archive) into {@code dir}; returns the folder. */
  static Path gramJsStore(Path dir) {
    try (InputStream in = open("gramjs-store-user.tar")) {
      Path first = null;
      byte[] header = new byte[512];
      while (in.readNBytes(header, 0, 512) == 512 && header[0] != 0) {
        String name = field(header, 345, 155) + field(header, 0, 100);
        long size = Long.parseLong(field(header, 124, 12).strip(), 8);
        Path target = dir.resolve(name).normalize();
        if (!target.startsWith(dir)) {
          throw new IOException("tar entry outside the target: " + name);
        }
        if (header[156] == '5') {
          Files.createDirectories(target);
          first = first == null ? target : first;
        } else {
          Files.createDirectories(target.getParent());
          Files.write(target, in.readNBytes((int) size));
          in.skipNBytes((512 - size % 512) % 512);
        }
      }
      return first;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String field(byte[] header, int offset, int length) {
    int end = offset;
    while (end < offset + length && header[end] != 0) {
      end++;
    }
    return new String(header, offset, end - offset, StandardCharsets.UTF_8);
  }

  private static InputStream open(String name) {
    InputStream in = Interop.class.getResourceAsStream("/interop/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no interop fixture " + name);
    }
    return in;
  }
}
