package dev.jgram.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The session-string codec: error messages, foreign strings and seeded round trips. */
class PyrogramSessionStringTest {
  private static final String TELETHON_IPV4 =
      SessionStringFixtures.interopString("telethon-ipv4-prod-dc2-k1");

  static LongStream seeds() {
    return LongStream.range(0, 300);
  }

  static Stream<String[]> foreignStrings() {
    return SessionStringFixtures.foreignStrings().stream();
  }

  @Test
  void aWrongLengthSaysTheExpectedAndTheFoundLengthAndByteCount() {
    String cut = StorageContractTest.FIXTURE_STRING.substring(0, 358);
    assertThatThrownBy(() -> PyrogramSessionString.decode(cut))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("358 characters decodes to 268 bytes")
        .hasMessageContaining("expected 271 bytes (362 characters, Pyrogram 2.x)")
        .hasMessageContaining("263/267 bytes (351/356 characters");
  }

  @Test
  void aCountNoBase64CanHaveSaysSo() {
    String cut = StorageContractTest.FIXTURE_STRING.substring(0, 361);
    assertThatThrownBy(() -> PyrogramSessionString.decode(cut))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("361 base64 characters")
        .hasMessageContaining("expected 362 characters");
  }

  @Test
  void aTelethonStringIsRecognisedAsTelethons() {
    assertThat(TELETHON_IPV4).hasSize(353).startsWith("1");
    assertThat(PyrogramSessionString.looksLikeSessionString(TELETHON_IPV4)).isTrue();
    assertThatThrownBy(() -> PyrogramSessionString.decode(TELETHON_IPV4))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("session string of 353 characters")
        .hasMessageContaining("expected 362 characters (271 bytes, Pyrogram 2.x)")
        .hasMessageContaining("looks like a Telethon string");
    String withoutPadding = TELETHON_IPV4.substring(0, 352);
    assertThatThrownBy(() -> PyrogramSessionString.decode(withoutPadding))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("352 characters decodes to 264 bytes")
        .hasMessageContaining("starts with '1' like Telethon");
  }

