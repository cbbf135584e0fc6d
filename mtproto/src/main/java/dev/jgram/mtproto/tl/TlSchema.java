package dev.jgram.mtproto.tl;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A parsed TL schema: constructors and functions by name and by id, and its layer.
 *
 * <p>Loading recomputes every constructor id from its declaration (see the normalisation in
 * the package's {@code ConstructorIds}) and refuses a schema whose declared ids disagree, so a
 * typo in a hand-written declaration cannot reach the wire. {@link #forLayer(int)} is a schema
 * shipped with jgram, the MTProto service layer plus the API subset of one layer (see {@link
 * Layers}); {@link #jgram()} is the one of layer {@link Layers#JGRAM}; {@link #withApi(String)}
 * swaps in a complete official API schema at run time.
 */
public final class TlSchema {
  private static final String SERVICE_RESOURCE = "/dev/jgram/mtproto/tl/mtproto.tl";

  private final Map<String, TlCombinator> byName = new LinkedHashMap<>();
  private final Map<Integer, TlCombinator> byId = new HashMap<>();
  private final Map<String, List<TlCombinator>> byType = new HashMap<>();
  private final int layer;
  private final Map<String, Set<String>> fieldsOfOtherLayers;

  private TlSchema(Collection<TlCombinator> combinators, int layer,
      Map<String, Set<String>> fieldsOfOtherLayers) {
    for (TlCombinator c : combinators) {
      byName.put(c.name(), c);
      if (!c.function()) {
        byId.put(c.id(), c);
        byType.computeIfAbsent(c.resultType().toString(), k -> new ArrayList<>()).add(c);
      } else {
        byId.putIfAbsent(c.id(), c);
      }
    }
    this.layer = layer;
    this.fieldsOfOtherLayers = fieldsOfOtherLayers;
  }

  /**
   * Parses schema text.
   *
   * @throws TlException if a line is malformed or a declared id differs from its CRC32; the
   *     message lists every mismatch
   */
  public static TlSchema parse(String text) {
    TlSchemaParser parser = TlSchemaParser.parse(text);
    if (!parser.mismatches().isEmpty()) {
      throw new TlException("schema has " + parser.mismatches().size()
          + " constructor id(s) that differ from the CRC32 of their declaration: "
          + String.join(", ", parser.mismatches()));
    }
    return new TlSchema(parser.combinators(), parser.layer(), Map.of());
  }

  /** The schema of jgram's own layer, {@link Layers#JGRAM}: {@code forLayer(198)}. */
  public static TlSchema jgram() {
    return forLayer(Layers.JGRAM);
  }

  /**
   * The shipped schema that answers a client of {@code layer}: the newest shipped layer not
   * above it (see {@link Layers}).
   *
   * @throws UnsupportedLayerException if {@code layer} is older than every shipped layer
   */
  public static TlSchema forLayer(int layer) {
    return Layers.schema(layer);
  }

  /** jgram's MTProto service layer combined with a complete API schema, e.g. an official one. */
  public static TlSchema withApi(String apiSchemaText) {
    TlSchema api = parse(apiSchemaText);
    List<TlCombinator> all = new ArrayList<>(parse(resource(SERVICE_RESOURCE)).byName.values());
    all.addAll(api.byName.values());
    return new TlSchema(all, api.layer, Map.of());
  }

  /** This schema, tolerating on encoding the fields other layers declare (see Layers). */
  TlSchema withFieldsOfOtherLayers(Map<String, Set<String>> fieldsByConstructor) {
    return new TlSchema(byName.values(), layer, Map.copyOf(fieldsByConstructor));
  }

  /**
   * Whether encoding may leave out {@code field} of {@code constructor}, which this layer
   * does not declare, because another shipped layer declares it.
   */
  boolean declaredAtAnotherLayer(String constructor, String field) {
    return fieldsOfOtherLayers.getOrDefault(constructor, Set.of()).contains(field);
  }

  /** The declared layer ({@code // LAYER n}), or 0 if the text declared none. */
  public int layer() {
    return layer;
  }

  /** The constructor or function of this name. */
  public Optional<TlCombinator> byName(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** The constructor (or, if no constructor has it, function) with this id. */
  public Optional<TlCombinator> byId(int id) {
    return Optional.ofNullable(byId.get(id));
  }

  /** The constructors of a boxed type such as {@code User}. */
  public List<TlCombinator> constructorsOf(String type) {
    return List.copyOf(byType.getOrDefault(type, List.of()));
  }

  /** Every combinator, in declaration order. */
  public Collection<TlCombinator> combinators() {
    return List.copyOf(byName.values());
  }

  static String resource(String path) {
    try (InputStream in = TlSchema.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("jgram schema resource " + path + " is missing");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException("jgram schema resource " + path + " is unreadable", e);
    }
  }
}
