package dev.jgram.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.jgram.mtproto.api.DcOption;
import java.util.List;
import org.junit.jupiter.api.Test;

class DcTableTest {

  static DcOption option(int id, String ip, int port, boolean ipv6, boolean media, boolean tcpo,
      boolean cdn) {
    return new DcOption(id, ip, port, ipv6, media, tcpo, cdn, false, null);
  }

  @Test
  void productionHasTelegramsFiveDcsOnPort443() {
    DcTable t = DcTable.production();
    assertThat(t.ids()).containsExactly(1, 2, 3, 4, 5);
    assertThat(t.address(2)).isEqualTo(new DcAddress(2, "149.154.167.51", 443));
    assertThat(t.address(5).host()).isEqualTo("91.108.56.130");
  }

  @Test
  void testServersHaveThreeDcsOnPort80() {
    DcTable t = DcTable.builtIn(true);
    assertThat(t.ids()).containsExactly(1, 2, 3);
    assertThat(t.address(2)).isEqualTo(new DcAddress(2, "149.154.167.40", 80));
  }

  @Test
  void anOverrideReplacesOneDcOnly() {
    DcTable t = DcTable.production().with(new DcAddress(2, "127.0.0.1", 10443));
    assertThat(t.address(2).port()).isEqualTo(10443);
    assertThat(t.address(1)).isEqualTo(DcTable.production().address(1));
  }

  @Test
  void configRefreshPrefersIpv4AndSkipsMediaCdnAndTcpoOnlyEntries() {
    DcTable t = DcTable.of(new DcAddress(1, "10.0.0.1", 1)).refreshed(List.of(
        option(2, "2001:db8::1", 443, true, false, false, false),
        option(2, "10.0.0.9", 9, false, true, false, false),
        option(2, "10.0.0.8", 8, false, false, true, false),
        option(2, "10.0.0.7", 7, false, false, false, true),
        option(2, "10.0.0.2", 443, false, false, false, false),
        option(2, "10.0.0.3", 443, false, false, false, false),
        option(4, "10.0.0.4", 444, false, false, false, false)));
    assertThat(t.address(2)).isEqualTo(new DcAddress(2, "10.0.0.2", 443));
    assertThat(t.address(4).port()).isEqualTo(444);
    assertThat(t.address(1).host()).isEqualTo("10.0.0.1");
  }

  @Test
  void anUnknownDcNamesTheKnownOnes() {
    assertThatThrownBy(() -> DcTable.test().address(5)).isInstanceOf(NetException.class)
        .hasMessageContaining("DC 5").hasMessageContaining("[1, 2, 3]");
  }

  @Test
  void addressesParseFromTheCommandLineForm() {
    assertThat(DcAddress.parse("2=127.0.0.1:10443"))
        .isEqualTo(new DcAddress(2, "127.0.0.1", 10443));
    assertThat(DcAddress.parse("4=[::1]:443")).isEqualTo(new DcAddress(4, "::1", 443));
    for (String bad : new String[] {"2", "=h:1", "2=h", "2=h:", "x=h:1", "2=h:y", "2=h:70000",
        "0=h:1"}) {
      assertThatThrownBy(() -> DcAddress.parse(bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
  }
}
