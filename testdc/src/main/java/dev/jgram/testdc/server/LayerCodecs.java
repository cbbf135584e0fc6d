package dev.jgram.testdc.server;

import dev.jgram.mtproto.tl.Layers;
import dev.jgram.mtproto.tl.TlCodec;
import dev.jgram.mtproto.tl.TlSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One codec per layer the cluster speaks: queries are decoded and every answer encoded with
 * the codec of the connection's layer, or of the newest layer below it. A connection that
 * announced no layer yet is decoded with the default layer's codec.
 */
public final class LayerCodecs {
  private final TreeMap<Integer, TlCodec> codecs;
  private final TreeMap<Integer, TlSchema> schemas;
  private final int defaultLayer;

  private LayerCodecs(TreeMap<Integer, TlCodec> codecs, TreeMap<Integer, TlSchema> schemas,
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
    TreeMap<Integer, TlCodec> codecs = new TreeMap<>();
    TreeMap<Integer, TlSchema> byLayer = new TreeMap<>();
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
    return new LayerCodecs(codecs, byLayer, defaultLayer);
  }

  /** The layers jgram ships schemas for (158, 198, 227); 198 before a layer is announced. */
  public static LayerCodecs shipped() {
    return of(Layers.shipped().stream().map(Layers::schema).toList(), Layers.JGRAM);
  }

  /**
   * The codec that answers a client of {@code layer}: the newest schema not above it (a
   * layer-200 client is answered in 198), or null below the oldest.
   */
  public TlCodec codec(int layer) {
    Map.Entry<Integer, TlCodec> entry = codecs.floorEntry(layer);
    return entry == null ? null : entry.getValue();
  }

  /** The codec for a connection at {@code layer} (0: none announced yet), or null. */
  TlCodec forConnection(int layer) {
    return codec(layer == 0 ? defaultLayer : layer);
  }

  /** The schema for a connection at {@code layer} (0: none announced yet), or null. */
  TlSchema schemaForConnection(int layer) {
    Map.Entry<Integer, TlSchema> entry = schemas.floorEntry(layer == 0 ? defaultLayer : layer);
    return entry == null ? null : entry.getValue();
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
