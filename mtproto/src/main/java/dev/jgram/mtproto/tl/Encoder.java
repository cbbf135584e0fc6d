package dev.jgram.mtproto.tl;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** Writes TlObjects by walking the schema's parameter lists. */
final class Encoder {
  private final TlSchema schema;

  /**
   * Where a value sits ({@code user.status}, {@code value[]}), for error messages: kept in
   * parts and joined only when an error names it, since a message encodes hundreds of values.
   */
  private record Site(String owner, String field, int depth) {
    Site element() {
      return new Site(owner, field, depth + 1);
    }

    @Override
    public String toString() {
      return (field == null ? owner : owner + "." + field) + "[]".repeat(depth);
    }
  }

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
    List<TlParam> params = c.params();
    Object[] values = new Object[params.size()]; // one lookup per parameter
    int present = 0;
    for (int i = 0; i < values.length; i++) {
      values[i] = object.get(params.get(i).name());
      present += values[i] == null ? 0 : 1;
    }
    if (present != object.fields().size()) { // the object has a field c does not declare
      checkFieldNames(c, object);
    }
    FlagWords words = new FlagWords(params, values); // each flags word once, not per field
    for (int i = 0; i < values.length; i++) {
      TlParam param = params.get(i);
      Object value = values[i];
      if (param.isFlags()) {
        writer.writeInt(words.word(param.name()));
      } else if (param.isConditional()) {
        int word = words.word(param.flagField());
        boolean bitSet = (word & (1 << param.flagBit())) != 0;
        if (bitSet && value == null && !param.isFlagOnly()) {
          throw new TlException(c.name() + "." + param.name() + " is required: "
              + param.flagField() + " bit " + param.flagBit() + " is set by another field");
        }
        if (value != null && !param.isFlagOnly()) {
          write(writer, param.type(), value, new Site(c.name(), param.name(), 0));
        }
      } else if (value == null && !param.type().name().equals("true")) {
        throw new TlException(c.name() + " needs field '" + param.name() + "' of type "
            + param.type() + " at layer " + schema.layer());
      } else {
        write(writer, param.type(), value, new Site(c.name(), param.name(), 0));
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

  void write(TlWriter writer, TlType type, Object value, String where) {
    write(writer, type, value, new Site(where, null, 0));
  }

  private void write(TlWriter writer, TlType type, Object value, Site where) {
    try {
      writeValue(writer, type, value, where);
    } catch (ClassCastException e) {
      throw new TlException(where + " expects " + type + " but got "
          + value.getClass().getSimpleName() + " (layer " + schema.layer() + ")", e);
    }
  }

  private void writeValue(TlWriter writer, TlType type, Object value, Site where) {
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

  private void writeComposite(TlWriter writer, TlType type, Object value, Site where) {
    if (type.isVector()) {
      List<?> list = (List<?>) value;
      if (type.bare()) {
        writer.writeInt(list.size());
      } else {
        writer.writeVectorHeader(list.size());
      }
      for (Object element : list) {
        write(writer, type.element(), element, where.element());
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

  /**
   * The flags words of one object, each computed on first use (a combinator has few) from
   * the values of the fields it governs: a field sets its bit when present, a
   * {@code flags.N?true} field when it is {@code true}.
   */
  private static final class FlagWords {
    private final List<TlParam> params;
    private final Object[] values;
    private final String[] names = new String[4];
    private final int[] words = new int[4];
    private int count;

    FlagWords(List<TlParam> params, Object[] values) {
      this.params = params;
      this.values = values;
    }

    int word(String flagsName) {
      for (int i = 0; i < count; i++) {
        if (names[i].equals(flagsName)) {
          return words[i];
        }
      }
      int word = compute(flagsName);
      if (count < names.length) {
        names[count] = flagsName;
        words[count++] = word;
      }
      return word;
    }

    private int compute(String flagsName) {
      int word = 0;
      for (int i = 0; i < values.length; i++) {
        TlParam param = params.get(i);
        if (flagsName.equals(param.flagField())) {
          Object value = values[i];
          boolean set = param.isFlagOnly() ? Boolean.TRUE.equals(value) : value != null;
          if (set) {
            word |= 1 << param.flagBit();
          }
        }
      }
      return word;
    }
  }
}
