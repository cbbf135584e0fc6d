package dev.jgram.mtproto.tl;

/**
 * One parameter of a combinator.
 *
 * @param name the parameter name
 * @param type its type; for {@code flags.3?true} the type is {@code true}
 * @param flagField the flags field a conditional parameter depends on, else null
 * @param flagBit the bit in {@code flagField}, or -1
 */
public record TlParam(String name, TlType type, String flagField, int flagBit) {

  /** Whether this parameter is the {@code #} flags word itself. */
  public boolean isFlags() {
    return type.name().equals("#");
  }

  /** Whether this parameter is present only when its flag bit is set. */
  public boolean isConditional() {
    return flagField != null;
  }

  /** Whether this parameter is a {@code flags.N?true} marker carried only by its bit. */
  public boolean isFlagOnly() {
    return isConditional() && type.name().equals("true");
  }
}
