package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Hostile input for the Pyrogram session-string decoder and the storage factory that uses it:
 * seeded mutations of real and random strings end in a correct decode or an
 * {@link InvalidSessionStringException}, never another exception, a hang or an
 * OutOfMemoryError. Set {@code -Djgram.fuzz.scale=10} for ten times the cases.
 */
class SessionStringFuzzTest {
  static final int SCALE = Integer.getInteger("jgram.fuzz.scale", 1);

  /** Valid strings of every layout: the library fixtures, then seeded random sessions. */
  static List<String> seeds() {
    List<String> seeds = new ArrayList<>();
    for (SessionStringFixtures.PyrogramCase c : SessionStringFixtures.pyrogramCases()) {
      seeds.add(c.string());
    }
    RandomData data = new RandomData(42);
    for (int i = 0; i < 20; i++) {
      Session s = data.session();
      if (s.apiId() != null && s.userId() != null && s.userId() >= 0 && s.authKey() != null) {
        seeds.add(PyrogramSessionString.encode(s));
      }
      seeds.add(legacy(data, i % 2 == 0));
    }
    return seeds;
  }

  private static String legacy(RandomData data, boolean userId32) {
    ByteBuffer b = ByteBuffer.allocate(userId32 ? 263 : 267);
    b.put((byte) 2).put((byte) 0).put(data.authKey().bytes());
    if (userId32) {
      b.putInt(data.random().nextInt());
    } else {
      b.putLong(data.random().nextLong() >>> 1);
    }
    b.put((byte) 1);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  @Test
  void mutatedSessionStringsDecodeCorrectlyOrFailWithInvalidSessionString() {
    DecoderFuzz.Report report = DecoderFuzz.of("PyrogramSessionString.decode",
            PyrogramSessionString::decode, InvalidSessionStringException.class)
        .oracle((input, result) -> assertThat(result).isEqualTo(reference(input)))
        .run(seeds(), 100_000 * SCALE, 0xf022L);
    System.out.println(report);
    assertThat(report.decoded()).as("some mutations keep a valid string").isPositive();
    assertThat(report.rejected()).as("most mutations break it").isGreaterThan(report.decoded());
  }

  @Test
  void mutatedStringsGivenToTheStorageFactoryOpenOrFailWithInvalidSessionString() {
    DecoderFuzz.Report report = DecoderFuzz.of("Storage.fromSessionString", input -> {
      try (Storage s = Storage.fromSessionString(input)) {
        s.open();
        return s.session();
      }
    }, InvalidSessionStringException.class)
        .oracle((input, result) -> assertThat(result).isEqualTo(
            input.isBlank() ? Session.EMPTY : reference(input)))
        .run(seeds(), 20_000 * SCALE, 0xfac7L);
    System.out.println(report);
    assertThat(report.cases()).isEqualTo(20_000 * SCALE);
  }

  @Test
  void theSessionStringRuleNeverThrowsOnMutatedNames() {
    DecoderFuzz.Report report = DecoderFuzz.of("PyrogramSessionString.looksLikeSessionString",
            PyrogramSessionString::looksLikeSessionString)
        .oracle((input, result) -> assertThat(result).isEqualTo(
            PyrogramSessionString.stripWhitespace(input).length() >= 351))
        .run(seeds(), 10_000 * SCALE, 0x1001L);
    System.out.println(report);
    assertThat(report.rejected()).isZero();
  }

  /**
   * An independent reading of the layouts: drop whitespace, accept both alphabets and
   * correct padding, pick the layout by the character count as Pyrogram does (351 and 356
   * legacy, anything else current) and require its byte count; refuse a Telethon IPv4 payload
   * (149.154.x.x or 91.108/105.x.x and port 443 or 80 where Pyrogram's test flag is) and a
   * GramJS payload (length L of at least 7 at bytes 1..2, 261 + L bytes, L address
   * characters). Throws for anything else.
   */
  static Session reference(String input) {
    String s = PyrogramSessionString.stripWhitespace(input);
    String body = s.replaceAll("=+$", "");
    int padding = s.length() - body.length();
    if (padding > 2 || (padding > 0 && s.length() % 4 != 0) || body.length() % 4 == 1
        || !body.matches("[A-Za-z0-9_+/-]*")) {
      throw new AssertionError("the decoder accepted a string that is not base64");
    }
    ByteBuffer b = ByteBuffer.wrap(Base64.getUrlDecoder()
        .decode(body.replace('+', '-').replace('/', '_')));
    int n = b.remaining();
    int layout = s.length() == 351 ? 263 : s.length() == 356 ? 267 : 271;
    if (n != layout || isForeign(b.array())) {
      throw new AssertionError("the decoder accepted " + n + " bytes from " + s.length()
          + " characters, or a foreign payload");
    }
    int dc = b.get() & 0xff;
    Long apiId = n == 271 ? Integer.toUnsignedLong(b.getInt()) : null;
    boolean test = b.get() != 0;
    byte[] key = new byte[256];
    b.get(key);
    long user = n == 263 ? b.getInt() & 0xffffffffL : b.getLong();
    if (n != 263 && n != 267 && n != 271 || user < 0) {
      throw new AssertionError("the decoder accepted " + n + " bytes / user " + user);
    }
    return new Session(dc, apiId, test, AuthKey.of(key), 0, user, b.get() != 0);
  }

  private static boolean isForeign(byte[] raw) {
    int a = raw[1] & 0xff;
    int c = raw[2] & 0xff;
    boolean telegram = a == 149 && c == 154 || a == 91 && (c == 108 || c == 105);
    int port = raw.length > 6 ? (raw[5] & 0xff) * 256 + (raw[6] & 0xff) : -1;
    if (raw.length == 263 && telegram && (port == 443 || port == 80)) {
      return true;
    }
    int length = a * 256 + c;
    if (length < 7 || raw.length != 261 + length) {
      return false;
    }
    String text = new String(raw, 3, length, java.nio.charset.StandardCharsets.ISO_8859_1);
    return text.matches("[0-9A-Za-z.:-]+");
  }
}
