package dev.jgram.mtproto.transport;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.AesCtr;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The server side of one connection as a sans-IO state machine: received bytes in, frame
 * payloads out; payloads in, bytes to send out. It tells the transport from the first bytes
 * (as {@link Connection#server} does for streams) and then frames both directions in it, so a
 * selector-driven server can feed it whatever a non-blocking read returned.
 *
 * <pre>
 * | first bytes                         | transport                                   |
 * |-------------------------------------|---------------------------------------------|
 * | ef                                  | abridged                                    |
 * | ee ee ee ee                         | intermediate                                |
 * | dd dd dd dd                         | padded intermediate                         |
 * | bytes 4..7 zero (the first seqno)   | full; the 8 bytes belong to the first frame |
 * | anything else                       | obfuscated2: a 64-byte header whose         |
 * |                                     | decrypted tag at 56 names the framing       |
 * </pre>
 *
 * <p>Not thread-safe: one instance belongs to one connection and is driven by one thread at a
 * time.
 */
public final class ServerTransport {
  private final RandomSource random;
  private byte[] buffer = new byte[256];
  private int start;
  private int end;
  private TransportKind kind;
  private Framing framing;
  private AesCtr encryptor;
  private AesCtr decryptor;
  private int dcId;

  private ServerTransport(RandomSource random) {
    this.random = random;
  }

  /** A transport that has seen no bytes yet; {@code random} feeds padded intermediate. */
  public static ServerTransport accept(RandomSource random) {
    return new ServerTransport(random);
  }

  /**
   * Feeds bytes as received and returns the payloads of the frames they complete, in order
   * (for padded intermediate, with the padding).
   *
   * @throws TransportException on an unknown start of connection, a malformed frame, a frame
   *     longer than 16 MiB, a bad CRC or sequence number; the connection is then unusable
   */
  public List<byte[]> receive(byte[] data, int offset, int length) {
    append(data, offset, length);
    List<byte[]> frames = new ArrayList<>(1);
    if (kind == null && !detect()) {
      return frames;
    }
    int size;
    while ((size = FrameSizes.size(kind, buffer, start, end - start)) >= 0) {
      frames.add(readFrame(size));
    }
    compact();
    return frames;
  }

  /** The bytes that carry {@code payload} (a multiple of 4 bytes) as one frame. */
  public byte[] frame(byte[] payload) {
    requireDetected();
    ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 32);
    try {
      framing.write(out, payload);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return obfuscate(out.toByteArray());
  }

  /** The bytes that carry a transport error code such as -404 as one frame. */
  public byte[] errorFrame(int code) {
    requireDetected();
    ByteArrayOutputStream out = new ByteArrayOutputStream(16);
    try {
      framing.writeError(out, code);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return obfuscate(out.toByteArray());
  }

  /** The transport the client chose, or null while its first bytes are still incomplete. */
  public TransportKind kind() {
    return kind;
  }

  /** Whether the connection started with an obfuscated2 header. */
  public boolean obfuscated() {
    return decryptor != null;
  }

  /** The DC id an obfuscated2 header announced (negative for media), or 0. */
  public int dcId() {
    return dcId;
  }

  private boolean detect() {
    int available = end - start;
    if (available >= 1 && buffer[start] == (byte) 0xef) {
      start(TransportKind.ABRIDGED, 1);
      return true;
    }
    if (available < 4) {
      return false;
    }
    byte[] four = Arrays.copyOfRange(buffer, start, start + 4);
    if (Arrays.equals(four, TransportKind.INTERMEDIATE.tag())) {
      start(TransportKind.INTERMEDIATE, 4);
      return true;
    }
    if (Arrays.equals(four, TransportKind.PADDED_INTERMEDIATE.tag())) {
      start(TransportKind.PADDED_INTERMEDIATE, 4);
      return true;
    }
    if (available < 8) {
      return false;
    }
    if (StreamIo.intLe(buffer, start + 4) == 0) {
      start(TransportKind.FULL, 0);
      return true;
    }
    if (available < 64) {
      return false;
    }
    Obfuscated2 obfuscation = Obfuscated2.server(Arrays.copyOfRange(buffer, start, start + 64));
    encryptor = obfuscation.encryptor();
    decryptor = obfuscation.decryptor();
    dcId = obfuscation.dcId();
    start(obfuscation.kind(), 64);
    decryptor.process(buffer, start, end - start);
    return true;
  }

  private void start(TransportKind detected, int tagLength) {
    kind = detected;
    framing = detected.newFraming(random);
    start += tagLength;
  }

  private byte[] readFrame(int size) {
    ByteArrayInputStream in = new ByteArrayInputStream(buffer, start, size);
    start += size;
    try {
      return framing.read(in);
    } catch (IOException e) {
      throw new TransportException("frame could not be read: " + e.getMessage());
    }
  }

  private void append(byte[] data, int offset, int length) {
    if (end + length > buffer.length) {
      compact();
      if (end + length > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, end + length));
      }
    }
    System.arraycopy(data, offset, buffer, end, length);
    if (decryptor != null) {
      decryptor.process(buffer, end, length);
    }
    end += length;
  }

  private void compact() {
    if (start > 0) {
      System.arraycopy(buffer, start, buffer, 0, end - start);
      end -= start;
      start = 0;
    }
  }

  private byte[] obfuscate(byte[] wire) {
    if (encryptor != null) {
      encryptor.process(wire, 0, wire.length);
    }
    return wire;
  }

  private void requireDetected() {
    if (kind == null) {
      throw new IllegalStateException("the client's transport is not known yet: no frame can"
          + " be sent before its first bytes arrived");
    }
  }
}
