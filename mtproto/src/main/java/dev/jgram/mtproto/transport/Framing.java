package dev.jgram.mtproto.transport;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * How MTProto payloads are cut into frames on a byte stream, after the connection's first
 * bytes (see {@link TransportKind}). The same framing serves client and server. A received
 * frame whose payload is a single negative int is a transport error code and is thrown as
 * {@link TransportException#errorCode(int)}.
 *
 * <p>Instances keep per-connection state (the full transport's sequence numbers) and are not
 * thread-safe; writes and reads may happen on two different threads.
 */
public interface Framing {

  /** Writes one frame holding {@code payload}, whose length must be a multiple of 4. */
  void write(OutputStream out, byte[] payload) throws IOException;

  /**
   * Reads one frame and returns its payload (for padded intermediate, with its padding).
   *
   * @throws java.io.EOFException if the stream ends before a whole frame
   * @throws TransportException on a malformed frame or a transport error code
   */
  byte[] read(InputStream in) throws IOException;

  /** Writes a 4-byte transport error code (negative) as a frame; for servers. */
  default void writeError(OutputStream out, int code) throws IOException {
    write(out, new byte[] {(byte) code, (byte) (code >> 8), (byte) (code >> 16),
        (byte) (code >> 24)});
  }

  /** Throws if {@code payload} is a transport error code; returns it otherwise. */
  static byte[] checkError(byte[] payload) {
    if (payload.length == 4) {
      int code = (payload[0] & 0xFF) | (payload[1] & 0xFF) << 8 | (payload[2] & 0xFF) << 16
          | payload[3] << 24;
      if (code < 0) {
        throw TransportException.errorCode(code);
      }
    }
    return payload;
  }
}
