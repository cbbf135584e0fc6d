package dev.jgram.mtproto.tl;

import java.util.List;

/**
 * A constructor or function of a TL schema.
 *
 * @param name the full name, namespace included ({@code users.getUsers})
 * @param id the constructor id
 * @param params the parameters in order, generic {@code {X:Type}} ones excluded
 * @param resultType the type it constructs or, for a function, returns
 * @param function whether it was declared under {@code ---functions---}
 */
public record TlCombinator(String name, int id, List<TlParam> params, TlType resultType,
    boolean function) {

  /** Copies the parameter list. */
  public TlCombinator {
    params = List.copyOf(params);
  }

  /** The id as eight lower-case hex digits, as schemas write it. */
  public String idHex() {
    return String.format("%08x", id);
  }
}
