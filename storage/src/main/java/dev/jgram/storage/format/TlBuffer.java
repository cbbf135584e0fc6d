package dev.jgram.storage.format;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The few TL primitives mtcute's session string uses, little-endian: int32, int64, bool and
 * {@code bytes}/{@code string} (length byte, or 0xFE + 3-byte length from 254 on; data;
 * zero padding to a multiple of 4). Reads report malformed input as
 * {@link IllegalArgumentException} with offsets only.
 */
final class TlBuffer {
  static final int BOOL_TRUE = 0x997275b5;
  static final int BOOL_FALSE = 0xbc799737;

  private final byte[] data;
  private int pos;
  private final ByteArrayOutputStream out;

  private TlBuffer(byte[] data, int pos) {
    this.data = data;
    this.pos = pos;
    this.out = null;
  }

  private TlBuffer() {
    this.data = null;
    this.out = new ByteArrayOutputStream(512);
  }

  /** A reader of {@code data} from {@code offset}. */
  static TlBuffer reader(byte[] data, int offset) {
    return new TlBuffer(data, offset);
  }

  /** An empty writer. */
  static TlBuffer writer() {
    return new TlBuffer();
  }

  int position() {
    return pos;
  }

  boolean atEnd() {
    return pos == data.length;
  }

  int u8() {
    need(1, "a byte");
    return data[pos++] & 0xff;
  }

  int int32() {
    need(4, "a 4-byte integer");
    int v = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16
        | (data[pos + 3] & 0xff) << 24;
    pos += 4;
    return v;
  }

  long int64() {
    long low = int32() & 0xffffffffL;
    long high = int32() & 0xffffffffL;
    return high << 32 | low;
  }

  boolean bool() {
    int at = pos;
    int v = int32();
    if (v == BOOL_TRUE) {
      return true;
    }
    if (v == BOOL_FALSE) {
      return false;
    }
    throw new IllegalArgumentException("offset " + at + ": expected a TL bool (boolTrue or "
        + "boolFalse), found another constructor");
  }

  byte[] bytes() {
    int start = pos;
    int length = u8();
    int header = 1;
    if (length == 254) {
      need(3, "a 3-byte length");
      length = (data[pos] & 0xff) | (data[pos + 1] & 0xff) << 8 | (data[pos + 2] & 0xff) << 16;
      pos += 3;
      header = 4;
    } else if (length == 255) {
      throw new IllegalArgumentException("offset " + start + ": TL bytes length byte 255 is "
          + "not valid");
    }
    need(length, "the " + length + " bytes a TL bytes field announces");
    byte[] value = java.util.Arrays.copyOfRange(data, pos, pos + length);
    pos += length;
    int padding = (4 - (header + length) % 4) % 4;
    need(padding, "the padding of a TL bytes field");
    pos += padding;
    return value;
  }

  String string() {
    return new String(bytes(), StandardCharsets.UTF_8);
  }

  TlBuffer putU8(int v) {
    out.write(v);
    return this;
  }

  TlBuffer putInt32(int v) {
    out.write(v);
    out.write(v >>> 8);
    out.write(v >>> 16);
    out.write(v >>> 24);
    return this;
  }

  TlBuffer putInt64(long v) {
    putInt32((int) v);
    return putInt32((int) (v >>> 32));
  }

  TlBuffer putBool(boolean v) {
    return putInt32(v ? BOOL_TRUE : BOOL_FALSE);
  }

  TlBuffer putBytes(byte[] v) {
    int header;
    if (v.length < 254) {
      out.write(v.length);
      header = 1;
    } else {
      out.write(254);
      out.write(v.length);
      out.write(v.length >>> 8);
      out.write(v.length >>> 16);
      header = 4;
    }
    out.write(v, 0, v.length);
    for (int i = (header + v.length) % 4; i % 4 != 0; i++) {
      out.write(0);
    }
    return this;
  }

  TlBuffer putString(String v) {
    return putBytes(v.getBytes(StandardCharsets.UTF_8));
  }

  TlBuffer putRaw(byte[] v) {
    out.write(v, 0, v.length);
    return this;
  }

  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void need(int count, String what) {
    if (count > data.length - pos) {
      throw new IllegalArgumentException("offset " + pos + ": expected " + what + ", found "
          + "the end of the data (" + data.length + " bytes)");
    }
  }
}
