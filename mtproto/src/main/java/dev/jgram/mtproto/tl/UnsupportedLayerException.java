package dev.jgram.mtproto.tl;

import java.util.List;

/**
 * A client announced a layer older than every API layer jgram ships, so no shipped schema can
 * answer it; a server answers {@code 400 CONNECTION_LAYER_INVALID}.
 */
public final class UnsupportedLayerException extends TlException {
  private static final long serialVersionUID = 1L;

  private final int layer;
  private final List<Integer> shipped;

  /** Creates the exception for {@code layer}, naming the {@code shipped} layers. */
  public UnsupportedLayerException(int layer, List<Integer> shipped) {
    super("layer " + layer + " is older than every API layer jgram ships " + shipped
        + "; expected a layer of at least " + shipped.get(0));
    this.layer = layer;
    this.shipped = List.copyOf(shipped);
  }

  /** The layer that was asked for. */
  public int layer() {
    return layer;
  }

  /** The layers jgram ships, oldest first. */
  public List<Integer> shipped() {
    return shipped;
  }
}
