package dev.jgram.mtproto.tl;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Writes TL's binary encoding. Every number is little-endian.
 *
 * <pre>
 * | TL type        | bytes                                                        |
 * |----------------|--------------------------------------------------------------|
 * | int            | 4                                                            |
 * | long           | 8                                                            |
 * | double         | 8, IEEE 754                                                  |
 * | int128, int256 | 16, 32, copied as given                                      |
 * | bytes, string  | len &lt;= 253: [len] data, padded with zeros to a multiple of 4   |
 * |                | else: [0xfe] [len, 3 bytes LE] data, padded likewise         |
 * | string         | the UTF-8 bytes, as bytes                                    |
 * | Bool           | boolTrue#997275b5 or boolFalse#bc799737                       |
 * | Vector t       | vector#1cb5c415, int count, count elements                   |
 * | vector t (bare)| int count, count elements                                    |
 * </pre>
 */
public final class TlWriter {
  /** Constructor id of {@code vector}. */
  public static final int VECTOR = 0x1cb5c415;
  /** Constructor id of {@code boolTrue}. */
  public static final int BOOL_TRUE = 0x997275b5;
  /** Constructor id of {@code boolFalse}. */
  public static final int BOOL_FALSE = 0xbc799737;

  private byte[] buffer = new byte[64];
  private int size;

  /** Appends an int. */
  public TlWriter writeInt(int value) {
    ensure(4);
    for (int i = 0; i < 4; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  /** Appends a long. */
  public TlWriter writeLong(long value) {
    ensure(8);
    for (int i = 0; i < 8; i++) {
      buffer[size++] = (byte) (value >>> (8 * i));
    }
    return this;
  }

  /** Appends a double. */
  public TlWriter writeDouble(double value) {
    return writeLong(Double.doubleToRawLongBits(value));
  }

  /** Appends a 16-byte int128. */
  public TlWriter writeInt128(byte[] value) {
    return writeFixed(value, 16, "int128");
  }

  /** Appends a 32-byte int256. */
  public TlWriter writeInt256(byte[] value) {
    return writeFixed(value, 32, "int256");
  }

  /** Appends a TL {@code bytes} value with its length prefix and padding. */
  public TlWriter writeBytes(byte[] value) {
    int length = value.length;
    if (length > 0xFFFFFF) {
      throw new TlException("bytes value of " + length + " bytes; TL allows at most 16777215");
    }
    int header = length <= 253 ? 1 : 4;
    ensure(header + length + 3);
    if (header == 1) {
      buffer[size++] = (byte) length;
    } else {
      buffer[size++] = (byte) 0xFE;
      buffer[size++] = (byte) length;
      buffer[size++] = (byte) (length >>> 8);
      buffer[size++] = (byte) (length >>> 16);
    }
    System.arraycopy(value, 0, buffer, size, length);
    size += length;
    int padding = Math.floorMod(-(header + length), 4);
    Arrays.fill(buffer, size, size + padding, (byte) 0);
    size += padding;
    return this;
  }

  /** Appends a TL {@code string}: its UTF-8 bytes as {@code bytes}. */
  public TlWriter writeString(String value) {
    return writeBytes(value.getBytes(StandardCharsets.UTF_8));
  }

  /** Appends boolTrue or boolFalse. */
  public TlWriter writeBool(boolean value) {
    return writeInt(value ? BOOL_TRUE : BOOL_FALSE);
  }

  /** Appends the boxed vector header: the vector id and the count. */
  public TlWriter writeVectorHeader(int count) {
    return writeInt(VECTOR).writeInt(count);
  }

  /** Appends bytes as they are. */
  public TlWriter writeRaw(byte[] value) {
    ensure(value.length);
    System.arraycopy(value, 0, buffer, size, value.length);
    size += value.length;
    return this;
  }

  /** The number of bytes written so far. */
  public int size() {
    return size;
  }

  /** A copy of the bytes written so far. */
  public byte[] toByteArray() {
    return Arrays.copyOf(buffer, size);
  }

  private TlWriter writeFixed(byte[] value, int length, String type) {
    if (value.length != length) {
      throw new TlException(type + " value is " + value.length + " bytes; expected " + length);
    }
    return writeRaw(value);
  }

  private void ensure(int more) {
    if (size + more > buffer.length) {
      buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + more));
    }
  }
}
