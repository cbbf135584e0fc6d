package dev.jgram.storage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The session strings written by the real libraries, copied from the shared fixtures into
 * the test resources: {@code fixtures/pyrogram/session-strings.json} (Pyrogram 0.15, 1.4 and
 * 2.0.106 exports and edge cases, each with what Pyrogram 2.x reads from it) and
 * {@code fixtures/interop/fixtures.json} (Telethon, GramJS and mtcute strings).
 */
final class SessionStringFixtures {
  private static final ObjectMapper JSON = new ObjectMapper();

  private SessionStringFixtures() {}

  /**
   * One string of session-strings.json and what Pyrogram 2.x did with it.
   *
   * @param name the fixture's name
   * @param string the string as given to Pyrogram
   * @param pyrogram what Pyrogram 2.x read ({@code session}, {@code re_export}) or the
   *     error it raised ({@code open})
   */
  record PyrogramCase(String name, String string, JsonNode pyrogram) {
    boolean accepted() {
      return pyrogram.has("session");
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** Every string Pyrogram 2.x was given (the one case with no string, an export error, is left out). */
  static List<PyrogramCase> pyrogramCases() {
    List<PyrogramCase> cases = new ArrayList<>();
    for (JsonNode s : read("/fixtures/pyrogram/session-strings.json").get("strings")) {
      JsonNode loaded = s.path("loaded_by").path("pyrogram");
      if (s.hasNonNull("string") && !loaded.isMissingNode()) {
        cases.add(new PyrogramCase(s.get("name").asText(), s.get("string").asText(), loaded));
      }
    }
    return cases;
  }

  /** The string of the interop artifact {@code id} (for example a Telethon export). */
  static String interopString(String id) {
    for (JsonNode a : read("/fixtures/interop/fixtures.json").get("artifacts")) {
      if (a.get("id").asText().equals(id)) {
        return a.get("string").asText();
      }
    }
    throw new IllegalArgumentException("no interop artifact " + id);
  }

  /** Every string artifact of other libraries (Telethon, GramJS, mtcute), by id. */
  static List<String[]> foreignStrings() {
    List<String[]> out = new ArrayList<>();
    for (JsonNode a : read("/fixtures/interop/fixtures.json").get("artifacts")) {
      String format = a.get("format").asText();
      if (a.has("string") && !format.equals("pyrogram-string")) {
        out.add(new String[] {a.get("id").asText(), a.get("string").asText()});
      }
    }
    for (JsonNode m : read("/fixtures/interop/fixtures.json").get("malformed_strings")) {
      if (!m.get("string").asText().isEmpty()) {
        out.add(new String[] {"malformed:" + m.get("id").asText(), m.get("string").asText()});
      }
    }
    return out;
  }

  static JsonNode read(String resource) {
    try (InputStream in = SessionStringFixtures.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing test resource " + resource);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
