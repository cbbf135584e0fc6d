package dev.jgram.mtproto.auth;

/**
 * How a client builds its encrypted p_q_inner_data.
 *
 * @param dcId the DC id for {@code p_q_inner_data_dc} (add 10000 for test DCs, negate for
 *     media DCs), or 0 to send the older {@code p_q_inner_data} without a DC
 * @param rsaPad true for RSA_PAD, false for the older SHA-1 padding Pyrogram sends
 */
public record KeyExchangeOptions(int dcId, boolean rsaPad) {

  /** p_q_inner_data_dc for {@code dcId} with RSA_PAD, what current clients send. */
  public static KeyExchangeOptions current(int dcId) {
    return new KeyExchangeOptions(dcId, true);
  }
}
