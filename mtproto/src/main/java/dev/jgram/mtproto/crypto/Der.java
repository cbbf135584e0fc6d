package dev.jgram.mtproto.crypto;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.util.Base64;

/**
 * The few DER and PEM shapes RSA keys need: SEQUENCE (0x30), INTEGER (0x02), OCTET STRING
 * (0x04), OBJECT IDENTIFIER (0x06) and NULL (0x05).
 *
 * <pre>
 * element = tag byte, length, content
 * length  = one byte below 0x80, or 0x8N followed by N bytes (big-endian), N = 1..3 here
 * PEM     = "-----BEGIN label-----", base64 of the DER bytes in 64-column lines, "-----END label-----"
 * </pre>
 *
 * <p>Reading is a cursor over one DER buffer; writing builds byte arrays bottom-up.
 */
final class Der {
  static final int SEQUENCE = 0x30;
  static final int INTEGER = 0x02;
  static final int OCTET_STRING = 0x04;
  static final int NULL = 0x05;
  static final int OBJECT_IDENTIFIER = 0x06;

  private final byte[] der;
  private int at;
  private final String what;

  private Der(byte[] der, int at, String what) {
    this.der = der;
    this.at = at;
    this.what = what;
  }

  /** A cursor at the start of {@code der}; {@code what} names the structure in messages. */
  static Der reader(byte[] der, String what) {
    return new Der(der, 0, what);
  }

  /** The DER bytes inside the first {@code -----BEGIN label-----} block of {@code pem}. */
  static byte[] pemBody(String pem, String label) {
    String begin = "-----BEGIN " + label + "-----";
    String end = "-----END " + label + "-----";
    int from = pem.indexOf(begin);
    int to = pem.indexOf(end);
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("PEM text has no " + begin + " ... " + end + " block");
    }
    String body = pem.substring(from + begin.length(), to).replaceAll("\\s", "");
    try {
      return Base64.getDecoder().decode(body);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("PEM body of " + label + " is not valid base64", e);
    }
  }

  /** PEM text for {@code der} under {@code label}, 64 base64 characters a line. */
  static String pem(String label, byte[] der) {
    String base64 = Base64.getMimeEncoder(64, "\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + base64 + "\n-----END " + label + "-----\n";
  }

  /** Enters an element with {@code tag}; returns the offset just past its content. */
  int enter(int tag) {
    if (at >= der.length || (der[at] & 0xFF) != tag) {
      throw new IllegalArgumentException(String.format("%s: DER tag at offset %d is %s; expected"
          + " 0x%02x", what, at, at >= der.length ? "past the end" : String.format("0x%02x",
          der[at] & 0xFF), tag));
    }
    at++;
    int length = der[at++] & 0xFF;
    if (length >= 0x80) {
      int count = length & 0x7F;
      if (count == 0 || count > 3 || at + count > der.length) {
        throw new IllegalArgumentException(what + ": DER length of " + count
            + " bytes at offset " + at + " is unsupported");
      }
      length = 0;
      for (int i = 0; i < count; i++) {
        length = (length << 8) | (der[at++] & 0xFF);
      }
    }
    if (at + length > der.length) {
      throw new IllegalArgumentException(what + ": DER element at offset " + at
          + " runs past the end");
    }
    return at + length;
  }

  /** Reads an INTEGER. */
  BigInteger integer() {
    int end = enter(INTEGER);
    if (end == at) {
      throw new IllegalArgumentException(what + ": empty DER INTEGER at offset " + at);
    }
    BigInteger value = new BigInteger(java.util.Arrays.copyOfRange(der, at, end));
    at = end;
    return value;
  }

  /** Reads the content of an element with {@code tag}. */
  byte[] content(int tag) {
    int end = enter(tag);
    byte[] content = java.util.Arrays.copyOfRange(der, at, end);
    at = end;
    return content;
  }

  /** Moves to {@code offset}, e.g. past optional trailing elements of a sequence. */
  void skipTo(int offset) {
    at = offset;
  }

  int position() {
    return at;
  }

  /** Fails unless the cursor stands at {@code end}. */
  void expectEnd(int end, String after) {
    if (at != end) {
      throw new IllegalArgumentException(what + ": unexpected bytes after " + after);
    }
  }

  /** An element: tag, DER length, content. */
  static byte[] element(int tag, byte[] content) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(content.length + 5);
    out.write(tag);
    int length = content.length;
    if (length < 0x80) {
      out.write(length);
    } else if (length < 0x100) {
      out.write(0x81);
      out.write(length);
    } else if (length < 0x10000) {
      out.write(0x82);
      out.write(length >>> 8);
      out.write(length);
    } else {
      out.write(0x83);
      out.write(length >>> 16);
      out.write(length >>> 8);
      out.write(length);
    }
    out.writeBytes(content);
    return out.toByteArray();
  }

  /** An INTEGER in two's complement, as DER wants it (a leading 0 for a set top bit). */
  static byte[] integer(BigInteger value) {
    return element(INTEGER, value.toByteArray());
  }

  /** A SEQUENCE of already encoded elements. */
  static byte[] sequence(byte[]... elements) {
    return element(SEQUENCE, Bytes.concat(elements));
  }
}
