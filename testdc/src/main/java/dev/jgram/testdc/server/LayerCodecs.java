package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlSchema;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One codec per layer the cluster speaks: queries are decoded and every answer encoded with
 * the codec of the connection's layer. A connection that announced no layer yet is decoded
 * with the default layer's codec.
 */
public final class LayerCodecs {
  private final Map<Integer, TlCodec> codecs;
  private final Map<Integer, TlSchema> schemas;
  private final int defaultLayer;

  private LayerCodecs(Map<Integer, TlCodec> codecs, Map<Integer, TlSchema> schemas,
      int defaultLayer) {
    this.codecs = codecs;
    this.schemas = schemas;
    this.defaultLayer = defaultLayer;
  }

  /**
   * Codecs for the given schemas, each under its declared layer.
   *
   * @param defaultLayer the layer for connections that announced none; must be among them
   * @throws IllegalArgumentException if a schema declares no layer or the default is missing
   */
  public static LayerCodecs of(List<TlSchema> schemas, int defaultLayer) {
    Map<Integer, TlCodec> codecs = new TreeMap<>();
    Map<Integer, TlSchema> byLayer = new TreeMap<>();
    for (TlSchema schema : schemas) {
      if (schema.layer() <= 0) {
        throw new IllegalArgumentException("a schema declares no layer (// LAYER n); each"
            + " codec is chosen by its layer");
      }
      codecs.put(schema.layer(), new TlCodec(schema));
      byLayer.put(schema.layer(), schema);
    }
    if (!codecs.containsKey(defaultLayer)) {
      throw new IllegalArgumentException("default layer " + defaultLayer + " is not among the"
          + " schemas' layers " + codecs.keySet());
    }
    return new LayerCodecs(Collections.unmodifiableMap(codecs),
        Collections.unmodifiableMap(byLayer), defaultLayer);
  }

  /** The layers jgram ships schemas for. */
  public static LayerCodecs shipped() {
    TlSchema jgram = TlSchema.jgram();
    return of(List.of(jgram), jgram.layer());
  }

  /** The codec of {@code layer}, or null if the cluster does not speak it. */
  public TlCodec codec(int layer) {
    return codecs.get(layer);
  }

  /** The codec for a connection at {@code layer} (0: none announced yet), or null. */
  TlCodec forConnection(int layer) {
    return codecs.get(layer == 0 ? defaultLayer : layer);
  }

  /** The schema for a connection at {@code layer} (0: none announced yet), or null. */
  TlSchema schemaForConnection(int layer) {
    return schemas.get(layer == 0 ? defaultLayer : layer);
  }

  /** The layer used before a connection announces one. */
  public int defaultLayer() {
    return defaultLayer;
  }

  /** The supported layers, ascending. */
  public List<Integer> layers() {
    return new ArrayList<>(codecs.keySet());
  }
}
