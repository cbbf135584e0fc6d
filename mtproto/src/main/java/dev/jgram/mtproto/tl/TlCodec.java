package dev.jgram.mtproto.tl;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Encodes and decodes {@link TlObject}s driven by a {@link TlSchema}: no class per
 * constructor. Boxed values start with their constructor id; bare ones do not. A boxed value
 * may arrive as {@code gzip_packed}, which decoding unwraps transparently. {@link
 * #forLayer(int)} gives the codec of a shipped layer; encoding with it follows the field rule
 * of {@link Layers}: a field the layer does not declare is left out only if another shipped
 * layer declares it for that constructor, and any other unknown field is an error.
 */
public final class TlCodec {
  private final TlSchema schema;

  /** A codec over {@code schema}. */
  public TlCodec(TlSchema schema) {
    this.schema = schema;
  }

  /** The codec over {@link TlSchema#jgram()}. */
  public static TlCodec jgram() {
    return new TlCodec(TlSchema.jgram());
  }

  /**
   * The codec over the shipped schema that answers a client of {@code layer} (see
   * {@link Layers}): the newest shipped layer not above it.
   *
   * @throws UnsupportedLayerException if {@code layer} is older than every shipped layer
   */
  public static TlCodec forLayer(int layer) {
    return new TlCodec(TlSchema.forLayer(layer));
  }

  /** The schema this codec encodes and decodes with. */
  public TlSchema schema() {
    return schema;
  }

  /**
   * Serialises the result of a function as its declared result type, e.g. a {@code
   * List<TlObject>} of users for {@code users.getUsers} ({@code Vector<User>}) or a {@code
   * Boolean} for {@code Bool}; a boxed object for any other type.
   *
   * @throws TlException if the schema has no such function or the value does not fit its type
   */
  public byte[] encodeResult(String function, Object result) {
    TlCombinator c = schema.byName(function).filter(TlCombinator::function).orElseThrow(() ->
        new TlException("no function '" + function + "' at layer " + schema.layer()));
    return encode(result, c.resultType().toString());
  }

  /** Serialises a boxed object or function call: constructor id, then its fields. */
  public byte[] encode(TlObject object) {
    TlWriter writer = new TlWriter();
    writeBoxed(writer, object, null);
    return writer.toByteArray();
  }

  /** Serialises a value of any type expression, e.g. {@code Vector<long>} or {@code Bool}. */
  public byte[] encode(Object value, String type) {
    TlWriter writer = new TlWriter();
    new Encoder(schema).write(writer, TlType.parse(type), value, "value");
    return writer.toByteArray();
  }

  /**
   * Decodes one boxed object that fills {@code data} completely.
   *
   * @throws TlException on an unknown id, truncated data or trailing bytes
   */
  public TlObject decode(byte[] data) {
    Object value = decode(data, "Object");
    if (!(value instanceof TlObject object)) {
      throw new TlException("data holds a bare vector, not an object; decode it with its type");
    }
    return object;
  }

  /** Decodes a value of a type expression that fills {@code data} completely. */
  public Object decode(byte[] data, String type) {
    TlReader reader = new TlReader(data);
    Object value = read(reader, TlType.parse(type));
    if (reader.remaining() != 0) {
      throw new TlException(reader.remaining() + " bytes left after " + type + " at offset "
          + reader.position() + "; expected none");
    }
    return value;
  }

  /** Decodes a value of {@code type} from the reader's position. */
  public Object read(TlReader reader, TlType type) {
    return new Decoder(schema).read(reader, type);
  }

  /** Writes a boxed object at the writer's position; {@code expectedType} may be null. */
  void writeBoxed(TlWriter writer, TlObject object, String expectedType) {
    new Encoder(schema).writeBoxed(writer, object, expectedType);
  }

  static LinkedHashMap<String, Object> newFields(int size) {
    return new LinkedHashMap<>(capacityFor(size));
  }

  /** A hash map's initial capacity that holds {@code size} entries without growing. */
  static int capacityFor(int size) {
    return size < 3 ? 4 : (int) (size / 0.75f) + 1;
  }

  static List<Object> newList(int size) {
    return new ArrayList<>(size);
  }
}
