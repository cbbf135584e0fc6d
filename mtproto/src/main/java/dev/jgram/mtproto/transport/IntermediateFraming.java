package dev.jgram.mtproto.transport;

import dev.jgram.mtproto.RandomSource;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Intermediate framing, and its padded variant.
 *
 * <pre>
 * | intermediate        | [length, 4 bytes LE] payload                          |
 * | padded intermediate | [length, 4 bytes LE] payload + 0..15 random bytes     |
 * </pre>
 *
 * <p>In the padded variant the length counts the padding too, and the reader returns payload
 * and padding together: MTProto messages carry their own length (plain messages in their
 * header, encrypted ones as 24 + a multiple of 16 bytes).
 */
final class IntermediateFraming implements Framing {
  private final RandomSource padding;

  /** @param padding null for plain intermediate, the padding source for the padded variant */
  IntermediateFraming(RandomSource padding) {
    this.padding = padding;
  }

  @Override
  public void write(OutputStream out, byte[] payload) throws IOException {
    StreamIo.requireMultipleOfFour(payload);
    byte[] pad = new byte[0];
    if (padding != null) {
      pad = padding.bytes(Math.floorMod(padding.bytes(1)[0], 16));
    }
    out.write(StreamIo.intLe(payload.length + pad.length));
    out.write(payload);
    out.write(pad);
    out.flush();
  }

  /** Error codes go out unpadded, so the receiver sees exactly 4 bytes. */
  @Override
  public void writeError(OutputStream out, int code) throws IOException {
    out.write(StreamIo.intLe(4));
    out.write(StreamIo.intLe(code));
    out.flush();
  }

  @Override
  public byte[] read(InputStream in) throws IOException {
    int length = StreamIo.readIntLe(in) & 0x7FFFFFFF; // the high bit marks a quick ack
    StreamIo.checkLength(length, padding == null ? "intermediate" : "padded intermediate");
    return Framing.checkError(StreamIo.readExactly(in, length));
  }
}
