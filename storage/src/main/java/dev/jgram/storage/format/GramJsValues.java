package dev.jgram.storage.format;

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

/** The values of a GramJS StoreSession folder: parsing each file, and writing the folder. */
final class GramJsValues {
  private GramJsValues() {}

  /** The 256 key bytes of a Node Buffer JSON, or null without a file. */
  static byte[] authKey(Path dir, Path file) {
    if (file == null) {
      return null;
    }
    Object value = parse(dir, file);
    if (!(value instanceof Map<?, ?> map) || !"Buffer".equals(map.get("type"))
        || !(map.get("data") instanceof List<?> data)) {
      throw bad(dir, file, "expected a Node Buffer as JSON ({\"type\":\"Buffer\",\"data\":[…]})");
    }
    if (data.size() != dev.jgram.storage.AuthKey.LENGTH) {
      throw bad(dir, file, "Buffer has " + data.size() + " bytes; expected "
          + dev.jgram.storage.AuthKey.LENGTH + " (an auth key)");
    }
    byte[] key = new byte[data.size()];
    for (int i = 0; i < key.length; i++) {
      long b = data.get(i) instanceof Json.Num n ? parseLong(dir, file, n.text()) : -1;
      if (b < 0 || b > 255) {
        throw bad(dir, file, "Buffer data item " + i + " is not a byte (0..255)");
      }
      key[i] = (byte) b;
    }
    return key;
  }

  /** A JSON number file, or null without a file. */
  static Integer integer(Path dir, Path file) {
    if (file == null) {
      return null;
    }
    Object value = parse(dir, file);
    if (!(value instanceof Json.Num n)) {
      throw bad(dir, file, "expected a JSON number");
    }
    long v = parseLong(dir, file, n.text());
    if (v < 0 || v > 65535) {
      throw bad(dir, file, "number " + v + " is outside 0..65535");
    }
    return (int) v;
  }

  /** A JSON string file, or null without a file. */
  static String string(Path dir, Path file) {
    if (file == null) {
      return null;
    }
    Object value = parse(dir, file);
    if (!(value instanceof String s)) {
      throw bad(dir, file, "expected a JSON string");
    }
    return s;
  }

  /** An entity row {@code [id, hash, username, phone, name, time ms]}. */
  static Peer entity(Path dir, Path file, long id) {
    Object value = parse(dir, file);
    if (!(value instanceof List<?> row) || row.size() < 2) {
      throw bad(dir, file, "expected an entity row [id, hash, username, phone, name, date]");
    }
    long rowId = parseLong(dir, file, text(row, 0));
    if (rowId != id) {
      throw bad(dir, file, "row id " + rowId + " differs from the file's key " + id);
    }
    String hash = text(row, 1);
    String username = text(row, 2);
    String phone = text(row, 3);
    String millis = text(row, 5);
    return new Peer(id, hash == null ? null : parseLong(dir, file, hash), PeerIds.typeOf(id),
        username == null ? List.of() : List.of(username), phone,
        millis == null ? 0 : parseLong(dir, file, millis) / 1000);
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

  private static Object parse(Path dir, Path file) {
    try {
      return Json.parse(GramJsStoreSession.readText(dir, file));
    } catch (IllegalArgumentException e) {
      throw bad(dir, file, e.getMessage());
    }
  }

  private static long parseLong(Path dir, Path file, String text) {
    try {
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw bad(dir, file, "a value is not a 64-bit integer");
    }
  }

  private static InvalidSessionFileException bad(Path dir, Path file, String problem) {
    return new InvalidSessionFileException(dir, file + ": " + problem);
  }
}
