package dev.jgram.mtproto.auth;

import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.auth.KeyExchangeRequestException.Reason;
import dev.jgram.mtproto.crypto.RsaPad;
import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.mtproto.crypto.RsaSha1Pad;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlException;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlReader;
import dev.jgram.mtproto.tl.TlType;

/**
 * Reads {@code req_DH_params.encrypted_data} with a DC's private key. One raw RSA operation,
 * then the server order of core.telegram.org/mtproto/auth_key: RSA_PAD first; if its SHA-256
 * check (or the TL inside) fails, the older SHA-1 padding; if that fails too, the request is
 * refused.
 */
final class InnerDataDecoder {
  private static final TlType INNER_TYPE = TlType.parse("P_Q_inner_data");

  private InnerDataDecoder() {}

  /** A decrypted inner data object and the padding it came in. */
  record Decoded(TlObject inner, RsaPadding padding) {}

  static Decoded decode(TlCodec codec, byte[] encrypted, RsaPrivateKey key) {
    byte[] raw;
    try {
      raw = key.decrypt(encrypted);
    } catch (SecurityCheckException e) {
      throw new KeyExchangeRequestException(Reason.UNDECRYPTABLE, "encrypted_data: "
          + e.getMessage());
    }
    try {
      byte[] withPadding = RsaPad.unwrap(raw);
      return new Decoded(innerOf(codec, new TlReader(withPadding)), RsaPadding.RSA_PAD);
    } catch (SecurityCheckException | TlException | ClassCastException rsaPad) {
      try {
        TlReader reader = new TlReader(RsaSha1Pad.payload(raw));
        TlObject inner = innerOf(codec, reader);
        RsaSha1Pad.checkHash(raw, reader.position());
        return new Decoded(inner, RsaPadding.SHA1);
      } catch (SecurityCheckException | TlException | ClassCastException sha1) {
        throw new KeyExchangeRequestException(Reason.UNDECRYPTABLE, "encrypted_data is neither"
            + " RSA_PAD (" + rsaPad.getMessage() + ") nor the SHA-1 padding ("
            + sha1.getMessage() + ") for key " + key.fingerprintHex());
      }
    }
  }

  private static TlObject innerOf(TlCodec codec, TlReader reader) {
    return (TlObject) codec.read(reader, INNER_TYPE);
  }
}
