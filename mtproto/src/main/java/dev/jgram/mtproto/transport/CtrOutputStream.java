package dev.jgram.mtproto.transport;

import dev.jgram.mtproto.crypto.AesCtr;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Encrypts everything written through it with a continuing AES-CTR stream. */
final class CtrOutputStream extends FilterOutputStream {
  private final AesCtr ctr;

  CtrOutputStream(OutputStream out, AesCtr ctr) {
    super(out);
    this.ctr = ctr;
  }

  @Override
  public void write(int b) throws IOException {
    write(new byte[] {(byte) b}, 0, 1);
  }

  @Override
  public void write(byte[] buffer, int offset, int length) throws IOException {
    byte[] copy = new byte[length];
    System.arraycopy(buffer, offset, copy, 0, length);
    ctr.process(copy, 0, length);
    out.write(copy);
  }
}
