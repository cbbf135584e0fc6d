package dev.jgram.testdc.api;

import dev.jgram.mtproto.tl.TlObject;
import java.util.List;

/**
 * How an {@link Answer.Result} carries a bare {@code Vector<T>} result (e.g. the
 * {@code Vector<User>} of {@code users.getUsers}), since an answer holds one {@link TlObject}: an
 * object named {@value #NAME} whose single field {@value #ITEMS} holds the elements. The core
 * encodes it as the method's declared result type, {@code vector#1cb5c415} and the elements.
 */
public final class VectorResult {
  /** The name of the wrapping object. */
  public static final String NAME = "vector";
  /** The field holding the elements. */
  public static final String ITEMS = "items";

  private VectorResult() {}

  /** Wraps the elements of a vector result. */
  public static TlObject of(List<?> items) {
    return TlObject.of(NAME, ITEMS, List.copyOf(items));
  }

  /** Whether {@code value} is a wrapped vector. */
  public static boolean isVector(TlObject value) {
    return NAME.equals(value.name()) && value.fields().size() == 1 && value.has(ITEMS);
  }

  /** The elements of a wrapped vector. */
  public static List<Object> items(TlObject value) {
    if (!isVector(value)) {
      throw new IllegalArgumentException("expected a wrapped vector result, got " + value.name());
    }
    return value.list(ITEMS);
  }
}
