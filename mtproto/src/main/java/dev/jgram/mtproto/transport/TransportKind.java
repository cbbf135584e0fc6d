package dev.jgram.mtproto.transport;

import dev.jgram.mtproto.RandomSource;

/**
 * The MTProto transports and how a plain (not obfuscated) connection announces each.
 *
 * <pre>
 * | kind                | client's first bytes | tag inside obfuscated2 |
 * |---------------------|----------------------|------------------------|
 * | ABRIDGED            | ef                   | ef ef ef ef            |
 * | INTERMEDIATE        | ee ee ee ee          | ee ee ee ee            |
 * | PADDED_INTERMEDIATE | dd dd dd dd          | dd dd dd dd            |
 * | FULL                | none                 | not allowed            |
 * </pre>
 */
public enum TransportKind {
  /** 1- or 4-byte length in words. */
  ABRIDGED(new byte[] {(byte) 0xef}, (byte) 0xef),
  /** 4-byte length. */
  INTERMEDIATE(new byte[] {(byte) 0xee, (byte) 0xee, (byte) 0xee, (byte) 0xee}, (byte) 0xee),
  /** 4-byte length with 0..15 bytes of random padding. */
  PADDED_INTERMEDIATE(new byte[] {(byte) 0xdd, (byte) 0xdd, (byte) 0xdd, (byte) 0xdd},
      (byte) 0xdd),
  /** Length, sequence number and CRC32. */
  FULL(new byte[0], (byte) 0);

  private final byte[] tag;
  private final byte obfuscatedByte;

  TransportKind(byte[] tag, byte obfuscatedByte) {
    this.tag = tag;
    this.obfuscatedByte = obfuscatedByte;
  }

  /** The bytes a plain connection starts with. */
  public byte[] tag() {
    return tag.clone();
  }

  /** The 4-byte tag at offset 56 of an obfuscated2 header. */
  public byte[] obfuscatedTag() {
    if (this == FULL) {
      throw new IllegalArgumentException("the full transport cannot be obfuscated");
    }
    return new byte[] {obfuscatedByte, obfuscatedByte, obfuscatedByte, obfuscatedByte};
  }

  /** A fresh framing of this kind; {@code random} feeds padded intermediate's padding. */
  public Framing newFraming(RandomSource random) {
    return switch (this) {
      case ABRIDGED -> new AbridgedFraming();
      case INTERMEDIATE -> new IntermediateFraming(null);
      case PADDED_INTERMEDIATE -> new IntermediateFraming(random);
      case FULL -> new FullFraming();
    };
  }

  static TransportKind fromObfuscatedTag(byte[] header, int offset) {
    byte b = header[offset];
    for (TransportKind kind : values()) {
      if (kind != FULL && kind.obfuscatedByte == b && header[offset + 1] == b
          && header[offset + 2] == b && header[offset + 3] == b) {
        return kind;
      }
    }
    throw new TransportException(String.format(
        "obfuscated2 header tag %02x%02x%02x%02x is not ef, ee or dd repeated four times",
        header[offset], header[offset + 1], header[offset + 2], header[offset + 3]));
  }
}
