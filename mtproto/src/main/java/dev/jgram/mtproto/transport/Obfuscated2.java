package dev.jgram.mtproto.transport;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.mtproto.crypto.AesCtr;
import java.util.Arrays;

/**
 * The obfuscated2 start of connection: a 64-byte header from which both sides derive one
 * AES-256-CTR stream per direction.
 *
 * <pre>
 * | header bytes | content                                                    |
 * |--------------|------------------------------------------------------------|
 * | 0..7         | random; never ef.., HEAD, POST, GET , OPTI, 16030102,      |
 * |              | dddddddd or eeeeeeee at 0..3, never 00000000 at 4..7       |
 * | 8..39        | client-to-server key                                       |
 * | 40..55       | client-to-server IV                                        |
 * | 56..59       | transport tag (efefefef, eeeeeeee or dddddddd)             |
 * | 60..61       | DC id, int16 LE (negative for media DCs)                   |
 * | 62..63       | random                                                     |
 *
 * server-to-client key and IV: bytes 8..55 reversed, split 32 + 16.
 * sent: header[0..55] in clear + encrypt(header)[56..63]; both streams continue after it.
 * </pre>
 */
public final class Obfuscated2 {
  private static final int[] FORBIDDEN_FIRST_INTS = {
      0x44414548, 0x54534f50, 0x20544547, 0x4954504f, 0x02010316, 0xdddddddd, 0xeeeeeeee};

  private final byte[] wireHeader;
  private final AesCtr encryptor;
  private final AesCtr decryptor;
  private final TransportKind kind;
  private final int dcId;

  private Obfuscated2(byte[] wireHeader, AesCtr encryptor, AesCtr decryptor, TransportKind kind,
      int dcId) {
    this.wireHeader = wireHeader;
    this.encryptor = encryptor;
    this.decryptor = decryptor;
    this.kind = kind;
    this.dcId = dcId;
  }

  /** A client's header for {@code kind} and {@code dcId}, drawing 64 bytes per attempt. */
  public static Obfuscated2 client(TransportKind kind, int dcId, RandomSource random) {
    byte[] header;
    do {
      header = random.bytes(64);
    } while (!acceptable(header));
    byte[] tag = kind.obfuscatedTag();
    System.arraycopy(tag, 0, header, 56, 4);
    header[60] = (byte) dcId;
    header[61] = (byte) (dcId >> 8);
    AesCtr encryptor = new AesCtr(Arrays.copyOfRange(header, 8, 40),
        Arrays.copyOfRange(header, 40, 56));
    byte[] reversed = reversed(Arrays.copyOfRange(header, 8, 56));
    AesCtr decryptor = new AesCtr(Arrays.copyOf(reversed, 32),
        Arrays.copyOfRange(reversed, 32, 48));
    byte[] encrypted = encryptor.process(header);
    byte[] wire = header.clone();
    System.arraycopy(encrypted, 56, wire, 56, 8);
    return new Obfuscated2(wire, encryptor, decryptor, kind, dcId);
  }

  /**
   * A server's view of a received 64-byte header.
   *
   * @throws TransportException if the decrypted tag names no transport
   */
  public static Obfuscated2 server(byte[] wireHeader) {
    if (wireHeader.length != 64) {
      throw new TransportException("obfuscated2 header is " + wireHeader.length
          + " bytes; expected 64");
    }
    AesCtr decryptor = new AesCtr(Arrays.copyOfRange(wireHeader, 8, 40),
        Arrays.copyOfRange(wireHeader, 40, 56));
    byte[] reversed = reversed(Arrays.copyOfRange(wireHeader, 8, 56));
    AesCtr encryptor = new AesCtr(Arrays.copyOf(reversed, 32),
        Arrays.copyOfRange(reversed, 32, 48));
    byte[] plain = decryptor.process(wireHeader);
    TransportKind kind = TransportKind.fromObfuscatedTag(plain, 56);
    int dcId = (short) ((plain[60] & 0xFF) | (plain[61] & 0xFF) << 8);
    return new Obfuscated2(wireHeader.clone(), encryptor, decryptor, kind, dcId);
  }

  static boolean acceptable(byte[] header) {
    if (header[0] == (byte) 0xef) {
      return false;
    }
    int first = StreamIo.intLe(header, 0);
    for (int forbidden : FORBIDDEN_FIRST_INTS) {
      if (first == forbidden) {
        return false;
      }
    }
    return StreamIo.intLe(header, 4) != 0;
  }

  /** The 64 bytes to send (clients) or that were received (servers). */
  public byte[] wireHeader() {
    return wireHeader.clone();
  }

  /** The transport announced inside the header. */
  public TransportKind kind() {
    return kind;
  }

  /** The DC id announced inside the header. */
  public int dcId() {
    return dcId;
  }

  /**
   * The key stream for bytes this side sends after the header; for non-blocking connections
   * that encrypt their own buffers (the network module).
   */
  public AesCtr encryptor() {
    return encryptor;
  }

  /** The key stream for bytes this side receives; for non-blocking connections. */
  public AesCtr decryptor() {
    return decryptor;
  }

  private static byte[] reversed(byte[] data) {
    byte[] out = new byte[data.length];
    for (int i = 0; i < data.length; i++) {
      out[i] = data[data.length - 1 - i];
    }
    return out;
  }
}
