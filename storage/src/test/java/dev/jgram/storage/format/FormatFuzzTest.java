package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.jgram.storage.DecoderFuzz;
import dev.jgram.storage.InvalidSessionStringException;
import dev.jgram.storage.RandomData;
import dev.jgram.storage.Session;
import dev.jgram.storage.StorageException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Hostile input for every foreign session-string decoder and for detection: seeded mutations
 * of the libraries' own strings and of jgram's encodings end in a correct decode or an
 * {@link InvalidSessionStringException}; never another exception, a hang or an
 * OutOfMemoryError. A decode is judged correct when encoding it again in the same format and
 * decoding that gives the same session. {@code -Djgram.fuzz.scale=10} for ten times the cases.
 */
class FormatFuzzTest {
  private static final int SCALE = Integer.getInteger("jgram.fuzz.scale", 1);
  private static final int CASES = 25_000 * SCALE;

  /** The fixtures of {@code format} (names as in fixtures.json) and 20 seeded encodings. */
  private static List<String> seeds(String fixtureFormat, SessionFormat format) {
    List<String> seeds = new ArrayList<>();
    for (JsonNode a : InteropFixtures.root().path("artifacts")) {
      if (a.path("format").asText().equals(fixtureFormat) && a.hasNonNull("string")) {
        seeds.add(a.get("string").asText());
      }
    }
    if (format == SessionFormat.GOTD_JSON) {
      seeds.add(InteropFixtures.text("gotd-from-telethon-ipv4-prod-dc2-k1.json"));
    }
    RandomData data = new RandomData(format.ordinal());
    String[] addresses = {"149.154.167.51", "2001:67c:4e8:f002::a", "example.org"};
    for (int i = 0; i < 20; i++) {
      Session s = new Session(1 + i % 5, 1L + i, i % 2 == 0, data.authKey(), 0,
          (long) data.random().nextInt(Integer.MAX_VALUE), i % 3 == 0);
      PortableSession p = PortableSession.of(s, addresses[i % 3], 443);
      try {
        seeds.add(SessionFormats.encode(p, format));
      } catch (StorageException | IllegalArgumentException e) {
        // this format cannot carry that session or address; the others cover it
      }
    }
    assertThat(seeds).as("seeds of " + format).isNotEmpty();
    return seeds;
  }

  private static DecoderFuzz.Report fuzz(String name, SessionFormat format, String fixtureFormat,
      Function<String, PortableSession> decoder, long seed) {
    DecoderFuzz.Report report = DecoderFuzz.of(name, decoder, InvalidSessionStringException.class)
        .oracle((input, result) -> reencodes(format, decoder, (PortableSession) result))
        .run(seeds(fixtureFormat, format), CASES, seed);
    System.out.println(report);
    assertThat(report.decoded()).as(name + " decodes some mutations").isPositive();
    assertThat(report.rejected()).as(name + " rejects some").isPositive();
    return report;
  }

  /**
   * A decoded session has a real key, encodes again (unless it lacks what the format's
   * encoder requires), that decodes to the same session row, and encoding is then stable
   * (an encoder may fill in what the input left out, such as a DC's address).
   */
  private static void reencodes(SessionFormat format, Function<String, PortableSession> decoder,
      PortableSession decoded) {
    assertThat(decoded.authKey()).isNotNull();
    assertThat(decoded.authKey().isAllZero()).isFalse();
    String again;
    try {
      again = SessionFormats.encode(decoded, format);
    } catch (StorageException e) {
      REFUSED_REENCODING.add(format + ": " + e.getMessage().replaceAll("[0-9]+", "N"));
      return;
    }
    PortableSession second = decoder.apply(again);
    assertThat(second.session()).isEqualTo(decoded.session());
    assertThat(SessionFormats.encode(second, format)).isEqualTo(again);
  }

  /** Why decoded sessions could not be encoded again, for the report. */
  private static final java.util.Set<String> REFUSED_REENCODING =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @org.junit.jupiter.api.AfterAll
  static void report() {
    REFUSED_REENCODING.forEach(r -> System.out.println("fuzz: decoded but not re-encodable: " + r));
  }

  @Test
  void mutatedTelethonStringsDecodeCorrectlyOrFailAsInvalid() {
    fuzz("SessionFormats.decode", SessionFormat.TELETHON_STRING, "telethon-string",
        text -> SessionFormats.decode(SessionFormat.TELETHON_STRING, text), 0x7e1L);
  }

  @Test
  void mutatedGramJsStringsDecodeCorrectlyOrFailAsInvalid() {
    fuzz("SessionFormats.decode", SessionFormat.GRAMJS_STRING, "gramjs-string",
        text -> SessionFormats.decode(SessionFormat.GRAMJS_STRING, text), 0x9a5L);
  }

  @Test
  void mutatedMtcuteStringsDecodeCorrectlyOrFailAsInvalid() {
    fuzz("SessionFormats.decode", SessionFormat.MTCUTE_STRING, "mtcute-v3-string",
        text -> SessionFormats.decode(SessionFormat.MTCUTE_STRING, text), 0x3c7L);
  }

  @Test
  void mutatedGotdJsonDecodesCorrectlyOrFailsAsInvalid() {
    fuzz("SessionFormats.decode", SessionFormat.GOTD_JSON, "gotd-session-json",
        text -> SessionFormats.decode(SessionFormat.GOTD_JSON, text), 0x90dL);
  }

  @Test
  void mutatedStringsOfEveryFormatAreDetectedCorrectlyOrRefusedAsInvalid() {
    List<String> seeds = new ArrayList<>();
    for (SessionFormat f : List.of(SessionFormat.TELETHON_STRING, SessionFormat.GRAMJS_STRING,
        SessionFormat.MTCUTE_STRING, SessionFormat.GOTD_JSON, SessionFormat.PYROGRAM_STRING)) {
      seeds.addAll(seeds(switch (f) {
        case TELETHON_STRING -> "telethon-string";
        case GRAMJS_STRING -> "gramjs-string";
        case MTCUTE_STRING -> "mtcute-v3-string";
        case GOTD_JSON -> "gotd-session-json";
        default -> "pyrogram-string";
      }, f));
    }
    DecoderFuzz.Report report = DecoderFuzz.of("SessionFormats.detect", SessionFormats::detect,
            InvalidSessionStringException.class)
        .oracle((input, result) -> {
          DetectedSession d = (DetectedSession) result;
          String text = d.format() == SessionFormat.GOTD_JSON ? input.strip() : input;
          assertThat(SessionFormats.decode(d.format(), text)).isEqualTo(d.session());
        })
        .run(seeds, 2 * CASES, 0xde7L);
    System.out.println(report);
    assertThat(report.decoded()).isPositive();
  }
}
