package dev.jgram.storage;

import java.util.Map;

/**
 * Telegram's data-centre addresses as Pyrogram's built-in tables list them. kurigram's schema 7
 * stores the address and port of the home DC in {@code sessions}; jgram keeps them in step
 * when it writes the session of such a file.
 */
final class DataCenters {
  private static final Map<Integer, String> PRODUCTION = Map.of(
      1, "149.154.175.53", 2, "149.154.167.51", 3, "149.154.175.100", 4, "149.154.167.91",
      5, "91.108.56.130", 203, "91.105.192.100");
  private static final Map<Integer, String> TEST = Map.of(
      1, "149.154.175.10", 2, "149.154.167.40", 3, "149.154.175.117");

  private DataCenters() {}

  /** The IPv4 address of a DC, or null if the tables do not list it. */
  static String address(Integer dcId, Boolean testMode) {
    if (dcId == null) {
      return null;
    }
    return (Boolean.TRUE.equals(testMode) ? TEST : PRODUCTION).get(dcId);
  }

  /** Test servers listen on 80, production on 443. */
  static int port(Boolean testMode) {
    return Boolean.TRUE.equals(testMode) ? 80 : 443;
  }
}
