package dev.jgram.mtproto.tl;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * {@code gzip_packed#3072cfa1 packed_data:bytes = Object}: any TL object may arrive as the
 * gzip compression of its serialisation.
 *
 * <pre>
 * | bytes | field                                          |
 * |-------|------------------------------------------------|
 * | 4     | a1 cf 72 30 (gzip_packed)                      |
 * | n     | packed_data: TL bytes holding a gzip (RFC 1952) stream |
 * </pre>
 *
 * <p>Telegram and most clients send gzip; some (mtcute 0.30) send a bare zlib (RFC 1950)
 * stream instead, so unpacking looks at the first two bytes: {@code 1f 8b} is gzip, anything
 * else is read as zlib.
 */
public final class GzipPacked {
  /** Constructor id of {@code gzip_packed}. */
  public static final int ID = 0x3072cfa1;
  /** The largest unpacked size accepted, against decompression bombs. */
  public static final int MAX_UNPACKED = 64 * 1024 * 1024;

  private GzipPacked() {}

  /** Wraps a serialised object: constructor id plus the gzip of it as TL bytes. */
  public static byte[] pack(byte[] serialized) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
      gzip.write(serialized);
    } catch (IOException e) {
      throw new TlException("gzip of " + serialized.length + " bytes failed", e);
    }
    return new TlWriter().writeInt(ID).writeBytes(out.toByteArray()).toByteArray();
  }

  /** Decompresses {@code packed_data} (the TL bytes after the constructor id), gzip or zlib. */
  public static byte[] unpack(byte[] packedData) {
    boolean gzip = packedData.length >= 2 && packedData[0] == 0x1f
        && (packedData[1] & 0xFF) == 0x8b;
    try (InputStream in = gzip ? new GZIPInputStream(new ByteArrayInputStream(packedData))
        : new InflaterInputStream(new ByteArrayInputStream(packedData))) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      byte[] chunk = new byte[8192];
      for (int n; (n = in.read(chunk)) > 0; ) {
        if (out.size() + n > MAX_UNPACKED) {
          throw new TlException("gzip_packed expands past " + MAX_UNPACKED + " bytes");
        }
        out.write(chunk, 0, n);
      }
      return out.toByteArray();
    } catch (IOException e) {
      throw new TlException("gzip_packed data of " + packedData.length
          + " bytes is not a valid " + (gzip ? "gzip" : "zlib") + " stream", e);
    }
  }
}
