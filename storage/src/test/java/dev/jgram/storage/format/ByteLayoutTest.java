package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.Session;
import java.util.Base64;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Each encoder's bytes against vectors computed by hand from the spec's byte tables. */
class ByteLayoutTest {
  /** Key bytes 00 01 02 .. ff. */
  static final byte[] KEY = counting();
  static final String KEY_HEX = HexFormat.of().formatHex(KEY);

  static byte[] counting() {
    byte[] key = new byte[256];
    for (int i = 0; i < 256; i++) {
      key[i] = (byte) i;
    }
    return key;
  }

  static Session session(int dc, Boolean test, Long user, Boolean bot) {
    return new Session(dc, null, test, AuthKey.of(KEY), 0, user, bot);
  }

  static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }

  @Test
  void telethonIpv4IsDcThenFourAddressBytesThenPortThenKey() {
    String s = SessionFormats.encode(PortableSession.of(
        session(2, false, null, null), "149.154.167.51", 443), SessionFormat.TELETHON_STRING);

    assertThat(s).hasSize(353).startsWith("1ApWapzMBuw").endsWith("=");
    assertThat(hex(Base64.getUrlDecoder().decode(s.substring(1))))
        .isEqualTo("02" + "959aa733" + "01bb" + KEY_HEX);
  }

  @Test
  void telethonIpv6IsDcThenSixteenAddressBytesThenPortThenKey() {
    String s = SessionFormats.encode(PortableSession.of(
        session(4, false, null, null), "2001:67c:4e8:f004::a", 443), SessionFormat.TELETHON_STRING);

    assertThat(s).hasSize(369).endsWith("=");
    assertThat(hex(Base64.getUrlDecoder().decode(s.substring(1))))
        .isEqualTo("04" + "2001067c04e8f004000000000000000a" + "01bb" + KEY_HEX);
  }

  @Test
  void telethonTestSessionWithoutAddressGetsTheTestDcAndPort80() {
    String s = SessionFormats.encode(PortableSession.of(session(2, true, null, null)),
        SessionFormat.TELETHON_STRING);

    assertThat(hex(Base64.getUrlDecoder().decode(s.substring(1))))
        .isEqualTo("02" + "959aa728" + "0050" + KEY_HEX);
  }

  @Test
  void gramJsIsDcThenLengthThenAddressTextThenPortThenKeyInStandardBase64() {
    String s = SessionFormats.encode(PortableSession.of(
        session(2, false, null, null), "149.154.167.51", 443), SessionFormat.GRAMJS_STRING);

    assertThat(s).hasSize(369).startsWith("1AgAOMTQ5LjE1NC4xNjcuNTEBuw").endsWith("=");
    assertThat(s.substring(1)).doesNotContain("-", "_");
    assertThat(hex(Base64.getDecoder().decode(s.substring(1)))).isEqualTo("02" + "000e"
        + "3134392e3135342e3136372e3531" + "01bb" + KEY_HEX);
  }

  @Test
  void gramJsKeepsAHostNameAsText() {
    String s = SessionFormats.encode(PortableSession.of(
        session(4, false, null, null), "vesta.web.telegram.org", 443), SessionFormat.GRAMJS_STRING);

    assertThat(hex(Base64.getDecoder().decode(s.substring(1)))).isEqualTo("04" + "0016"
        + "76657374612e7765622e74656c656772616d2e6f7267" + "01bb" + KEY_HEX);
  }

  @Test
  void mtcuteUserIsVersionFlagsMainDcSelfAndKeyInTlEncoding() {
    String s = SessionFormats.encode(PortableSession.of(
        session(2, false, 7123456789L, false), "149.154.167.51", 443), SessionFormat.MTCUTE_STRING);

    assertThat(s).doesNotContain("=");
    assertThat(hex(Base64.getUrlDecoder().decode(s))).isEqualTo("03" + "01000000"
        + "17" + "020200" + "0e" + "3134392e3135342e3136372e3531" + "00" + "bb010000"
        + "155397a801000000"
        + "379779bc" + "fe000100" + KEY_HEX);
  }

  @Test
  void mtcuteWithoutUserLeavesOutTheSelfBlockAndMarksTestAndIpv6InTheDcOption() {
    String s = SessionFormats.encode(PortableSession.of(
        session(1, true, null, null), "2001:b28:f23d:f001::e", 80), SessionFormat.MTCUTE_STRING);

    String address = "323030313a6232383a663233643a663030313a3a65";
    assertThat(hex(Base64.getUrlDecoder().decode(s))).isEqualTo("03" + "00000000"
        + "1f" + "020105" + "15" + address + "0000" + "50000000" + "fe000100" + KEY_HEX);
  }

  @Test
  void gotdIsGoEncodingJsonWithZeroConfigAndTheKeyIdOfTheKey() throws Exception {
    String json = SessionFormats.encode(PortableSession.of(
        session(2, false, null, null), "149.154.167.51", 443), SessionFormat.GOTD_JSON);

    byte[] sha1 = java.security.MessageDigest.getInstance("SHA-1").digest(KEY);
    assertThat(json).isEqualTo("{\"Version\":1,\"Data\":{\"Config\":{\"BlockedMode\":false,"
        + "\"ForceTryIpv6\":false,\"Date\":0,\"Expires\":0,\"TestMode\":false,\"ThisDC\":0,"
        + "\"DCOptions\":null,\"DCTxtDomainName\":\"\",\"TmpSessions\":0,\"WebfileDCID\":0},"
        + "\"DC\":2,\"Addr\":\"149.154.167.51:443\",\"AuthKey\":\""
        + Base64.getEncoder().encodeToString(KEY) + "\",\"AuthKeyID\":\""
        + Base64.getEncoder().encodeToString(java.util.Arrays.copyOfRange(sha1, 12, 20))
        + "\",\"Salt\":0}}");
  }

  @Test
  void pyrogramThroughSessionFormatsIsTheCurrentLayout() {
    Session s = new Session(2, 12345L, false, AuthKey.of(KEY), 0, 987654321L, false);

    String text = SessionFormats.encode(PortableSession.of(s), SessionFormat.PYROGRAM_STRING);

    assertThat(text).hasSize(362).startsWith("AgAAMDkA");
    assertThat(hex(Base64.getUrlDecoder().decode(text)))
        .isEqualTo("02" + "00003039" + "00" + KEY_HEX + "000000003ade68b1" + "00");
  }
}
