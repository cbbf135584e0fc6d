package dev.jgram.testdc.services;

import static org.assertj.core.api.Assertions.assertThat;

import dev.jgram.mtproto.tl.Layers;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlCombinator;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.mtproto.tl.TlParam;
import dev.jgram.mtproto.tl.TlSchema;
import dev.jgram.testdc.api.VectorResult;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Checks that a result encodes as its method's declared type with the schema of every shipped
 * layer (the core encodes each answer in the connection's layer), decodes back to the same
 * constructor, and names no field that no layer declares.
 */
final class Encodings {
  static final Map<Integer, TlSchema> SCHEMAS = shipped();

  private Encodings() {}

  private static Map<Integer, TlSchema> shipped() {
    Map<Integer, TlSchema> schemas = new TreeMap<>();
    Layers.shipped().forEach(layer -> schemas.put(layer, TlSchema.forLayer(layer)));
    assertThat(schemas).containsKeys(158, 198, 227);
    return schemas;
  }

  static void checkEncodes(String method, TlObject result) {
    SCHEMAS.forEach((layer, schema) -> checkEncodes(layer, schema, method, result));
  }

  /** Checks a pushed {@code Updates} object the same way. */
  static void checkPushEncodes(TlObject updates) {
    SCHEMAS.forEach((layer, schema) -> {
      checkFields(layer, schema, updates);
      TlCodec codec = new TlCodec(schema);
      assertThat(codec.decode(codec.encode(updates)).name()).isEqualTo(updates.name());
    });
  }

  private static void checkEncodes(int layer, TlSchema schema, String method,
      TlObject result) {
    TlCombinator function = schema.byName(method).orElseThrow(() ->
        new AssertionError(method + " is not in the layer-" + layer + " schema"));
    TlCodec codec = new TlCodec(schema);
    String type = function.resultType().toString();
    if (VectorResult.isVector(result)) {
      List<Object> items = VectorResult.items(result);
      items.forEach(item -> checkFields(layer, schema, item));
      Object decoded = codec.decode(codec.encode(items, type), type);
      assertThat((List<?>) decoded).as(method + " at layer " + layer).hasSize(items.size());
    } else {
      checkFields(layer, schema, result);
      assertThat(codec.decode(codec.encode(result)).name()).as(method + " at layer " + layer)
          .isEqualTo(result.name());
    }
  }

  /**
   * Every field of every nested object is declared by its constructor at some shipped layer
   * (the encoder leaves out fields of other layers; a name no layer declares is a typo).
   */
  static void checkFields(int layer, TlSchema schema, Object value) {
    if (value instanceof List<?> list) {
      list.forEach(v -> checkFields(layer, schema, v));
    } else if (value instanceof TlObject object) {
      assertThat(schema.byName(object.name())).as(object.name() + " at layer " + layer)
          .isPresent();
      Set<String> declared = SCHEMAS.values().stream()
          .flatMap(s -> s.byName(object.name()).stream())
          .flatMap(c -> c.params().stream()).map(TlParam::name).collect(Collectors.toSet());
      assertThat(declared).as(object.name() + " fields at any layer")
          .containsAll(object.fields().keySet());
      object.fields().values().forEach(v -> checkFields(layer, schema, v));
    }
  }
}
