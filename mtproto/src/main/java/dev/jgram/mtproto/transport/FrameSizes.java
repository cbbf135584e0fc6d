package dev.jgram.mtproto.transport;

/**
 * How many bytes the next frame of each framing takes, read from its length prefix, so a
 * non-blocking reader knows whether a whole frame has arrived. Lengths are checked against
 * the 16 MiB limit before anyone waits for (or allocates) that many bytes.
 *
 * <pre>
 * | framing                | prefix                                  | frame size           |
 * |------------------------|-----------------------------------------|----------------------|
 * | abridged               | 1 byte n &lt; 0x7f, or 7f + 3 bytes LE n   | prefix + 4 n         |
 * | (padded) intermediate  | 4 bytes LE length (top bit: quick ack)  | 4 + length           |
 * | full                   | 4 bytes LE length (includes all fields) | length               |
 * </pre>
 */
final class FrameSizes {
  private FrameSizes() {}

  /** The size of the frame starting at {@code offset}, or -1 while it is incomplete. */
  static int size(TransportKind kind, byte[] data, int offset, int available) {
    int size = switch (kind) {
      case ABRIDGED -> abridged(data, offset, available);
      case INTERMEDIATE, PADDED_INTERMEDIATE -> intermediate(kind, data, offset, available);
      case FULL -> full(data, offset, available);
    };
    return size >= 0 && size <= available ? size : -1;
  }

  private static int abridged(byte[] data, int offset, int available) {
    if (available < 1) {
      return -1;
    }
    int first = data[offset] & 0x7f;
    if (first < 0x7f) {
      return 1 + first * 4;
    }
    if (available < 4) {
      return -1;
    }
    int words = (data[offset + 1] & 0xFF) | (data[offset + 2] & 0xFF) << 8
        | (data[offset + 3] & 0xFF) << 16;
    return 4 + StreamIo.checkLength(words * 4, "abridged");
  }

  private static int intermediate(TransportKind kind, byte[] data, int offset, int available) {
    if (available < 4) {
      return -1;
    }
    int length = StreamIo.intLe(data, offset) & 0x7FFFFFFF;
    String name = kind == TransportKind.INTERMEDIATE ? "intermediate" : "padded intermediate";
    return 4 + StreamIo.checkLength(length, name);
  }

  private static int full(byte[] data, int offset, int available) {
    if (available < 4) {
      return -1;
    }
    int length = StreamIo.intLe(data, offset);
    if (length < 12) {
      throw new TransportException("full frame length " + length + "; expected at least 12");
    }
    return StreamIo.checkLength(length, "full");
  }
}
