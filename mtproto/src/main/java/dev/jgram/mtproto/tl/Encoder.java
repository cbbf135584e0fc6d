package dev.jgram.mtproto.tl;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Writes TlObjects by walking the schema's parameter lists. */
final class Encoder {
  private final TlSchema schema;

  Encoder(TlSchema schema) {
    this.schema = schema;
  }

  void writeBoxed(TlWriter writer, TlObject object, String expectedType) {
    TlCombinator c = combinator(object.name());
    if (expectedType != null && !isAny(expectedType) && !c.function()
        && !c.resultType().name().equals(expectedType)) {
      throw new TlException("expected a " + expectedType + " but got " + c.name() + " of type "
          + c.resultType());
    }
    writer.writeInt(c.id());
    writeFields(writer, c, object);
  }

  void writeFields(TlWriter writer, TlCombinator c, TlObject object) {
    checkFieldNames(c, object);
    Map<String, Integer> words = new HashMap<>(4); // each flags word once, not once per field
    for (TlParam param : c.params()) {
      Object value = object.get(param.name());
      if (param.isFlags()) {
        writer.writeInt(words.computeIfAbsent(param.name(), f -> flagsWord(c, f, object)));
      } else if (param.isConditional()) {
        int word = words.computeIfAbsent(param.flagField(), f -> flagsWord(c, f, object));
        boolean bitSet = (word & (1 << param.flagBit())) != 0;
        if (bitSet && value == null && !param.isFlagOnly()) {
          throw new TlException(c.name() + "." + param.name() + " is required: "
              + param.flagField() + " bit " + param.flagBit() + " is set by another field");
        }
        if (value != null && !param.isFlagOnly()) {
          write(writer, param.type(), value, c.name() + "." + param.name());
        }
      } else if (value == null && !param.type().name().equals("true")) {
        throw new TlException(c.name() + " needs field '" + param.name() + "' of type "
            + param.type() + " at layer " + schema.layer());
      } else {
        write(writer, param.type(), value, c.name() + "." + param.name());
      }
    }
  }

  /** A field the layer does not declare is left out only if another shipped layer does. */
  private void checkFieldNames(TlCombinator c, TlObject object) {
    for (String field : object.fields().keySet()) {
      if (!declares(c, field) && !schema.declaredAtAnotherLayer(c.name(), field)) {
        throw new TlException(c.name() + " has no field '" + field + "' at layer "
            + schema.layer() + "; its fields are " + c.params().stream().map(TlParam::name)
            .toList());
      }
    }
  }

  private static boolean declares(TlCombinator c, String field) {
    for (TlParam param : c.params()) {
      if (param.name().equals(field)) {
        return true;
      }
    }
    return false;
  }

  private static int flagsWord(TlCombinator c, String flagsName, TlObject object) {
    int word = 0;
    for (TlParam param : c.params()) {
      if (flagsName.equals(param.flagField())) {
        Object value = object.get(param.name());
        boolean set = param.isFlagOnly() ? Boolean.TRUE.equals(value) : value != null;
        if (set) {
          word |= 1 << param.flagBit();
        }
      }
    }
    return word;
  }

  void write(TlWriter writer, TlType type, Object value, String where) {
    try {
      writeValue(writer, type, value, where);
    } catch (ClassCastException e) {
      throw new TlException(where + " expects " + type + " but got "
          + value.getClass().getSimpleName() + " (layer " + schema.layer() + ")", e);
    }
  }

  private void writeValue(TlWriter writer, TlType type, Object value, String where) {
    switch (type.name()) {
      case "int", "#" -> writer.writeInt(((Number) value).intValue());
      case "long" -> writer.writeLong(((Number) value).longValue());
      case "double" -> writer.writeDouble(((Number) value).doubleValue());
      case "int128" -> writer.writeInt128((byte[]) value);
      case "int256" -> writer.writeInt256((byte[]) value);
      case "bytes" -> writer.writeBytes((byte[]) value);
      case "string" -> writer.writeBytes(value instanceof byte[] raw ? raw
          : ((String) value).getBytes(StandardCharsets.UTF_8));
      case "Bool" -> writer.writeBool((Boolean) value);
      case "true" -> { }
      default -> writeComposite(writer, type, value, where);
    }
  }

  private void writeComposite(TlWriter writer, TlType type, Object value, String where) {
    if (type.isVector()) {
      List<?> list = (List<?>) value;
      if (type.bare()) {
        writer.writeInt(list.size());
      } else {
        writer.writeVectorHeader(list.size());
      }
      for (Object element : list) {
        write(writer, type.element(), element, where + "[]");
      }
    } else if (type.bare()) {
      TlObject object = (TlObject) value;
      writeFields(writer, combinator(object.name()), object);
    } else {
      writeBoxed(writer, (TlObject) value, type.name());
    }
  }

  private TlCombinator combinator(String name) {
    return schema.byName(name).orElseThrow(() ->
        new TlException("unknown constructor '" + name + "' (schema layer " + schema.layer()
            + ")"));
  }

  static boolean isAny(String type) {
    return type.equals("Object") || type.equals("X");
  }
}
