package dev.jgram.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** The Pyrogram golden files (copied from the shared fixtures) and what Pyrogram read from them. */
final class Fixtures {
  private Fixtures() {}

  /** Copies fixture {@code name} into {@code dir} and returns the copy. */
  static Path copy(String name, Path dir) {
    Path target = dir.resolve(name);
    try (InputStream in = open(name)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** The parsed JSON fixture {@code name}. */
  static JsonNode json(String name) {
    try (InputStream in = open(name)) {
      return Json.mapper().readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What Pyrogram itself read from session file fixture {@code base} (without extension). */
  static JsonNode pyrogramView(String base) {
    return json(base + ".dump.json").path("read_by").path("pyrogram").path("engine_view");
  }

  /** The session-strings.json entry named {@code name}. */
  static JsonNode string(String name) {
    for (JsonNode s : json("session-strings.json").path("strings")) {
      if (s.path("name").asText().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no fixture string " + name);
  }

  static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The auth key id (bytes 12..19 of SHA-1, hex) of a key given as hex. */
  static String keyIdOf(String keyHex) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-1").digest(HexFormat.of().parseHex(keyHex));
      return HexFormat.of().formatHex(d, 12, 20);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InputStream open(String name) {
    InputStream in = Fixtures.class.getResourceAsStream("/pyrogram/" + name);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    return in;
  }
}
