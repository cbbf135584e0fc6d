package dev.jgram.storage.format;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DcAddressesTest {

  @ParameterizedTest(name = "DC {0} test={1}")
  @CsvSource({
      "1, false, 149.154.175.53, 2001:b28:f23d:f001::a, 443",
      "2, false, 149.154.167.51, 2001:67c:4e8:f002::a, 443",
      "3, false, 149.154.175.100, 2001:b28:f23d:f003::a, 443",
      "4, false, 149.154.167.91, 2001:67c:4e8:f004::a, 443",
      "5, false, 91.108.56.130, 2001:b28:f23f:f005::a, 443",
      "203, false, 91.105.192.100, 2a0a:f280:203:a:5000::100, 443",
      "1, true, 149.154.175.10, 2001:b28:f23d:f001::e, 80",
      "2, true, 149.154.167.40, 2001:67c:4e8:f002::e, 80",
      "3, true, 149.154.175.117, 2001:b28:f23d:f003::e, 80"})
  void everyDataCentreHasItsAddressesAndPortAndMapsBack(int dc, boolean test, String ipv4,
      String ipv6, int port) {
    DcAddress a = DcAddresses.find(dc, test).orElseThrow();

    assertThat(a).isEqualTo(new DcAddress(dc, test, ipv4, ipv6, port));
    assertThat(DcAddresses.lookup(ipv4)).contains(a);
    assertThat(DcAddresses.lookup(ipv6)).contains(a);
  }

  @Test
  void thereAreSixProductionAndThreeTestDataCentres() {
    assertThat(DcAddresses.all()).hasSize(9);
    assertThat(DcAddresses.isKnown(4, true)).isFalse();
    assertThat(DcAddresses.isKnown(6)).isFalse();
    assertThat(DcAddresses.isKnown(203, false)).isTrue();
  }

  @Test
  void theLongIpv6FormGramJsWritesMapsToTheSameDataCentre() {
    assertThat(DcAddresses.lookup("2001:067c:04e8:f004:0000:0000:0000:000a"))
        .map(DcAddress::dcId).contains(4);
  }

  @Test
  void mediaAddressesMapToTheirDataCentre() {
    assertThat(DcAddresses.lookup("149.154.167.151")).map(DcAddress::dcId).contains(2);
    assertThat(DcAddresses.lookup("149.154.164.250")).map(DcAddress::dcId).contains(4);
  }

  @Test
  void testModeComesFromTheAddressOrFromADcIdThatOnlyProductionHas() {
    assertThat(DcAddresses.testModeOf(2, "149.154.167.40")).contains(true);
    assertThat(DcAddresses.testModeOf(2, "149.154.167.51")).contains(false);
    assertThat(DcAddresses.testModeOf(5, "91.108.56.179")).contains(false);
    assertThat(DcAddresses.testModeOf(4, "vesta.web.telegram.org")).contains(false);
    assertThat(DcAddresses.testModeOf(2, "example.org")).isEmpty();
    assertThat(DcAddresses.testModeOf(2, null)).isEmpty();
  }

  @Test
  void unknownAddressesAndHostNamesMapToNothing() {
    assertThat(DcAddresses.lookup("10.0.0.1")).isEmpty();
    assertThat(DcAddresses.lookup("venus.web.telegram.org")).isEmpty();
    assertThat(DcAddresses.lookup(null)).isEmpty();
  }
}
