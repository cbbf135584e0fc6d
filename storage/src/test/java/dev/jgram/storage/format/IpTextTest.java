package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HexFormat;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class IpTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "149.154.167.51, 959aa733, 149.154.167.51",
      "2001:67c:4e8:f004::a, 2001067c04e8f004000000000000000a, 2001:67c:4e8:f004::a",
      "2001:067c:04e8:f004:0000:0000:0000:000a, 2001067c04e8f004000000000000000a, "
          + "2001:67c:4e8:f004::a",
      "::, 00000000000000000000000000000000, ::",
      "::1, 00000000000000000000000000000001, ::1",
      "2001::, 20010000000000000000000000000000, 2001::",
      "1:0:0:2:0:0:0:3, 00010000000000020000000000000003, 1:0:0:2::3",
      "1:0:0:2:0:0:3:4, 00010000000000020000000000030004, 1::2:0:0:3:4",
      "1:2:3:4:5:6:7:0, 00010002000300040005000600070000, 1:2:3:4:5:6:7:0",
      "::ffff:1.2.3.4, 00000000000000000000ffff01020304, ::ffff:102:304",
      "2A0A:F280:0203:000A:5000:0000:0000:0100, 2a0af2800203000a5000000000000100, "
          + "2a0a:f280:203:a:5000::100"})
  void literalsParseToTheirBytesAndFormatLikePython(String text, String hex, String canonical) {
    byte[] ip = IpText.parse(text);

    assertThat(HexFormat.of().formatHex(ip)).isEqualTo(hex);
    assertThat(IpText.format(ip)).isEqualTo(canonical);
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.2.3", "1.2.3.4.5", "256.1.1.1", "01.2.3.4", "1.2.3.-4", "1::2::3",
      "1:2:3:4:5:6:7:8:9", "12345::", "g::", ":1", "1:2:3:4:5:6:7", "example.org", ""})
  void nonLiteralsAreNotIpAddresses(String text) {
    assertThat(IpText.parse(text)).isNull();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"vesta.web.telegram.org", "localhost", "a-b.example", "x1.io"})
  void hostNamesAreRecognised(String text) {
    assertThat(IpText.isHostname(text)).isTrue();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"1.2.3.4", "-a.org", "a..org", "a_b.org", "a.org.", "x y", ""})
  void nonHostNamesAreRefused(String text) {
    assertThat(IpText.isHostname(text)).isFalse();
  }
}
