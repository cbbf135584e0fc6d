package dev.jgram.mtproto.api;

import dev.jgram.mtproto.tl.TlObject;

/**
 * One {@code dcOption}: where a data centre listens.
 *
 * @param id the DC id
 * @param ipAddress IPv4 or IPv6 address
 * @param port TCP port
 * @param ipv6 whether the address is IPv6
 * @param mediaOnly whether only media downloads may use it
 * @param tcpoOnly whether only obfuscated transports may use it
 * @param cdn whether it is a CDN DC
 * @param isStatic whether it is a static address to use when DNS fails
 * @param secret the MTProxy secret for this endpoint, or null
 */
public record DcOption(int id, String ipAddress, int port, boolean ipv6, boolean mediaOnly,
    boolean tcpoOnly, boolean cdn, boolean isStatic, byte[] secret) {

  /** Copies the secret. */
  public DcOption {
    secret = secret == null ? null : secret.clone();
  }

  /** A copy of secret. */

  @Override
  public byte[] secret() {
    return secret == null ? null : secret.clone();
  }

  /** Reads a decoded {@code dcOption}. */
  public static DcOption from(TlObject object) {
    Views.require(object, "dcOption");
    return new DcOption(object.intValue("id"), object.string("ip_address"),
        object.intValue("port"), object.flag("ipv6"), object.flag("media_only"),
        object.flag("tcpo_only"), object.flag("cdn"), object.flag("static"),
        (byte[]) object.get("secret"));
  }
}
