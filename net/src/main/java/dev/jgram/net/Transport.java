package dev.jgram.net;

import dev.jgram.mtproto.transport.TransportKind;

/**
 * How a connection frames its bytes: one of the MTProto transports, optionally inside
 * obfuscated2 (which the full transport cannot use).
 *
 * @param kind the framing
 * @param obfuscated whether the stream is obfuscated2 (a 64-byte header, then AES-CTR)
 */
public record Transport(TransportKind kind, boolean obfuscated) {

  /** Checks the combination. */
  public Transport {
    if (kind == null) {
      throw new IllegalArgumentException("transport kind is required");
    }
    if (obfuscated && kind == TransportKind.FULL) {
      throw new IllegalArgumentException("the full transport cannot be obfuscated; use "
          + "abridged, intermediate or padded intermediate");
    }
  }

  /** Plain abridged. */
  public static Transport abridged() {
    return new Transport(TransportKind.ABRIDGED, false);
  }

  /** Plain intermediate, the default. */
  public static Transport intermediate() {
    return new Transport(TransportKind.INTERMEDIATE, false);
  }

  /** Plain padded intermediate. */
  public static Transport paddedIntermediate() {
    return new Transport(TransportKind.PADDED_INTERMEDIATE, false);
  }

  /** The full transport (length, seqno, CRC32). */
  public static Transport full() {
    return new Transport(TransportKind.FULL, false);
  }

  /** {@code kind} inside obfuscated2. */
  public static Transport obfuscated(TransportKind kind) {
    return new Transport(kind, true);
  }

  @Override
  public String toString() {
    return (obfuscated ? "obfuscated2 " : "") + kind.name().toLowerCase().replace('_', ' ');
  }
}
