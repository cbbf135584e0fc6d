package dev.jgram.mtproto.tl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads TL's binary encoding (see {@link TlWriter} for the byte table). Every read checks
 * the remaining length and fails with a {@link TlException} naming the offset.
 */
public final class TlReader {
  private final byte[] data;
  private final int end;
  private int position;

  /** Reads all of {@code data}; the array is not copied and must not change meanwhile. */
  public TlReader(byte[] data) {
    this(data, 0, data.length);
  }

  /** Reads {@code data[offset .. offset+length)}. */
  public TlReader(byte[] data, int offset, int length) {
    if (offset < 0 || length < 0 || offset + length > data.length) {
      throw new IllegalArgumentException("range " + offset + "+" + length + " outside "
          + data.length + " bytes");
    }
    this.data = data;
    this.position = offset;
    this.end = offset + length;
  }

  /** Reads an int. */
  public int readInt() {
    require(4, "int");
    int value = 0;
    for (int i = 3; i >= 0; i--) {
      value = (value << 8) | (data[position + i] & 0xFF);
    }
    position += 4;
    return value;
  }

  /** Reads a long. */
  public long readLong() {
    require(8, "long");
    long value = 0;
    for (int i = 7; i >= 0; i--) {
      value = (value << 8) | (data[position + i] & 0xFF);
    }
    position += 8;
    return value;
  }

  /** Reads a double. */
  public double readDouble() {
    return Double.longBitsToDouble(readLong());
  }

  /** Reads a 16-byte int128. */
  public byte[] readInt128() {
    return readRaw(16, "int128");
  }

  /** Reads a 32-byte int256. */
  public byte[] readInt256() {
    return readRaw(32, "int256");
  }

  /** Reads a TL {@code bytes} value and skips its padding. */
  public byte[] readBytes() {
    int start = position;
    require(1, "bytes length");
    int first = data[position++] & 0xFF;
    int header = 1;
    int length = first;
    if (first == 254) {
      require(3, "bytes length");
      length = (data[position] & 0xFF) | (data[position + 1] & 0xFF) << 8
          | (data[position + 2] & 0xFF) << 16;
      position += 3;
      header = 4;
    } else if (first == 255) {
      throw new TlException("bytes at offset " + start + " start with 0xff; expected a length");
    }
    byte[] value = readRaw(length, "bytes of length " + length);
    int padding = Math.floorMod(-(header + length), 4);
    require(padding, "bytes padding");
    position += padding;
    return value;
  }

  /** Reads a TL {@code string} as UTF-8. */
  public String readString() {
    return new String(readBytes(), StandardCharsets.UTF_8);
  }

  /** Reads boolTrue or boolFalse. */
  public boolean readBool() {
    int at = position;
    int id = readInt();
    if (id == TlWriter.BOOL_TRUE) {
      return true;
    }
    if (id == TlWriter.BOOL_FALSE) {
      return false;
    }
    throw new TlException(String.format(
        "Bool at offset %d has id %08x; expected boolTrue 997275b5 or boolFalse bc799737", at, id));
  }

  /** Reads the boxed vector header and returns the count. */
  public int readVectorHeader() {
    int at = position;
    int id = readInt();
    if (id != TlWriter.VECTOR) {
      throw new TlException(String.format(
          "vector at offset %d has id %08x; expected 1cb5c415", at, id));
    }
    return readCount();
  }

  /** Reads the count of a bare vector, checking it is plausible for the bytes left. */
  public int readCount() {
    int at = position;
    int count = readInt();
    if (count < 0 || count > remaining()) {
      throw new TlException("vector at offset " + at + " claims " + count
          + " elements with " + remaining() + " bytes left");
    }
    return count;
  }

  /** Reads {@code length} bytes as they are. */
  public byte[] readRaw(int length) {
    return readRaw(length, length + " raw bytes");
  }

  /** The next int without consuming it. */
  public int peekInt() {
    int at = position;
    int value = readInt();
    position = at;
    return value;
  }

  /** The current offset into the underlying array. */
  public int position() {
    return position;
  }

  /** Bytes left to read. */
  public int remaining() {
    return end - position;
  }

  private byte[] readRaw(int length, String what) {
    require(length, what);
    byte[] value = Arrays.copyOfRange(data, position, position + length);
    position += length;
    return value;
  }

  private void require(int length, String what) {
    if (length > end - position) {
      throw new TlException("truncated TL data: " + what + " at offset " + position
          + " needs " + length + " bytes, " + (end - position) + " left");
    }
  }
}
