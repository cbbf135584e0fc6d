package dev.jgram.mtproto.transport;

import dev.jgram.mtproto.crypto.AesCtr;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Decrypts everything read through it with a continuing AES-CTR stream. */
final class CtrInputStream extends FilterInputStream {
  private final AesCtr ctr;

  CtrInputStream(InputStream in, AesCtr ctr) {
    super(in);
    this.ctr = ctr;
  }

  @Override
  public int read() throws IOException {
    byte[] one = new byte[1];
    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = in.read(buffer, offset, length);
    if (n > 0) {
      ctr.process(buffer, offset, n);
    }
    return n;
  }

  @Override
  public long skip(long n) {
    throw new UnsupportedOperationException("skipping would desynchronise the key stream");
  }

  @Override
  public boolean markSupported() {
    return false;
  }
}
