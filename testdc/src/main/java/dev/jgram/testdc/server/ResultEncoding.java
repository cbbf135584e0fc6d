package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlSchema;

/**
 * Encodes a service's result as the function's declared result type. A bare vector result
 * ({@code Vector<User>} of {@code users.getUsers}) arrives as an object named {@code vector}
 * whose one field {@code items} holds the elements (the services' {@code VectorResult}); a
 * {@code Bool} arrives as {@code boolTrue} or {@code boolFalse}; anything else is a boxed
 * object.
 */
final class ResultEncoding {
  static final String VECTOR = "vector";
  static final String ITEMS = "items";

  private ResultEncoding() {}

  /** The result's bytes; {@code query} gives the result type of a vector (null: unknown). */
  static byte[] encode(TlSchema schema, TlObject query, TlObject value) {
    TlCodec codec = new TlCodec(schema);
    if (VECTOR.equals(value.name()) && value.has(ITEMS) && value.fields().size() == 1) {
      return codec.encode(value.list(ITEMS), vectorType(schema, query));
    }
    return codec.encode(value);
  }

  private static String vectorType(TlSchema schema, TlObject query) {
    if (query == null) {
      throw new IllegalArgumentException("a vector result needs the query's result type");
    }
    return schema.byName(query.name())
        .map(c -> c.resultType().toString())
        .orElseThrow(() -> new IllegalArgumentException(query.name()
            + " is not a function of this layer"));
  }
}
