package dev.jgram.storage.format;

import java.util.Locale;

/**
 * IP literals and host names as text, without ever touching DNS (unlike
 * {@code InetAddress.getByName}, which resolves anything that is not a literal).
 *
 * <p>IPv6 text is formatted the way Python's {@code ipaddress} module and RFC 5952 do: lower
 * case, no leading zeros, the first longest run of two or more zero groups as {@code ::}.
 */
final class IpText {
  private IpText() {}

  /** The 4 or 16 bytes of an IPv4 or IPv6 literal, or {@code null} if it is neither. */
  static byte[] parse(String text) {
    if (text == null || text.isEmpty()) {
      return null;
    }
    return text.indexOf(':') >= 0 ? parseIpv6(text) : parseIpv4(text);
  }

  /** Whether {@code text} is an IPv4 or IPv6 literal. */
  static boolean isIp(String text) {
    return parse(text) != null;
  }

  /**
   * Whether {@code text} is a DNS host name: dot-separated labels of letters, digits and
   * inner hyphens, 1..63 characters each, 253 in all, the last one not all digits.
   */
  static boolean isHostname(String text) {
    if (text == null || text.isEmpty() || text.length() > 253) {
      return false;
    }
    String[] labels = text.split("\\.", -1);
    for (String label : labels) {
      if (!isLabel(label)) {
        return false;
      }
    }
    return !labels[labels.length - 1].chars().allMatch(c -> c >= '0' && c <= '9');
  }

  /** Canonical text of 4 or 16 address bytes. */
  static String format(byte[] ip) {
    if (ip.length == 4) {
      return (ip[0] & 0xff) + "." + (ip[1] & 0xff) + "." + (ip[2] & 0xff) + "." + (ip[3] & 0xff);
    }
    if (ip.length != 16) {
      throw new IllegalArgumentException("an IP address has 4 or 16 bytes, not " + ip.length);
    }
    return formatIpv6(ip);
  }

  /** The canonical form of an IP literal, or the lower-cased text of anything else. */
  static String normalize(String text) {
    byte[] ip = parse(text);
    return ip != null ? format(ip) : text.toLowerCase(Locale.ROOT);
  }

  private static boolean isLabel(String label) {
    if (label.isEmpty() || label.length() > 63) {
      return false;
    }
    if (label.charAt(0) == '-' || label.charAt(label.length() - 1) == '-') {
      return false;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
          || c == '-';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  private static byte[] parseIpv4(String text) {
    String[] parts = text.split("\\.", -1);
    if (parts.length != 4) {
      return null;
    }
    byte[] out = new byte[4];
    for (int i = 0; i < 4; i++) {
      int value = decimalOctet(parts[i]);
      if (value < 0) {
        return null;
      }
      out[i] = (byte) value;
    }
    return out;
  }

  /** 0..255 without leading zeros (Python rejects them too), or -1. */
  private static int decimalOctet(String part) {
    if (part.isEmpty() || part.length() > 3 || (part.length() > 1 && part.charAt(0) == '0')) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      char c = part.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      value = value * 10 + (c - '0');
    }
    return value <= 255 ? value : -1;
  }

  private static byte[] parseIpv6(String text) {
    int gap = text.indexOf("::");
    if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
      return null;
    }
    int[] head = gap < 0 ? groups(text) : groups(text.substring(0, gap));
    int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2));
    if (head == null || tail == null) {
      return null;
    }
    int total = head.length + tail.length;
    if (gap < 0 ? total != 8 : total > 7) {
      return null;
    }
    int[] all = new int[8];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(tail, 0, all, 8 - tail.length, tail.length);
    byte[] out = new byte[16];
    for (int i = 0; i < 8; i++) {
      out[2 * i] = (byte) (all[i] >>> 8);
      out[2 * i + 1] = (byte) all[i];
    }
    return out;
  }

  /** The 16-bit groups of one side of {@code ::}; a dotted IPv4 tail counts as two. */
  private static int[] groups(String side) {
    if (side.isEmpty()) {
      return new int[0];
    }
    String[] parts = side.split(":", -1);
    int last = parts.length - 1;
    byte[] v4 = parts[last].indexOf('.') >= 0 ? parseIpv4(parts[last]) : null;
    if (parts[last].indexOf('.') >= 0 && v4 == null) {
      return null;
    }
    int count = v4 == null ? parts.length : parts.length + 1;
    int[] out = new int[count];
    for (int i = 0; i < (v4 == null ? parts.length : last); i++) {
      out[i] = hexGroup(parts[i]);
      if (out[i] < 0) {
        return null;
      }
    }
    if (v4 != null) {
      out[last] = ((v4[0] & 0xff) << 8) | (v4[1] & 0xff);
      out[last + 1] = ((v4[2] & 0xff) << 8) | (v4[3] & 0xff);
    }
    return out;
  }

  private static int hexGroup(String part) {
    if (part.isEmpty() || part.length() > 4) {
      return -1;
    }
    int value = 0;
    for (int i = 0; i < part.length(); i++) {
      int digit = Character.digit(part.charAt(i), 16);
      if (digit < 0) {
        return -1;
      }
      value = value * 16 + digit;
    }
    return value;
  }

  private static String formatIpv6(byte[] ip) {
    int[] groups = new int[8];
    for (int i = 0; i < 8; i++) {
      groups[i] = ((ip[2 * i] & 0xff) << 8) | (ip[2 * i + 1] & 0xff);
    }
    int[] run = longestZeroRun(groups);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      if (i == run[0]) {
        sb.append(i == 0 ? "::" : ":");
        i += run[1] - 1;
        continue;
      }
      sb.append(Integer.toHexString(groups[i]));
      if (i < 7) {
        sb.append(':');
      }
    }
    return sb.toString();
  }

  /** Start and length of the first longest run of at least two zero groups; start -1 if none. */
  private static int[] longestZeroRun(int[] groups) {
    int bestStart = -1;
    int bestLength = 1;
    for (int i = 0; i < groups.length; i++) {
      int j = i;
      while (j < groups.length && groups[j] == 0) {
        j++;
      }
      if (j - i > bestLength) {
        bestStart = i;
        bestLength = j - i;
      }
      i = Math.max(i, j);
    }
    return new int[] {bestStart, bestLength};
  }
}
