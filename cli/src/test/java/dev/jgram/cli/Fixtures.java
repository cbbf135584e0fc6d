package dev.jgram.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The Pyrogram golden files and what Pyrogram read from them: the storage module's fixtures
 * ({@link dev.jgram.storage.Fixtures}, from its test-jar), with what the command line's tests
 * look up in them.
 */
final class Fixtures {
  private Fixtures() {}

  /** Copies fixture {@code name} into {@code dir} and returns the copy. */
  static Path copy(String name, Path dir) {
    return dev.jgram.storage.Fixtures.copy(name, dir);
  }

  /** The parsed JSON fixture {@code name}. */
  static JsonNode json(String name) {
    return dev.jgram.storage.Fixtures.json(name);
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

  /** The SHA-256 of a file's bytes, in hex. */
  static String sha256(Path file) {
    return dev.jgram.storage.Fixtures.sha256(file);
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
}
