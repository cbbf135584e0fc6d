package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.jgram.storage.InvalidSessionStringException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** What detection makes of every format and of broken or foreign input. */
class DetectionTableTest {

  static String fixture(String id) {
    return InteropFixtures.artifact(id).path("string").asText();
  }

  static final String TELETHON4 = fixture("telethon-ipv4-prod-dc2-k1");
  static final String TELETHON6 = fixture("telethon-ipv6-prod-dc4-k1");
  static final String GRAMJS14 = fixture("gramjs-ipv4-prod-dc2-k1");
  static final String PYROGRAM = fixture("pyrogram-from-mtcute-user-prod-dc2-k1");
  static final String MTCUTE = fixture("mtcute-user-prod-dc2-k1");

  static Stream<Arguments> recognised() {
    return Stream.of(
        Arguments.of("telethon IPv4", TELETHON4, SessionFormat.TELETHON_STRING),
        Arguments.of("telethon IPv6", TELETHON6, SessionFormat.TELETHON_STRING),
        Arguments.of("gramjs 14-char address (275-byte clash)", GRAMJS14,
            SessionFormat.GRAMJS_STRING),
        Arguments.of("gramjs 13-char address", fixture("gramjs-ipv4-prod-dc5-k1"),
            SessionFormat.GRAMJS_STRING),
        Arguments.of("gramjs host name", fixture("gramjs-hostname-dc4-k1"),
            SessionFormat.GRAMJS_STRING),
        Arguments.of("gramjs IPv6 text", fixture("gramjs-ipv6-dc4-k1"),
            SessionFormat.GRAMJS_STRING),
        Arguments.of("gramjs in the url-safe alphabet", "1" + GRAMJS14.substring(1)
            .replace('+', '-').replace('/', '_'), SessionFormat.GRAMJS_STRING),
        Arguments.of("pyrogram current", PYROGRAM, SessionFormat.PYROGRAM_STRING),
        Arguments.of("pyrogram current with its == kept", PYROGRAM + "==",
            SessionFormat.PYROGRAM_STRING),
        Arguments.of("pyrogram legacy 351", legacyPyrogram(false), SessionFormat.PYROGRAM_STRING),
        Arguments.of("pyrogram legacy 356", legacyPyrogram(true), SessionFormat.PYROGRAM_STRING),
        Arguments.of("mtcute with media DC", MTCUTE, SessionFormat.MTCUTE_STRING),
        Arguments.of("mtcute test bot", fixture("mtcute-bot-test-dc1-k1"),
            SessionFormat.MTCUTE_STRING),
        Arguments.of("gotd json", InteropFixtures.text("gotd-from-telethon-ipv4-prod-dc2-k1.json"),
            SessionFormat.GOTD_JSON),
        Arguments.of("gotd json pretty-printed", "  {\n  \"Version\": 1,\n  \"Data\": "
            + InteropFixtures.text("gotd-from-telethon-ipv4-prod-dc2-k1.json")
            .replaceFirst("^\\{\"Version\":1,\"Data\":", "") + "\n", SessionFormat.GOTD_JSON),
        Arguments.of("telethon pasted with a newline and spaces", "  " + TELETHON4 + "\n",
            SessionFormat.TELETHON_STRING),
        Arguments.of("telethon wrapped over lines", TELETHON4.substring(0, 100) + "\r\n"
            + TELETHON4.substring(100), SessionFormat.TELETHON_STRING),
        Arguments.of("telethon without its padding (Telethon itself refuses it)",
            InteropFixtures.malformed("telethon-truncated-1char"), SessionFormat.TELETHON_STRING),
        Arguments.of("telethon in the standard alphabet", TELETHON4.replace('-', '+')
            .replace('_', '/'), SessionFormat.TELETHON_STRING),
        Arguments.of("telethon with padding and an address outside Telegram",
            telethonAt(new byte[] {10, 0, 0, 1}), SessionFormat.TELETHON_STRING));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recognised")
  void recognisedInputIsDetectedWithItsKey(String name, String input, SessionFormat format) {
    DetectedSession d = SessionFormats.detect(input);

    assertThat(d.format()).isEqualTo(format);
    assertThat(d.session().authKey()).isEqualTo(InteropFixtures.k1());
  }

  static Stream<Arguments> refused() {
    return Stream.of(
        Arguments.of("empty", "", List.of("session string is empty; expected one of "
            + "pyrogram-string, telethon-string, gramjs-string, mtcute-string, gotd-json")),
        Arguments.of("only whitespace", " \n\t", List.of("session string is empty")),
        Arguments.of("only the version character", "1", List.of(
            "session string of 1 characters is none of the formats jgram reads; tried "
                + "gramjs-string: decodes to 0 bytes; expected 261 + the address length; "
                + "telethon-string: 1 characters decode to 0 bytes; expected 263 (IPv4, 353 "
                + "characters) or 275 (IPv6, 369 characters); gotd-json: not JSON (does not "
                + "start with '{'); pyrogram-string and mtcute-string: not tried, since their "
                + "strings never start with '1' (their first byte is a small DC id or version)")),
        Arguments.of("telethon minus 4 characters", InteropFixtures.malformed(
            "telethon-truncated-4chars"), List.of(
            "gramjs-string: the address length field says 38298, so 261 + 38298 = 38559 bytes "
                + "are expected; found 261",
            "telethon-string: 349 characters decode to 261 bytes; expected 263 (IPv4, 353 "
                + "characters) or 275 (IPv6, 369 characters)")),
        Arguments.of("telethon cut in half", InteropFixtures.malformed("telethon-truncated-half"),
            List.of("telethon-string: 177 characters decode to 132 bytes")),
        Arguments.of("telethon with 3 extra bytes", InteropFixtures.malformed(
            "telethon-extra-4chars"), List.of("telethon-string: 357 characters decode to 266 "
            + "bytes")),
        Arguments.of("telethon truncated to 4n+1 characters", TELETHON4.substring(0, 350),
            List.of("telethon-string: base64 part has 349 data characters, one more than a "
                + "multiple of 4, which no byte count encodes to (truncated, or a stray "
                + "character)")),
        Arguments.of("three padding characters", TELETHON4 + "==", List.of(
            "telethon-string: mis-padded base64: ends in 3 '=' characters; expected at most 2")),
        Arguments.of("padding in the middle", TELETHON4.substring(0, 20) + "="
            + TELETHON4.substring(21), List.of(
            "telethon-string: mis-padded base64: '=' at position 19 before the end")),
        Arguments.of("wrong alphabet", TELETHON4.substring(0, 31) + "*"
            + TELETHON4.substring(32), List.of(
            "telethon-string: character outside base64 at position 30 (code 42)")),
        Arguments.of("pyrogram string behind a version character", "1" + PYROGRAM, List.of(
            "telethon-string: 363 characters decode to 271 bytes")),
        Arguments.of("pyrogram string truncated", PYROGRAM.substring(0, 360), List.of(
            "pyrogram-string: session string of 360 characters decodes to 270 bytes; expected "
                + "271 bytes (362 characters, Pyrogram 2.x) or 263/267 bytes (351/356 characters, "
                + "Pyrogram 0.15-1.4)",
            "mtcute-string: first byte (the version) is 2; expected 3",
            "telethon-string and gramjs-string: do not start with the version character '1'")),
        Arguments.of("legacy length with a 352-character body", legacyPyrogram(false)
            .substring(0, 350) + "AA", List.of("pyrogram-string: session string of 352 "
            + "characters decodes to 264 bytes")),
        Arguments.of("pyrogram legacy 351 with its = kept (Pyrogram refuses it too)",
            legacyPyrogram(false) + "=", List.of("pyrogram-string: session string of 352 "
                + "characters decodes to 263 bytes; expected 271 bytes", "Pyrogram chooses the "
                + "layout by the length as given, padding counted", "352 characters ending in '=' "
                + "is the length of a Telethon IPv4 string that lost its leading version "
                + "character '1' (Telethon writes '1' + 352 characters) and of a Pyrogram "
                + "0.15-1.4 string that kept its '='")),
        Arguments.of("mtcute truncated", MTCUTE.substring(0, 420), List.of(
            "mtcute-string: offset 69: expected the 256 bytes a TL bytes field announces, found "
                + "the end of the data (315 bytes)")),
        Arguments.of("mtcute with bytes after the key", MTCUTE + "AAAA", List.of(
            "mtcute-string: 3 bytes follow the auth key; expected none")),
        Arguments.of("a pyrogram legacy 351 string behind a '1' (Telethon refuses it too)",
            "1" + legacyPyrogram(false), List.of("telethon-string: 263 bytes without the '=' "
                + "padding: Telethon reads only 352 characters after the '1' as the IPv4 layout",
                "found 0.", "(a Pyrogram 0.15-1.4 string behind a '1' has this length)")),
        Arguments.of("telethon without its padding and with an address outside Telegram",
            telethonAt(new byte[] {10, 0, 0, 1}).substring(0, 352), List.of("telethon-string: "
                + "263 bytes without the '=' padding", "found 10.0.0.1 port 443")),
        Arguments.of("telethon with an all-zero key", telethon(2, new byte[256]), List.of(
            "telethon-string: auth key is all zeros (a session saved without a key)")),
        Arguments.of("telethon on DC 9", telethon(9, InteropFixtures.k1Bytes()), List.of(
            "telethon-string: DC id 9 is not a Telegram data centre; expected 1..5 or 203 in "
                + "production, 1..3 on the test servers")),
        Arguments.of("telethon IPv6 layout with a foreign address", telethonIpv6Foreign(),
            List.of("telethon-string: 275 bytes (the IPv6 layout), but bytes 1..16 are not a "
                + "Telegram IPv6 address")),
        Arguments.of("pyrogram test session on DC 4", pyrogramTestDc4(), List.of(
            "pyrogram-string: DC id 4 is not a Telegram data centre")),
        Arguments.of("JSON that is not gotd's", "{\"session\": \"abc\"}", List.of(
            "gotd-json: JSON without the top-level Version and Data fields")),
        Arguments.of("broken JSON", "{\"Version\":1,", List.of(
            "gotd-json: invalid JSON at offset 13: expected a member name in double quotes, "
                + "found the end of the text")),
        Arguments.of("plain words", "hello world, this is no session", List.of(
            "session string of 26 characters is none of the formats jgram reads; tried "
                + "pyrogram-string: character outside base64 at position 10 (code 44); "
                + "mtcute-string: character outside base64 at position 10 (code 44); gotd-json: "
                + "not JSON (does not start with '{'); telethon-string and gramjs-string: do not "
                + "start with the version character '1'")));
  }

  /**
   * Every format's strings minus their first character, as when copying loses it: none may
   * decode (to a key the string does not hold); each refusal says what the string resembles.
   */
  static Stream<Arguments> lookAlikes() {
    String lostOne = "characters is none of the formats jgram reads, but with a '1' in front it "
        + "is a valid ";
    String notBase64 = "base64 part has %d data characters, one more than a multiple of 4";
    return Stream.of(
        Arguments.of("telethon IPv4 minus its '1' (jgram issue 20: 352 characters ending in =)",
            TELETHON4.substring(1), List.of("pyrogram-string: session string of 352 characters "
                + "decodes to 263 bytes; expected 271 bytes", "its bytes are a Telethon IPv4 "
                + "session (address 149.154.167.51, port 443): a string that lost its leading "
                + "version character '1' in copying", lostOne + "telethon-string")),
        Arguments.of("telethon IPv4 minus its '1' and its '=' (Pyrogram's legacy length)",
            TELETHON4.substring(1, 352), List.of("pyrogram-string: session string of 351 "
                + "characters has the length of Pyrogram's legacy 351-character (263-byte) "
                + "layout, but its bytes are a Telethon IPv4 session", lostOne
                + "telethon-string")),
        Arguments.of("telethon IPv6 minus its '1'", TELETHON6.substring(1), List.of(
            "pyrogram-string: session string of 368 characters decodes to 275 bytes",
            "its bytes are a Telethon IPv6 session", lostOne + "telethon-string")),
        Arguments.of("gramjs 14-char address minus its '1'", GRAMJS14.substring(1), List.of(
            "pyrogram-string: session string of 368 characters decodes to 275 bytes",
            "its bytes are a GramJS session (a 14-character address text after the DC id)",
            lostOne + "gramjs-string")),
        Arguments.of("gramjs 13-char address minus its '1'", fixture("gramjs-ipv4-prod-dc5-k1")
            .substring(1), List.of("its bytes are a GramJS session (a 13-character address",
            lostOne + "gramjs-string")),
        Arguments.of("gramjs host name minus its '1'", fixture("gramjs-hostname-dc4-k1")
            .substring(1), List.of("its bytes are a GramJS session", lostOne + "gramjs-string")),
        Arguments.of("gramjs IPv6 text minus its '1'", fixture("gramjs-ipv6-dc4-k1").substring(1),
            List.of("its bytes are a GramJS session", lostOne + "gramjs-string")),
        Arguments.of("pyrogram current minus its first character", PYROGRAM.substring(1),
            List.of("pyrogram-string: " + String.format(notBase64, 361))),
        Arguments.of("pyrogram legacy 351 minus its first character",
            legacyPyrogram(false).substring(1), List.of("pyrogram-string: session string of "
                + "350 characters decodes to 262 bytes")),
        Arguments.of("pyrogram legacy 356 minus its first character",
            legacyPyrogram(true).substring(1), List.of("pyrogram-string: session string of "
                + "355 characters decodes to 266 bytes")),
        Arguments.of("mtcute minus its first character", MTCUTE.substring(1), List.of(
            "pyrogram-string: " + String.format(notBase64, MTCUTE.length() - 1),
            "mtcute-string: " + String.format(notBase64, MTCUTE.length() - 1))),
        Arguments.of("mtcute test bot minus its first character",
            fixture("mtcute-bot-test-dc1-k1").substring(1), List.of("pyrogram-string: ",
            "mtcute-string: ")),
        Arguments.of("gotd json minus its '{'",
            InteropFixtures.text("gotd-from-telethon-ipv4-prod-dc2-k1.json").substring(1),
            List.of("pyrogram-string: character outside base64 at position 0 (code 34)")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("lookAlikes")
  void aStringMinusItsFirstCharacterIsRefusedSayingWhatItResembles(String name, String input,
      List<String> texts) {
    refusedInputNamesEveryFormatTriedAndWhy(name, input, texts);
    everyRefusalMentionsEveryStringFormat(name, input, texts);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void refusedInputNamesEveryFormatTriedAndWhy(String name, String input, List<String> texts) {
    Throwable e = catchThrowable(() -> SessionFormats.detect(input));

    assertThat(e).isInstanceOf(InvalidSessionStringException.class);
    for (String text : texts) {
      assertThat(e.getMessage()).contains(text);
    }
    assertNoWindowOfTheInputIsQuoted(e.getMessage(), input);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("refused")
  void everyRefusalMentionsEveryStringFormat(String name, String input, List<String> texts) {
    String message = catchThrowable(() -> SessionFormats.detect(input)).getMessage();

    for (SessionFormat f : SessionFormat.values()) {
      if (f.kind() == SessionFormat.Kind.STRING) {
        assertThat(message).contains(f.cliName());
      }
    }
  }

  @org.junit.jupiter.api.Test
  void telethonsOwnDecoderRefusesTheGramJsStringOfTheSameLengthNamingTheClash() {
    assertThatThrownBy(() -> TelethonSessionString.decode(GRAMJS14))
        .hasMessage("telethon-string: 275 bytes (the IPv6 layout), but bytes 1..16 are not a "
            + "Telegram IPv6 address (expected 2001:… or 2a0a:…); a GramJS string with a "
            + "14-character address has this length");
  }

  private static void assertNoWindowOfTheInputIsQuoted(String message, String input) {
    String s = input.replaceAll("\\s", "");
    for (int i = 0; i + 12 <= s.length(); i++) {
      assertThat(message).doesNotContain(s.substring(i, i + 12));
    }
  }

  static String telethon(int dc, byte[] key) {
    ByteBuffer b = ByteBuffer.allocate(263).put((byte) dc)
        .put(new byte[] {(byte) 149, (byte) 154, (byte) 167, 51}).putShort((short) 443).put(key);
    return "1" + Base64.getUrlEncoder().encodeToString(b.array());
  }

  static String telethonAt(byte[] ipv4) {
    ByteBuffer b = ByteBuffer.allocate(263).put((byte) 2).put(ipv4).putShort((short) 443)
        .put(InteropFixtures.k1Bytes());
    return "1" + Base64.getUrlEncoder().encodeToString(b.array());
  }

  static String telethonIpv6Foreign() {
    byte[] ip = new byte[16];
    ip[15] = 1;
    ByteBuffer b = ByteBuffer.allocate(275).put((byte) 2).put(ip).putShort((short) 443)
        .put(InteropFixtures.k1Bytes());
    return "1" + Base64.getUrlEncoder().encodeToString(b.array());
  }

  static String pyrogramTestDc4() {
    ByteBuffer b = ByteBuffer.allocate(271).put((byte) 4).putInt(1).put((byte) 1)
        .put(InteropFixtures.k1Bytes()).putLong(5).put((byte) 0);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
  }

  /** Pyrogram 0.15-1.4: {@code >B?256sI?} (351 chars) or {@code >B?256sQ?} (356 chars). */
  static String legacyPyrogram(boolean wide) {
    ByteBuffer b = ByteBuffer.allocate(wide ? 267 : 263).put((byte) 2).put((byte) 0)
        .put(InteropFixtures.k1Bytes());
    if (wide) {
      b.putLong(7123456789L);
    } else {
      b.putInt(123456789);
    }
    b.put((byte) 1);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(b.array(),
        b.capacity()));
  }
}
