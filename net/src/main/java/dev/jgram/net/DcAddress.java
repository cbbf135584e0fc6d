package dev.jgram.net;

/**
 * Where one data centre listens.
 *
 * @param id the DC id (1..5 in production, 1..3 on Telegram's test servers)
 * @param host an IP literal or host name
 * @param port the TCP port, 1..65535
 */
public record DcAddress(int id, String host, int port) {

  /** Checks the id, host and port. */
  public DcAddress {
    if (id <= 0) {
      throw new IllegalArgumentException("DC id must be positive, was " + id);
    }
    if (host == null || host.isBlank()) {
      throw new IllegalArgumentException("DC " + id + " host is required");
    }
    if (port <= 0 || port > 65535) {
      throw new IllegalArgumentException("DC " + id + " port must be 1..65535, was " + port);
    }
  }

  /**
   * Parses {@code ID=HOST:PORT} (an IPv6 host in brackets: {@code 2=[::1]:443}).
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static DcAddress parse(String text) {
    int eq = text == null ? -1 : text.indexOf('=');
    int colon = text == null ? -1 : text.lastIndexOf(':');
    if (eq <= 0 || colon <= eq + 1 || colon == text.length() - 1) {
      throw new IllegalArgumentException("DC address '" + text + "' is not ID=HOST:PORT");
    }
    try {
      String host = text.substring(eq + 1, colon);
      if (host.startsWith("[") && host.endsWith("]")) {
        host = host.substring(1, host.length() - 1);
      }
      return new DcAddress(Integer.parseInt(text.substring(0, eq).strip()), host,
          Integer.parseInt(text.substring(colon + 1).strip()));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("DC address '" + text
          + "' is not ID=HOST:PORT with numbers for ID and PORT", e);
    }
  }

  @Override
  public String toString() {
    return "DC " + id + " (" + (host.contains(":") ? "[" + host + "]" : host) + ":" + port + ")";
  }
}
