package dev.jgram.mtproto.crypto;

/**
 * The temporary AES key and IV of the key exchange, which encrypt server_DH_inner_data and
 * client_DH_inner_data, and the first server salt.
 *
 * <pre>
 * tmp_aes_key = SHA1(new_nonce + server_nonce) + substr(SHA1(server_nonce + new_nonce), 0, 12)
 * tmp_aes_iv  = substr(SHA1(server_nonce + new_nonce), 12, 8) + SHA1(new_nonce + new_nonce)
 *               + substr(new_nonce, 0, 4)
 * server_salt = substr(new_nonce, 0, 8) XOR substr(server_nonce, 0, 8)   (read little-endian)
 * </pre>
 */
public final class KeyExchangeKeys {
  private KeyExchangeKeys() {}

  /** tmp_aes_key and tmp_aes_iv from the 32-byte new_nonce and 16-byte server_nonce. */
  public static AesKeyIv tmpAesKeyIv(byte[] newNonce, byte[] serverNonce) {
    check(newNonce, serverNonce);
    byte[] newServer = Hashes.sha1(newNonce, serverNonce);
    byte[] serverNew = Hashes.sha1(serverNonce, newNonce);
    byte[] newNew = Hashes.sha1(newNonce, newNonce);
    byte[] key = Bytes.concat(newServer, Bytes.slice(serverNew, 0, 12));
    byte[] iv = Bytes.concat(Bytes.slice(serverNew, 12, 8), newNew, Bytes.slice(newNonce, 0, 4));
    return new AesKeyIv(key, iv);
  }

  /** The first server salt the key exchange yields. */
  public static long firstSalt(byte[] newNonce, byte[] serverNonce) {
    check(newNonce, serverNonce);
    return Bytes.littleEndianLong(Bytes.xor(Bytes.slice(newNonce, 0, 8),
        Bytes.slice(serverNonce, 0, 8)), 0);
  }

  private static void check(byte[] newNonce, byte[] serverNonce) {
    if (newNonce.length != 32 || serverNonce.length != 16) {
      throw new IllegalArgumentException("new_nonce/server_nonce are " + newNonce.length + "/"
          + serverNonce.length + " bytes; expected 32/16");
    }
  }
}
