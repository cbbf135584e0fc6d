package dev.jgram.mtproto.transport;

import dev.jgram.mtproto.RandomSource;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.util.Arrays;

/**
 * An MTProto transport over any pair of byte streams, for either side. The caller owns the
 * streams (a socket's, a pipe's) and closes them.
 *
 * <p>A server tells the transport from the first bytes: {@code ef} abridged; {@code eeeeeeee}
 * intermediate; {@code dddddddd} padded intermediate; a zero int at bytes 4..7 full (that int
 * is the first frame's seqno); anything else is an obfuscated2 header of 64 bytes.
 */
public final class Connection {
  private final TransportKind kind;
  private final Framing framing;
  private final InputStream in;
  private final OutputStream out;
  private final int dcId;

  private Connection(TransportKind kind, RandomSource random, InputStream in, OutputStream out,
      int dcId) {
    this.kind = kind;
    this.framing = kind.newFraming(random);
    this.in = in;
    this.out = out;
    this.dcId = dcId;
  }

  /** Opens a plain client connection: writes the transport's tag. */
  public static Connection client(TransportKind kind, InputStream in, OutputStream out,
      RandomSource random) throws IOException {
    out.write(kind.tag());
    out.flush();
    return new Connection(kind, random, in, out, 0);
  }

  /** Opens an obfuscated2 client connection to {@code dcId}: writes the 64-byte header. */
  public static Connection obfuscatedClient(TransportKind kind, int dcId, InputStream in,
      OutputStream out, RandomSource random) throws IOException {
    Obfuscated2 obfuscation = Obfuscated2.client(kind, dcId, random);
    out.write(obfuscation.wireHeader());
    out.flush();
    return new Connection(kind, random, new CtrInputStream(in, obfuscation.decryptor()),
        new CtrOutputStream(out, obfuscation.encryptor()), dcId);
  }

  /**
   * Accepts a client: reads its first bytes and picks the transport.
   *
   * @throws TransportException if an obfuscated2 header names no transport
   */
  public static Connection server(InputStream in, OutputStream out, RandomSource random)
      throws IOException {
    byte[] first = StreamIo.readExactly(in, 1);
    if (first[0] == (byte) 0xef) {
      return new Connection(TransportKind.ABRIDGED, random, in, out, 0);
    }
    byte[] four = concat(first, StreamIo.readExactly(in, 3));
    if (Arrays.equals(four, TransportKind.INTERMEDIATE.tag())) {
      return new Connection(TransportKind.INTERMEDIATE, random, in, out, 0);
    }
    if (Arrays.equals(four, TransportKind.PADDED_INTERMEDIATE.tag())) {
      return new Connection(TransportKind.PADDED_INTERMEDIATE, random, in, out, 0);
    }
    byte[] eight = concat(four, StreamIo.readExactly(in, 4));
    if (StreamIo.intLe(eight, 4) == 0) {
      InputStream replay = new SequenceInputStream(new ByteArrayInputStream(eight), in);
      return new Connection(TransportKind.FULL, random, replay, out, 0);
    }
    Obfuscated2 obfuscation = Obfuscated2.server(concat(eight, StreamIo.readExactly(in, 56)));
    return new Connection(obfuscation.kind(), random,
        new CtrInputStream(in, obfuscation.decryptor()),
        new CtrOutputStream(out, obfuscation.encryptor()), obfuscation.dcId());
  }

  /** Sends one payload as a frame. */
  public void send(byte[] payload) throws IOException {
    framing.write(out, payload);
    out.flush();
  }

  /**
   * Receives one frame's payload.
   *
   * @throws TransportException on a malformed frame or a transport error code
   */
  public byte[] receive() throws IOException {
    return framing.read(in);
  }

  /** Sends a transport error code such as -404 instead of a frame; for servers. */
  public void sendError(int code) throws IOException {
    framing.writeError(out, code);
    out.flush();
  }

  /** The transport in use. */
  public TransportKind kind() {
    return kind;
  }

  /** The DC id an obfuscated2 header announced, or 0. */
  public int dcId() {
    return dcId;
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