  @Test
  void anMtcuteStringIsRecognisedAsMtcutes() {
    assertThatThrownBy(() -> PyrogramSessionString.decode(
        SessionStringFixtures.interopString("mtcute-user-prod-dc2-k1")))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("mtcute");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foreignStrings")
  void everyOtherLibrarysStringIsRejectedWithoutQuotingIt(String id, String string) {
    InvalidSessionStringException e = catchThrowableOfType(InvalidSessionStringException.class,
        () -> PyrogramSessionString.decode(string));
    assertThat(e).as(id).isNotNull();
    assertNoPartOf(string, e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("foreignStrings")
  void everyOtherLibrarysStringMinusItsFirstCharacterIsRejectedWithoutQuotingIt(String id,
      String string) {
    String lookAlike = string.substring(1);
    InvalidSessionStringException e = catchThrowableOfType(InvalidSessionStringException.class,
        () -> PyrogramSessionString.decode(lookAlike));
    assertThat(e).as(id).isNotNull();
    assertNoPartOf(lookAlike, e.getMessage());
  }

  /** jgram issue 20: 352 characters ending in '=', which Pyrogram itself refuses. */
  @Test
  void aTelethonStringThatLostItsLeadingOneIsRefusedNamingTelethonNotReadAsPyrogramLegacy() {
    String lookAlike = TELETHON_IPV4.substring(1);
    assertThat(lookAlike).hasSize(352).endsWith("=");

    assertThatThrownBy(() -> PyrogramSessionString.decode(lookAlike))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessage("session string of 352 characters decodes to 263 bytes; expected 271 bytes "
            + "(362 characters, Pyrogram 2.x) or 263/267 bytes (351/356 characters, Pyrogram "
            + "0.15-1.4); Pyrogram chooses the layout by the length as given, padding counted, so "
            + "352 characters must be 271 bytes; its bytes are a Telethon IPv4 session (address "
            + "149.154.167.51, port 443): a string that lost its leading version character '1' "
            + "in copying; restore the '1' and read it as that library's string");
    assertThatThrownBy(() -> Storage.fromSessionString(lookAlike))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("Telethon IPv4 session");
  }

  @Test
  void aTelethonStringThatLostItsOneAndItsPaddingIsRefusedThoughItHasTheLegacyLength() {
    String lookAlike = TELETHON_IPV4.substring(1, 352);
    assertThat(lookAlike).hasSize(PyrogramSessionString.LEGACY32_CHARS);

    assertThatThrownBy(() -> PyrogramSessionString.decode(lookAlike))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessage("session string of 351 characters has the length of Pyrogram's legacy "
            + "351-character (263-byte) layout, but its bytes are a Telethon IPv4 session "
            + "(address 149.154.167.51, port 443) where Pyrogram writes its 0/1 test flag: a "
            + "string that lost its leading version character '1' in copying, whose key "
            + "Pyrogram's layout would misread; restore the '1' and read it as that library's "
            + "string");
  }

  @Test
  void aTelethonIpv6StringThatLostItsLeadingOneIsRefusedNamingTelethon() {
    String lookAlike = SessionStringFixtures.interopString("telethon-ipv6-prod-dc4-k1")
        .substring(1);
    assertThat(lookAlike).hasSize(368).endsWith("=");

    assertThatThrownBy(() -> PyrogramSessionString.decode(lookAlike))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("368 characters decodes to 275 bytes")
        .hasMessageContaining("its bytes are a Telethon IPv6 session (a Telegram address 2001:");
  }

  /**
   * A GramJS string whose address has 10 characters is 271 bytes, the size of Pyrogram's
   * current layout; without its '1' Pyrogram itself would read it, with a wrong key.
   */
  @Test
  void aGramJsStringWithATenCharacterAddressThatLostItsOneIsRefusedNamingGramJs() {
    byte[] address = "91.108.4.1".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    ByteBuffer b = ByteBuffer.allocate(261 + address.length).put((byte) 2)
        .putShort((short) address.length).put(address).putShort((short) 443)
        .put(new RandomData(20).authKey().bytes());
    String lookAlike = Base64.getEncoder().encodeToString(b.array());
    assertThat(lookAlike).hasSize(364);

    assertThatThrownBy(() -> PyrogramSessionString.decode(lookAlike))
        .isInstanceOf(InvalidSessionStringException.class)
        .hasMessageContaining("has the length of Pyrogram's 2.x (271-byte) layout, but its bytes "
            + "are a GramJS session (a 10-character address text after the DC id)");
  }

  @Test
  void aPyrogramStringWhoseApiIdHasTheGramJsLengthTenInItsHighBytesStillDecodes() {
    Session session = new Session(2, 0x000A_3132L, false, new RandomData(21).authKey(), 0, 5L,
        false);
    assertThat(PyrogramSessionString.decode(PyrogramSessionString.encode(session)))
        .isEqualTo(session);
  }

  @Test
  void aCharacterOutsideBase64IsNamedByPositionNotQuotedWithTheString() {
    String bad = StorageContractTest.FIXTURE_STRING.substring(0, 100) + "!"
        + StorageContractTest.FIXTURE_STRING.substring(101);
    InvalidSessionStringException e = catchThrowableOfType(InvalidSessionStringException.class,
        () -> PyrogramSessionString.decode(bad));
    assertThat(e).hasMessageContaining("position 100").hasMessageContaining("code 33");
    assertNoPartOf(bad, e.getMessage());
  }

  @Test
  void nullAndBlankStringsAreRejectedByTheCodec() {
    assertThatThrownBy(() -> PyrogramSessionString.decode(null))
        .isInstanceOf(InvalidSessionStringException.class).hasMessage("session string is null");
    assertThatThrownBy(() -> PyrogramSessionString.decode(" \n"))
        .isInstanceOf(InvalidSessionStringException.class).hasMessage("session string is empty");
  }

  @Test
  void aBlankStringOpensAsAFreshSessionLikePyrogramsEmptyString() {
    for (String blank : List.of("", "  \n")) {
      try (Storage storage = Storage.fromSessionString(blank)) {
        storage.open();
        assertThat(storage.session()).isEqualTo(Session.EMPTY);
      }
    }
  }

  @Test
  void whitespaceWhereATerminalWrappedTheStringIsIgnored() {
    String s = StorageContractTest.FIXTURE_STRING;
    String wrapped = "  " + s.substring(0, 120) + "\n" + s.substring(120, 240) + "\r\n\t"
        + s.substring(240) + "\n";
    assertThat(PyrogramSessionString.decode(wrapped))
        .isEqualTo(StorageContractTest.fixtureSession());
  }

  @Test
  void exportRefusesFieldsTheLayoutCannotHold() {
    Session s = StorageContractTest.fixtureSession();
    assertThatThrownBy(() -> PyrogramSessionString.encode(s.withDcId(256)))
        .hasMessageContaining("dc_id 256");
    assertThatThrownBy(() -> PyrogramSessionString.encode(s.withUserId(-1L)))
        .hasMessageContaining("user_id -1 is negative");
    assertThatThrownBy(() -> PyrogramSessionString.encode(s.withDcId(null)))
        .hasMessageContaining("dc_id is unknown");
  }

  @Test
  void sessionStringDetectionFollowsPyrogramsLengthRule() {
    String s = StorageContractTest.FIXTURE_STRING;
    assertThat(PyrogramSessionString.looksLikeSessionString(s.substring(0, 351))).isTrue();
    assertThat(PyrogramSessionString.looksLikeSessionString(s.substring(0, 350))).isFalse();
    assertThat(PyrogramSessionString.looksLikeSessionString(
        s.substring(0, 200) + "\n \n" + s.substring(200, 350))).isFalse();
    assertThat(PyrogramSessionString.looksLikeSessionString("my_account")).isFalse();
    assertThat(PyrogramSessionString.looksLikeSessionString(null)).isFalse();
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomSessionsEncodeLikeAnIndependentPackAndDecodeBack(long seed) {
    RandomData data = new RandomData(seed);
    Random r = data.random();
    Session session = new Session(r.nextInt(256), data.edgyApiId(), r.nextBoolean(), data.authKey(),
        0, data.edgyLong() & Long.MAX_VALUE, r.nextBoolean());
    String encoded = PyrogramSessionString.encode(session.withDate(r.nextInt()));
    assertThat(encoded).hasSize(362).isEqualTo(pack(session));
    assertThat(PyrogramSessionString.decode(encoded)).isEqualTo(session);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomLegacyStringsDecodeWithoutApiId(long seed) {
    RandomData data = new RandomData(seed);
    Random r = data.random();
    boolean wide = r.nextBoolean();
    long userId = wide ? data.edgyLong() & Long.MAX_VALUE : r.nextInt() & 0xffffffffL;
    Session expected = new Session(r.nextInt(256), null, r.nextBoolean(), data.authKey(), 0,
        userId, r.nextBoolean());
    ByteBuffer b = ByteBuffer.allocate(wide ? 267 : 263);
    b.put((byte) (int) expected.dcId()).put(bool(expected.testMode()));
    expected.authKey().copyTo(b.array(), 2);
    b.position(258);
    if (wide) {
      b.putLong(userId);
    } else {
      b.putInt((int) userId);
    }
    b.put(bool(expected.isBot()));
    String s = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
    assertThat(s).hasSize(wide ? 356 : 351);
    assertThat(PyrogramSessionString.decode(s)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  void randomTextEitherDecodesOrFailsWithATypedErrorThatQuotesNothing(long seed) {
    Random r = new Random(seed);
    String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/=. \n";
    int length = 340 + r.nextInt(40);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < length; i++) {
      sb.append(alphabet.charAt(r.nextInt(r.nextInt(10) == 0 ? alphabet.length() : 64)));
    }
    String s = sb.toString();
    try {
      Session session = PyrogramSessionString.decode(s);
      assertThat(session.authKey()).isNotNull();
      assertThat(session.userId()).isNotNegative();
    } catch (InvalidSessionStringException e) {
      assertNoPartOf(s, e.getMessage());
    }
  }

  /** Pyrogram's {@code struct.pack(">BI?256sQ?", ...)}, then URL-safe base64 without padding. */
  private static String pack(Session s) {
    ByteBuffer b = ByteBuffer.allocate(271);
    b.put((byte) (int) s.dcId()).putInt((int) (long) s.apiId()).put(bool(s.testMode()));
    s.authKey().copyTo(b.array(), 6);
    b.position(262);
    b.putLong(s.userId()).put(bool(s.isBot()));
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  private static byte bool(Boolean b) {
    return (byte) (Boolean.TRUE.equals(b) ? 1 : 0);
  }

  /** No 12-character run of {@code secret} (whitespace removed) appears in {@code message}. */
  static void assertNoPartOf(String secret, String message) {
    String s = PyrogramSessionString.stripWhitespace(secret);
    for (int i = 0; i + 12 <= s.length(); i++) {
      assertThat(message).doesNotContain(s.substring(i, i + 12));
    }
  }
}
