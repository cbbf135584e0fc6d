package dev.jgram.mtproto.session;

import dev.jgram.mtproto.session.SessionCheckException.Check;
import dev.jgram.mtproto.tl.GzipPacked;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlReader;

/**
 * {@code gzip_packed} both ways: a body is packed only when it is larger than {@value
 * #THRESHOLD} bytes and packing makes it smaller (§3.6); a packed body is unpacked whether it
 * holds gzip or, as mtcute 0.30 sends, zlib.
 */
final class Compression {
  /** Bodies of this size or smaller are never packed. */
  static final int THRESHOLD = 255;

  private Compression() {}

  /** {@code body} as {@code gzip_packed} if that is smaller, else {@code body} itself. */
  static byte[] packIfSmaller(byte[] body) {
    if (body.length <= THRESHOLD) {
      return body;
    }
    byte[] packed = GzipPacked.pack(body);
    return packed.length < body.length ? packed : body;
  }

  /** The object a body holds: unpacked if it is {@code gzip_packed}, else the body itself. */
  static byte[] unwrap(byte[] body) {
    if (body.length < 4 || ServiceTl.id(body) != GzipPacked.ID) {
      return body;
    }
    try {
      TlReader reader = new TlReader(body);
      reader.readInt();
      byte[] packed = reader.readBytes();
      if (reader.remaining() != 0) {
        throw new TlException(reader.remaining() + " bytes after gzip_packed");
      }
      byte[] inner = GzipPacked.unpack(packed);
      if (inner.length >= 4 && ServiceTl.id(inner) == GzipPacked.ID) {
        throw new TlException("gzip_packed inside gzip_packed");
      }
      return inner;
    } catch (TlException e) {
      throw new SessionCheckException(Check.MALFORMED_BODY,
          "gzip_packed body does not unpack: " + e.getMessage(), e);
    }
  }
}
