package dev.jgram.mtproto.tl;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/** Builds random but well-formed TlObjects for any combinator of a schema. */
final class RandomTlObjects {
  private final TlSchema schema;
  private final Random random;

  RandomTlObjects(TlSchema schema, long seed) {
    this.schema = schema;
    this.random = new Random(seed);
  }

  TlObject of(TlCombinator c, int depth) {
    Map<Integer, Boolean> bits = new HashMap<>();
    Map<String, Object> fields = new HashMap<>();
    for (TlParam p : c.params()) {
      if (p.isFlags()) {
        continue;
      }
      if (p.isConditional()) {
        int key = p.flagField().hashCode() * 31 + p.flagBit();
        boolean set = bits.computeIfAbsent(key, k -> depth < 3 && random.nextBoolean());
        if (p.isFlagOnly()) {
          fields.put(p.name(), set);
        } else if (set) {
          fields.put(p.name(), value(p.type(), depth + 1));
        }
      } else {
        fields.put(p.name(), value(p.type(), depth + 1));
      }
    }
    return new TlObject(c.name(), fields);
  }

  private Object value(TlType type, int depth) {
    return switch (type.name()) {
      case "int" -> random.nextInt();
      case "long" -> random.nextLong();
      case "double" -> random.nextDouble();
      case "int128" -> bytes(16);
      case "int256" -> bytes(32);
      case "bytes" -> bytes(random.nextInt(random.nextBoolean() ? 20 : 400));
      case "string" -> "s" + Long.toString(random.nextLong(), 36) + "ü";
      case "Bool" -> random.nextBoolean();
      case "true" -> true;
      case "X", "Object" -> of(schema.byName("help.getConfig").orElseThrow(), depth);
      default -> composite(type, depth);
    };
  }

  private Object composite(TlType type, int depth) {
    if (type.isVector()) {
      int n = depth > 3 ? 0 : random.nextInt(3);
      List<Object> list = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        list.add(value(type.element(), depth + 1));
      }
      return list;
    }
    if (type.bare()) {
      return of(schema.byName(type.name()).orElseThrow(), depth);
    }
    List<TlCombinator> options = new ArrayList<>(schema.constructorsOf(type.name()));
    if (depth > 4) {
      options.sort(Comparator.comparingInt(c -> c.params().size()));
      return of(options.get(0), depth);
    }
    return of(options.get(random.nextInt(options.size())), depth);
  }

  private byte[] bytes(int n) {
    byte[] out = new byte[n];
    random.nextBytes(out);
    return out;
  }

  static Set<String> typesOf(TlSchema schema) {
    Set<String> names = new HashSet<>();
    schema.combinators().forEach(c -> names.add(c.resultType().name()));
    return names;
  }
}
