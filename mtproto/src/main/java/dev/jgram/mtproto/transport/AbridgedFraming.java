package dev.jgram.mtproto.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Abridged framing: the length in 4-byte words, in one byte when below 127, else 0x7f and
 * three little-endian bytes.
 *
 * <pre>
 * | words n &lt; 127   | [n] payload                 |
 * | words n &gt;= 127  | [7f] [n, 3 bytes LE] payload |
 * </pre>
 */
final class AbridgedFraming implements Framing {

  @Override
  public void write(OutputStream out, byte[] payload) throws IOException {
    StreamIo.requireMultipleOfFour(payload);
    int words = payload.length / 4;
    if (words < 127) {
      out.write(words);
    } else {
      out.write(new byte[] {0x7f, (byte) words, (byte) (words >> 8), (byte) (words >> 16)});
    }
    out.write(payload);
    out.flush();
  }

  @Override
  public byte[] read(InputStream in) throws IOException {
    int first = StreamIo.readExactly(in, 1)[0] & 0x7F; // the high bit marks a quick ack
    int words = first;
    if (first == 0x7f) {
      byte[] rest = StreamIo.readExactly(in, 3);
      words = (rest[0] & 0xFF) | (rest[1] & 0xFF) << 8 | (rest[2] & 0xFF) << 16;
    }
    int length = StreamIo.checkLength(words * 4, "abridged");
    return Framing.checkError(StreamIo.readExactly(in, length));
  }
}
