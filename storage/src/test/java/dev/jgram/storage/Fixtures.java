package dev.jgram.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;

/**
 * The golden files Pyrogram, pyrofork and kurigram wrote, with what each library read: test
 * resources under {@value #FOLDER}, shared with the command line's tests through this module's
 * test-jar. Test code only.
 */
public final class Fixtures {
  /** The time every lookup of the dumps was evaluated at. */
  public static final long FIXTURE_NOW = 1_700_000_000L;
  /** Where the golden files are, as a class path resource folder. */
  public static final String FOLDER = "/fixtures/pyrogram/";

  private static final ObjectMapper JSON = new ObjectMapper();

  private Fixtures() {}

  /** A clock pinned to {@link #FIXTURE_NOW}. */
  public static Clock fixtureClock() {
    return Clock.fixed(Instant.ofEpochSecond(FIXTURE_NOW), ZoneOffset.UTC);
  }

  /** Copies a fixture file into {@code dir} under the same name and returns the copy. */
  public static Path copy(String name, Path dir) {
    Path target = dir.resolve(name);
    try (InputStream in = resource(name)) {
      Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return target;
  }

  /** The parsed JSON fixture {@code name}. */
  public static JsonNode json(String name) {
    try (InputStream in = resource(name)) {
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String name) {
    InputStream in = Fixtures.class.getResourceAsStream(FOLDER + name);
    if (in == null) {
      throw new IllegalArgumentException("no fixture " + name);
    }
    return in;
  }

  /** The SHA-256 of a file's bytes, in hex. */
  public static String sha256(Path file) {
    try {
      return HexFormat.of().formatHex(
          MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
