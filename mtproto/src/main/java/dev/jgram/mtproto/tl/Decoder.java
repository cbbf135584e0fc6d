package dev.jgram.mtproto.tl;

import java.util.LinkedHashMap;
import java.util.List;

/** Reads TlObjects by walking the schema's parameter lists. */
final class Decoder {
  private static final int MAX_DEPTH = 64;

  private final TlSchema schema;
  private int depth;

  Decoder(TlSchema schema) {
    this.schema = schema;
  }

  Object read(TlReader reader, TlType type) {
    return switch (type.name()) {
      case "int", "#" -> reader.readInt();
      case "long" -> reader.readLong();
      case "double" -> reader.readDouble();
      case "int128" -> reader.readInt128();
      case "int256" -> reader.readInt256();
      case "bytes" -> reader.readBytes();
      case "string" -> reader.readString();
      case "Bool" -> reader.readBool();
      case "true" -> Boolean.TRUE;
      default -> readComposite(reader, type);
    };
  }

  private Object readComposite(TlReader reader, TlType type) {
    if (type.isVector()) {
      int count = type.bare() ? reader.readCount() : reader.readVectorHeader();
      List<Object> list = TlCodec.newList(count);
      for (int i = 0; i < count; i++) {
        list.add(read(reader, type.element()));
      }
      return List.copyOf(list);
    }
    if (type.bare()) {
      TlCombinator c = schema.byName(type.name()).orElseThrow(() ->
          new TlException("bare type " + type.name() + " is not a constructor of the schema"));
      return readFields(reader, c);
    }
    return readBoxed(reader, type.name());
  }

  Object readBoxed(TlReader reader, String expectedType) {
    int at = reader.position();
    int id = reader.readInt();
    if (id == GzipPacked.ID) {
      TlReader inner = new TlReader(GzipPacked.unpack(reader.readBytes()));
      Object value = readBoxed(inner, expectedType);
      if (inner.remaining() != 0) {
        throw new TlException("gzip_packed holds " + inner.remaining() + " trailing bytes");
      }
      return value;
    }
    if (id == TlWriter.VECTOR && Encoder.isAny(expectedType)) {
      // An Object that is a vector: elements are assumed boxed (Vector<User> and the like).
      int count = reader.readCount();
      List<Object> list = TlCodec.newList(count);
      for (int i = 0; i < count; i++) {
        list.add(readBoxed(reader, "Object"));
      }
      return List.copyOf(list);
    }
    TlCombinator c = schema.byId(id).orElseThrow(() -> new TlException(String.format(
        "unknown constructor id %08x at offset %d (schema layer %d)", id, at, schema.layer())));
    if (!Encoder.isAny(expectedType) && !c.resultType().name().equals(expectedType)) {
      throw new TlException(String.format("constructor %s#%08x at offset %d is a %s; expected %s",
          c.name(), id, at, c.resultType(), expectedType));
    }
    return readFields(reader, c);
  }

  private TlObject readFields(TlReader reader, TlCombinator c) {
    if (++depth > MAX_DEPTH) {
      throw new TlException("TL objects nested deeper than " + MAX_DEPTH);
    }
    LinkedHashMap<String, Object> fields = TlCodec.newFields(c.params().size());
    for (TlParam param : c.params()) {
      if (param.isConditional()) {
        int word = ((Number) fields.get(param.flagField())).intValue();
        boolean set = (word & (1 << param.flagBit())) != 0;
        if (param.isFlagOnly()) {
          fields.put(param.name(), set);
        } else if (set) {
          fields.put(param.name(), read(reader, param.type()));
        }
      } else {
        fields.put(param.name(), read(reader, param.type()));
      }
    }
    depth--;
    return new TlObject(c.name(), new TlObject.Owned(fields));
  }
}
