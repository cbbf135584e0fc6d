package dev.jgram.mtproto.tl;

import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A TL object or function call held generically: the constructor name and its fields.
 *
 * <p>Field values by TL type: {@code int} Integer, {@code long} Long, {@code double} Double,
 * {@code int128}/{@code int256}/{@code bytes} byte[], {@code string} String, {@code Bool} and
 * {@code flags.N?true} Boolean, vectors {@link List}, objects {@code TlObject}. Flags words
 * ({@code #}) are computed on encoding from which conditional fields are present; a
 * conditional field that is absent is simply not in the map. Encoding refuses a field its
 * constructor does not declare, except, in a shipped layer's schema, one another shipped
 * layer declares (see {@link Layers}). Equality is the map's, so two
 * objects holding equal byte arrays in different array instances are not equal; compare their
 * encodings instead.
 *
 * @param name the constructor or function name, e.g. {@code inputPeerUser}
 * @param fields the fields by parameter name, in declaration order
 */
public record TlObject(String name, Map<String, Object> fields) {

  /**
   * Copies the fields into an unmodifiable map (nulls are dropped); a map this package built for
   * this object alone ({@link Owned}) is kept as it is, since no one else holds it.
   */
  public TlObject {
    if (fields instanceof Owned owned) {
      fields = owned.view;
    } else {
      // sized for every field at once: a user's forty-odd fields would otherwise grow the
      // table three times on each decoded object
      Map<String, Object> copy = new LinkedHashMap<>(TlCodec.capacityFor(fields.size()));
      fields.forEach((k, v) -> {
        if (v != null) {
          copy.put(k, v);
        }
      });
      fields = Collections.unmodifiableMap(copy);
    }
  }

  /** Builds an object from alternating names and values: {@code of("pong", "msg_id", 1L)}. */
  public static TlObject of(String name, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values must alternate; got an odd count");
    }
    LinkedHashMap<String, Object> fields = TlCodec.newFields(namesAndValues.length / 2);
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
      }
    }
    return new TlObject(name, new Owned(fields));
  }

  /**
   * A copy with {@code field} set to {@code value}, or removed when {@code value} is null:
   * how a server derives per-layer variants of one object ({@code with("stories_max_id",
   * recentStory)} for layer 227).
   */
  public TlObject with(String field, Object value) {
    LinkedHashMap<String, Object> copy = new LinkedHashMap<>(fields);
    if (value == null) {
      copy.remove(field);
    } else {
      copy.put(field, value);
    }
    return new TlObject(name, new Owned(copy));
  }

  /** The field's value, or null when absent. */
  public Object get(String field) {
    return fields.get(field);
  }

  /** Whether the field is present. */
  public boolean has(String field) {
    return fields.containsKey(field);
  }

  /** The field as an int. */
  public int intValue(String field) {
    return ((Number) require(field)).intValue();
  }

  /** The field as a long. */
  public long longValue(String field) {
    return ((Number) require(field)).longValue();
  }

  /** The field as a String, or null when absent. */
  public String string(String field) {
    return (String) fields.get(field);
  }

  /** Whether a Bool or {@code flags.N?true} field is true; absent counts as false. */
  public boolean flag(String field) {
    return Boolean.TRUE.equals(fields.get(field));
  }

  /** The field as a nested object, or null when absent. */
  public TlObject object(String field) {
    return (TlObject) fields.get(field);
  }

  /** The field as a list; absent gives an empty list. */
  @SuppressWarnings("unchecked")
  public <T> List<T> list(String field) {
    Object value = fields.get(field);
    return value == null ? List.of() : (List<T>) value;
  }

  private Object require(String field) {
    Object value = fields.get(field);
    if (value == null) {
      throw new TlException(name + " has no field '" + field + "'");
    }
    return value;
  }

  /**
   * Fields built in this package for one new object and never touched again (no nulls): the
   * constructor keeps their read-only view instead of copying them, which halves the maps a
   * decoded or built object costs.
   */
  static final class Owned extends AbstractMap<String, Object> {
    private final Map<String, Object> view;

    Owned(LinkedHashMap<String, Object> fields) {
      this.view = Collections.unmodifiableMap(fields);
    }

    @Override
    public Set<Map.Entry<String, Object>> entrySet() {
      return view.entrySet();
    }
  }
}
