package dev.jgram.storage.format;

import dev.jgram.storage.AuthKey;
import dev.jgram.storage.InvalidSessionFileException;
import dev.jgram.storage.Peer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * GramJS's Node {@code StoreSession}: a folder named after the session holding one file per
 * key, as node-localstorage keeps them. A file's name is the URL-encoded key
 * {@code <name>:<key>} ({@code jgram_store%3AauthKey}); its content is the value as
 * {@code JSON.stringify} wrote it.
 *
 * <table>
 *   <caption>Keys</caption>
 *   <tr><th>key</th><th>content</th></tr>
 *   <tr><td>authKey</td><td>{@code {"type":"Buffer","data":[…256 numbers…]}}</td></tr>
 *   <tr><td>dcId</td><td>decimal text</td></tr>
 *   <tr><td>port</td><td>decimal text</td></tr>
 *   <tr><td>serverAddress</td><td>a JSON string</td></tr>
 *   <tr><td>a marked peer id</td><td>{@code [id, hash, username, phone, name, time]}: JSON
 *       strings or null, time in milliseconds</td></tr>
 * </table>
 *
 * <p>GramJS stores no user id, api id or test flag. Entities become {@link Peer}s with the
 * type their marked id implies; names are not carried.
 */
final class GramJsStoreSession {
  private static final String WHAT = "a GramJS StoreSession folder";
  private static final String AUTH_KEY = "authKey";

  private GramJsStoreSession() {}

  /**
   * Reads a StoreSession folder without changing it. The session is returned as stored;
   * {@link SessionFormats#detect(Path)} also validates it.
   *
   * @throws InvalidSessionFileException naming the folder or file and what was wrong
   */
  static PortableSession read(Path dir) {
    Map<String, Path> keys = keys(dir);
    byte[] key = GramJsValues.read(dir, keys.get(AUTH_KEY), GramJsValues::authKey);
    Integer dc = GramJsValues.read(dir, keys.get("dcId"), v -> GramJsValues.integer(v, "dcId"));
    Integer port = GramJsValues.read(dir, keys.get("port"), v -> GramJsValues.integer(v, "port"));
    String address = GramJsValues.read(dir, keys.get("serverAddress"),
        v -> GramJsValues.string(v, "serverAddress"));
    if (dc == null) {
      throw new InvalidSessionFileException(dir, dir + ": " + WHAT + " without a dcId file");
    }
    List<Peer> peers = new ArrayList<>();
    for (Map.Entry<String, Path> e : keys.entrySet()) {
      Long id = markedId(e.getKey());
      if (id != null) {
        peers.add(GramJsValues.read(dir, e.getValue(), v -> GramJsValues.entity(v, id)));
      }
    }
    return SessionChecks.source(dc, null, key == null ? null : AuthKey.of(key), address, port)
        .withPeers(peers);
  }

  /** Whether {@code dir} holds a StoreSession: some file whose key ends in {@code :authKey}. */
  static boolean looksLikeStore(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(f -> f.getFileName().toString().endsWith("%3A" + AUTH_KEY));
    } catch (IOException e) {
      return false;
    }
  }

  /** The session's files by key (the part after {@code <name>:}). */
  private static Map<String, Path> keys(Path dir) {
    if (!Files.isDirectory(dir)) {
      throw new InvalidSessionFileException(dir, dir + ": not a directory; expected " + WHAT);
    }
    List<Path> files;
    try (Stream<Path> list = Files.list(dir)) {
      files = list.filter(Files::isRegularFile).toList();
    } catch (IOException e) {
      throw new InvalidSessionFileException(dir, dir + ": cannot list the folder", e);
    }
    String prefix = prefix(dir, files);
    Map<String, Path> keys = new TreeMap<>();
    for (Path f : files) {
      String name = UriText.decode(f.getFileName().toString());
      if (name != null && name.startsWith(prefix)) {
        keys.put(name.substring(prefix.length()), f);
      }
    }
    return keys;
  }

  /** {@code <name>:} of the session: the folder's name, else the one authKey file's. */
  private static String prefix(Path dir, List<Path> files) {
    String own = dir.toAbsolutePath().normalize().getFileName() + ":";
    List<String> candidates = new ArrayList<>();
    for (Path f : files) {
      String name = UriText.decode(f.getFileName().toString());
      if (name != null && name.endsWith(":" + AUTH_KEY)) {
        candidates.add(name.substring(0, name.length() - AUTH_KEY.length()));
      }
    }
    if (candidates.contains(own)) {
      return own;
    }
    if (candidates.size() == 1) {
      return candidates.get(0);
    }
    throw new InvalidSessionFileException(dir, dir + ": " + (candidates.isEmpty()
        ? "no <name>%3AauthKey file; expected " + WHAT
        : candidates.size() + " sessions' authKey files and none named after the folder"));
  }

  private static Long markedId(String key) {
    if (!key.matches("-?[0-9]{1,19}")) {
      return null;
    }
    try {
      long id = Long.parseLong(key);
      return id == 0 ? null : id;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
