package dev.jgram.mtproto.auth;

/** How a client wrapped its {@code p_q_inner_data} for RSA (core.telegram.org/mtproto/auth_key). */
public enum RsaPadding {
  /** RSA_PAD (2021): temp_key, AES-256-IGE and SHA-256; what current clients send. */
  RSA_PAD("rsa_pad"),
  /** The older scheme: SHA-1(data) + data + random bytes; Pyrogram and mtcute's "old" keys. */
  SHA1("sha1");

  private final String logName;

  RsaPadding(String logName) {
    this.logName = logName;
  }

  /** The short name a call log shows: "rsa_pad" or "sha1". */
  public String logName() {
    return logName;
  }
}
