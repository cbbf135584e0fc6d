package dev.jgram.net;

import dev.jgram.mtproto.transport.TransportException;
import dev.jgram.mtproto.transport.TransportKind;

/**
 * Where the next frame ends in bytes received so far, for each transport, so a non-blocking
 * reader hands the mtproto {@link dev.jgram.mtproto.transport.Framing} whole frames only.
 *
 * <pre>
 * | kind                  | header                                  | frame length          |
 * |-----------------------|-----------------------------------------|-----------------------|
 * | abridged              | 1 byte n &lt; 0x7f, or 0x7f + 3 bytes LE n | header + 4n           |
 * | (padded) intermediate | 4 bytes LE n                            | 4 + n                 |
 * | full                  | 4 bytes LE n (the whole frame)          | n                     |
 * </pre>
 */
final class FrameSplitter {
  /** Frames larger than this are refused as corrupt. */
  static final int MAX_FRAME = 16 * 1024 * 1024;

  private FrameSplitter() {}

  /**
   * The length of the frame starting at {@code offset}, or -1 if fewer bytes than its header
   * have arrived.
   *
   * @throws TransportException if the header announces a length beyond {@link #MAX_FRAME}
   */
  static int frameLength(TransportKind kind, byte[] data, int offset, int available) {
    long length;
    switch (kind) {
      case ABRIDGED -> {
        if (available < 1) {
          return -1;
        }
        int first = data[offset] & 0x7f;
        if (first < 0x7f) {
          length = 1 + 4L * first;
        } else if (available < 4) {
          return -1;
        } else {
          length = 4 + 4L * ((data[offset + 1] & 0xff) | (data[offset + 2] & 0xff) << 8
              | (data[offset + 3] & 0xff) << 16);
        }
      }
      case INTERMEDIATE, PADDED_INTERMEDIATE -> {
        if (available < 4) {
          return -1;
        }
        length = 4 + (intLe(data, offset) & 0x7fffffffL);
      }
      default -> {
        if (available < 4) {
          return -1;
        }
        length = intLe(data, offset) & 0xffffffffL;
      }
    }
    if (length > MAX_FRAME) {
      throw new TransportException("frame header announces " + length + " bytes; at most "
          + MAX_FRAME + " expected");
    }
    return (int) length;
  }

  private static int intLe(byte[] data, int offset) {
    return (data[offset] & 0xff) | (data[offset + 1] & 0xff) << 8
        | (data[offset + 2] & 0xff) << 16 | (data[offset + 3] & 0xff) << 24;
  }
}
