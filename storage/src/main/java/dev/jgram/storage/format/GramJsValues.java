package dev.jgram.storage.format;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerIds;
import dev.jgram.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The values of a GramJS StoreSession folder: parsing each file, and writing the folder. */
final class GramJsValues {
  private GramJsValues() {}

  /**
   * The value in one key's file as {@code reader} takes it from the parsed JSON, or null
   * without a file; what the JSON or the reader refused is reported with the file's name.
   */
  static <T> T read(Path dir, Path file, Function<Object, T> reader) {
    if (file == null) {
      return null;
    }
    try {
      return reader.apply(Json.parse(
          FileDetection.readText(dir, file, 1 << 20, "a small JSON value")));
    } catch (IllegalArgumentException e) {
      throw new InvalidSessionFileException(dir, file + ": " + e.getMessage());
    }
  }

  /** The 256 key bytes of a Node Buffer as JSON. */
  static byte[] authKey(Object value) {
    if (!(value instanceof Map<?, ?> map) || !"Buffer".equals(map.get("type"))
        || !(map.get("data") instanceof List<?> data)) {
      throw new IllegalArgumentException(
          "expected a Node Buffer as JSON ({\"type\":\"Buffer\",\"data\":[…]})");
    }
    if (data.size() != AuthKey.LENGTH) {
      throw new IllegalArgumentException("Buffer has " + data.size() + " bytes; expected "
          + AuthKey.LENGTH + " (an auth key)");
    }
    byte[] key = new byte[data.size()];
    for (int i = 0; i < key.length; i++) {
      String item = "Buffer data item " + i;
      long b = data.get(i) instanceof Json.Num ? Json.integer(data.get(i), item) : -1;
      if (b < 0 || b > 255) {
        throw new IllegalArgumentException(item + " is not a byte (0..255)");
      }
      key[i] = (byte) b;
    }
    return key;
  }

  /** A JSON number 0..65535, the value of {@code key} ({@code dcId}, {@code port}). */
  static int integer(Object value, String key) {
    long v = Json.integer(value, key);
    if (v < 0 || v > 65535) {
      throw new IllegalArgumentException("number " + v + " is outside 0..65535");
    }
    return (int) v;
  }

  /** A JSON string, the value of {@code key} ({@code serverAddress}). */
  static String string(Object value, String key) {
    String s = Json.string(value, key);
    if (s == null) {
      throw new IllegalArgumentException(key + " is null; expected a string");
    }
    return s;
  }

  /** An entity row {@code [id, hash, username, phone, name, time ms]} stored under {@code id}. */
  static Peer entity(Object value, long id) {
    if (!(value instanceof List<?> row) || row.size() < 2) {
      throw new IllegalArgumentException(
          "expected an entity row [id, hash, username, phone, name, date]");
    }
    long rowId = parseLong(text(row, 0));
    if (rowId != id) {
      throw new IllegalArgumentException("row id " + rowId + " differs from the file's key " + id);
    }
    String hash = text(row, 1);
    String username = text(row, 2);
    String phone = text(row, 3);
    String millis = text(row, 5);
    return new Peer(id, hash == null ? null : parseLong(hash), PeerIds.typeOf(id),
        username == null ? List.of() : List.of(username), phone,
        millis == null ? 0 : parseLong(millis) / 1000);
  }

  /**
   * Writes a new StoreSession folder at {@code dir}, named after it, via a sibling temporary
   * folder renamed into place.
   *
   * @throws StorageException if {@code dir} exists or cannot be written
   */
  static void writeFolder(WritableSession session, Path dir) {
    String name = dir.toAbsolutePath().normalize().getFileName().toString();
    NewSessionTarget.create(dir, "the GramJS session folder", temp -> {
      Files.createDirectory(temp);
      for (Map.Entry<String, String> e : values(session).entrySet()) {
        Files.writeString(temp.resolve(UriText.encode(name + ":" + e.getKey())), e.getValue(),
            StandardCharsets.UTF_8);
      }
    });
  }

  /** Every key and its JSON text, as GramJS would store them. */
  static Map<String, String> values(WritableSession checked) {
    PortableSession session = checked.session();
    Map<String, String> out = new LinkedHashMap<>();
    byte[] key = session.authKey().bytes();
    List<Object> data = new ArrayList<>(key.length);
    for (byte b : key) {
      data.add((long) (b & 0xff));
    }
    Arrays.fill(key, (byte) 0);
    Map<String, Object> buffer = new LinkedHashMap<>();
    buffer.put("type", "Buffer");
    buffer.put("data", data);
    out.put("authKey", Json.write(buffer, Json.Style.JS));
    out.put("dcId", Integer.toString(session.dcId()));
    out.put("port", Integer.toString(session.port()));
    out.put("serverAddress", Json.write(session.serverAddress(), Json.Style.JS));
    for (Peer p : session.peers()) {
      List<Object> row = Arrays.asList(Long.toString(p.id()),
          Long.toString(p.accessHash() == null ? 0 : p.accessHash()), p.primaryUsername(),
          p.phoneNumber(), null, Long.toString(p.lastUpdateOn() * 1000));
      out.put(Long.toString(p.id()), Json.write(row, Json.Style.JS));
    }
    return out;
  }

  private static String text(List<?> row, int index) {
    if (index >= row.size() || row.get(index) == null) {
      return null;
    }
    Object v = row.get(index);
    return v instanceof Json.Num n ? n.text() : v.toString();
  }

  private static long parseLong(String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("a value is not a 64-bit integer");
    }
  }
}
