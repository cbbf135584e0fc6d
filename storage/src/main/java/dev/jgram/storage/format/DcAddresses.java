package dev.jgram.storage.format;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Telegram's data-centre addresses as Pyrogram, Telethon and GramJS ship them: for formats
 * that need an address when the source had none (a Pyrogram string carries only the DC id),
 * and the reverse mapping, which tells a test-server session from a production one by its
 * address.
 *
 * <table>
 *   <caption>Production (port 443)</caption>
 *   <tr><th>DC</th><th>IPv4</th><th>IPv6</th></tr>
 *   <tr><td>1</td><td>149.154.175.53</td><td>2001:b28:f23d:f001::a</td></tr>
 *   <tr><td>2</td><td>149.154.167.51</td><td>2001:67c:4e8:f002::a</td></tr>
 *   <tr><td>3</td><td>149.154.175.100</td><td>2001:b28:f23d:f003::a</td></tr>
 *   <tr><td>4</td><td>149.154.167.91</td><td>2001:67c:4e8:f004::a</td></tr>
 *   <tr><td>5</td><td>91.108.56.130</td><td>2001:b28:f23f:f005::a</td></tr>
 *   <tr><td>203</td><td>91.105.192.100</td><td>2a0a:f280:203:a:5000::100</td></tr>
 * </table>
 *
 * <table>
 *   <caption>Test servers (port 80)</caption>
 *   <tr><th>DC</th><th>IPv4</th><th>IPv6</th></tr>
 *   <tr><td>1</td><td>149.154.175.10</td><td>2001:b28:f23d:f001::e</td></tr>
 *   <tr><td>2</td><td>149.154.167.40</td><td>2001:67c:4e8:f002::e</td></tr>
 *   <tr><td>3</td><td>149.154.175.117</td><td>2001:b28:f23d:f003::e</td></tr>
 * </table>
 *
 * <p>The reverse mapping also knows the production media addresses of DC 2
 * (149.154.167.151, 2001:67c:4e8:f002::b) and DC 4 (149.154.164.250, 2001:67c:4e8:f004::b).
 */
public final class DcAddresses {
  /** The port of the production data centres. */
  public static final int PRODUCTION_PORT = 443;
  /** The port of the test data centres (Pyrogram's and Telethon's choice). */
  public static final int TEST_PORT = 80;

  private static final List<DcAddress> TABLE = List.of(
      prod(1, "149.154.175.53", "2001:b28:f23d:f001::a"),
      prod(2, "149.154.167.51", "2001:67c:4e8:f002::a"),
      prod(3, "149.154.175.100", "2001:b28:f23d:f003::a"),
      prod(4, "149.154.167.91", "2001:67c:4e8:f004::a"),
      prod(5, "91.108.56.130", "2001:b28:f23f:f005::a"),
      prod(203, "91.105.192.100", "2a0a:f280:203:a:5000::100"),
      test(1, "149.154.175.10", "2001:b28:f23d:f001::e"),
      test(2, "149.154.167.40", "2001:67c:4e8:f002::e"),
      test(3, "149.154.175.117", "2001:b28:f23d:f003::e"));

  private static final Map<String, DcAddress> REVERSE = reverse();

  private DcAddresses() {}

  /** Every known data centre, production first. */
  public static List<DcAddress> all() {
    return TABLE;
  }

  /** The addresses of data centre {@code dcId} in production or on the test servers. */
  public static Optional<DcAddress> find(int dcId, boolean testMode) {
    return TABLE.stream().filter(a -> a.dcId() == dcId && a.testMode() == testMode).findFirst();
  }

  /** Whether {@code dcId} is a data centre of production ({@code testMode} false) or test. */
  public static boolean isKnown(int dcId, boolean testMode) {
    return find(dcId, testMode).isPresent();
  }

  /** Whether {@code dcId} exists in production or on the test servers. */
  public static boolean isKnown(int dcId) {
    return isKnown(dcId, false) || isKnown(dcId, true);
  }

  /**
   * The data centre an address belongs to (the reverse mapping). IPv6 text is compared in
   * canonical form, so {@code 2001:067c:04e8:f004:0000:0000:0000:000a} matches
   * {@code 2001:67c:4e8:f004::a}.
   */
  public static Optional<DcAddress> lookup(String address) {
    if (address == null) {
      return Optional.empty();
    }
    return Optional.ofNullable(REVERSE.get(IpText.normalize(address)));
  }

  /**
   * Whether a session on {@code dcId} at {@code address} is on the test servers, when that
   * can be told: from the reverse mapping, else from the id alone (test DCs are 1..3 only).
   */
  public static Optional<Boolean> testModeOf(int dcId, String address) {
    Optional<DcAddress> known = lookup(address);
    if (known.isPresent() && known.get().dcId() == dcId) {
      return Optional.of(known.get().testMode());
    }
    if (isKnown(dcId, false) && !isKnown(dcId, true)) {
      return Optional.of(false);
    }
    return Optional.empty();
  }

  private static DcAddress prod(int dc, String ipv4, String ipv6) {
    return new DcAddress(dc, false, ipv4, ipv6, PRODUCTION_PORT);
  }

  private static DcAddress test(int dc, String ipv4, String ipv6) {
    return new DcAddress(dc, true, ipv4, ipv6, TEST_PORT);
  }

  private static Map<String, DcAddress> reverse() {
    Map<String, DcAddress> map = new HashMap<>();
    for (DcAddress a : TABLE) {
      map.put(a.ipv4(), a);
      map.put(IpText.normalize(a.ipv6()), a);
    }
    DcAddress dc2 = find(2, false).orElseThrow();
    DcAddress dc4 = find(4, false).orElseThrow();
    map.put("149.154.167.151", dc2);
    map.put(IpText.normalize("2001:67c:4e8:f002::b"), dc2);
    map.put("149.154.164.250", dc4);
    map.put(IpText.normalize("2001:67c:4e8:f004::b"), dc4);
    return Map.copyOf(map);
  }
}
