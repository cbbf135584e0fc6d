package dev.jgram.mtproto.auth;

/**
 * How a client runs the key exchange: which p_q_inner_data it sends, how it pads it, and
 * whether it opens with the legacy req_pq.
 *
 * <pre>
 * dcId  expiresIn  inner data sent
 * 0     0          p_q_inner_data          (GramJS, Pyrogram)
 * n     0          p_q_inner_data_dc       (current clients)
 * 0     s          p_q_inner_data_temp
 * n     s          p_q_inner_data_temp_dc  (temporary keys, perfect forward secrecy)
 * </pre>
 *
 * @param dcId the DC id for the {@code _dc} forms (add 10000 for test DCs, negate for media
 *     DCs), or 0 for the forms without a DC
 * @param rsaPad true for RSA_PAD, false for the older SHA-1 padding Pyrogram sends
 * @param legacyReqPq true to open with {@code req_pq} instead of {@code req_pq_multi}
 * @param expiresIn for a temporary key, its lifetime in seconds; 0 for a permanent key
 */
public record KeyExchangeOptions(int dcId, boolean rsaPad, boolean legacyReqPq, int expiresIn) {

  /** Checks expiresIn is not negative. */
  public KeyExchangeOptions {
    if (expiresIn < 0) {
      throw new IllegalArgumentException("expiresIn is " + expiresIn
          + "; expected 0 (permanent) or a positive number of seconds");
    }
  }

  /** A permanent key with req_pq_multi. */
  public KeyExchangeOptions(int dcId, boolean rsaPad) {
    this(dcId, rsaPad, false, 0);
  }

  /** p_q_inner_data_dc for {@code dcId} with RSA_PAD, what current clients send. */
  public static KeyExchangeOptions current(int dcId) {
    return new KeyExchangeOptions(dcId, true);
  }

  /** p_q_inner_data_temp_dc for {@code dcId} with RSA_PAD: a temporary key. */
  public static KeyExchangeOptions temporary(int dcId, int expiresIn) {
    return new KeyExchangeOptions(dcId, true, false, expiresIn);
  }

  /** The same options opening with the legacy req_pq. */
  public KeyExchangeOptions withLegacyReqPq() {
    return new KeyExchangeOptions(dcId, rsaPad, true, expiresIn);
  }

  /** The constructor of the inner data these options send. */
  public String innerConstructor() {
    String base = expiresIn == 0 ? "p_q_inner_data" : "p_q_inner_data_temp";
    return dcId == 0 ? base : base + "_dc";
  }
}
