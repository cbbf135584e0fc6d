package dev.jgram.storage.format;

import dev.jgram.storage.AuthKey;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * gotd's session JSON ({@code session.Loader}, version 1), exactly as Go's
 * {@code encoding/json} writes it: compact, fields in declaration order, byte slices as
 * standard padded base64, no trailing newline.
 *
 * <pre>
 * {"Version":1,"Data":{
 *   "Config":{"BlockedMode":false,"ForceTryIpv6":false,"Date":0,"Expires":0,"TestMode":false,
 *             "ThisDC":0,"DCOptions":null,"DCTxtDomainName":"","TmpSessions":0,"WebfileDCID":0},
 *   "DC":2,                         primary DC id
 *   "Addr":"149.154.167.51:443",    host:port, an IPv6 host in [brackets]; may be ""
 *   "AuthKey":"&lt;base64 of 256 bytes&gt;",
 *   "AuthKeyID":"&lt;base64 of 8 bytes&gt;", last 8 bytes of SHA-1(AuthKey)
 *   "Salt":0}}
 * </pre>
 *
 * <p>gotd reports a version other than 1 as "not found" and refuses a key whose
 * {@code AuthKeyID} does not match; the decoder refuses both with an exact message and the
 * encoder always computes the id. A config fetched by gotd ({@code ThisDC} non-zero) is kept
 * verbatim in {@link PortableSession#EXTRA_GOTD_CONFIG} and its {@code TestMode} is used;
 * the salt is kept in {@link PortableSession#EXTRA_GOTD_SALT}. Other sources get the zero
 * config gotd itself writes when importing a Telethon string.
 */
final class GotdSessionJson {
  /** The only {@code Version} gotd reads. */
  public static final int VERSION = 1;

  private static final SessionFormat FORMAT = SessionFormat.GOTD_JSON;
  private static final String ZERO_CONFIG = "{\"BlockedMode\":false,\"ForceTryIpv6\":false,"
      + "\"Date\":0,\"Expires\":0,\"TestMode\":false,\"ThisDC\":0,\"DCOptions\":null,"
      + "\"DCTxtDomainName\":\"\",\"TmpSessions\":0,\"WebfileDCID\":0}";

  private GotdSessionJson() {}

  /**
   * Decodes gotd session JSON.
   *
   * @throws dev.jgram.storage.InvalidSessionStringException saying what was expected and found
   */
  static PortableSession decode(String json) {
    if (json == null || json.isBlank()) {
      throw SessionChecks.invalid(FORMAT, "the text is empty");
    }
    try {
      return decode(Json.parse(json));
    } catch (IllegalArgumentException e) {
      throw SessionChecks.invalid(FORMAT, e.getMessage());
    }
  }

  /**
   * Decodes parsed gotd JSON.
   *
   * @throws IllegalArgumentException naming the field that is not as gotd writes it
   */
  private static PortableSession decode(Object root) {
    Map<String, Object> data = data(root);
    int dc = (int) Json.integer(data.get("DC"), "DC");
    byte[] key = base64(data, "AuthKey");
    checkKeyId(data, key);
    Map<String, Object> config = Json.object(data.get("Config"), "Config");
    String[] hostPort = splitAddr(Json.string(data.get("Addr"), "Addr"));
    Boolean test = config != null && !isZero(config) && config.get("TestMode") instanceof Boolean b
        ? b : null;
    PortableSession out = SessionChecks.decoded(FORMAT, dc, test, key, hostPort[0],
        hostPort[1] == null ? null : Integer.valueOf(hostPort[1]));
    out = out.withExtra(PortableSession.EXTRA_GOTD_SALT,
        Long.toString(data.containsKey("Salt") ? Json.integer(data.get("Salt"), "Salt") : 0));
    if (config != null && !isZero(config)) {
      out = out.withExtra(PortableSession.EXTRA_GOTD_CONFIG, Json.write(config, Json.Style.GO));
    }
    Arrays.fill(key, (byte) 0);
    return out;
  }

  /**
   * Encodes a checked session as gotd writes it. {@code Addr} is the stored address, else the
   * table's address for the DC, else empty (gotd then uses its configured DC list).
   */
  static String encode(WritableSession checked) {
    PortableSession session = checked.session();
    Map<String, Object> data = new LinkedHashMap<>();
    data.put("Config", Json.parse(session.extra(PortableSession.EXTRA_GOTD_CONFIG)
        .orElse(ZERO_CONFIG)));
    data.put("DC", (long) session.dcId());
    String host = session.serverAddress();
    data.put("Addr", host == null ? ""
        : (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + session.port());
    byte[] key = session.authKey().bytes();
    data.put("AuthKey", Base64.getEncoder().encodeToString(key));
    data.put("AuthKeyID", Base64.getEncoder().encodeToString(keyId(session.authKey())));
    data.put("Salt", Long.parseLong(session.extra(PortableSession.EXTRA_GOTD_SALT).orElse("0")));
    Arrays.fill(key, (byte) 0);
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("Version", (long) VERSION);
    root.put("Data", data);
    return Json.write(root, Json.Style.GO);
  }

  /** The 8 key-id bytes in digest order (bytes 12..19 of SHA-1 of the key). */
  static byte[] keyId(AuthKey key) {
    byte[] out = new byte[8];
    long id = key.id();
    for (int i = 0; i < 8; i++) {
      out[i] = (byte) (id >>> (8 * i));
    }
    return out;
  }

  private static Map<String, Object> data(Object root) {
    if (!(root instanceof Map<?, ?> map) || !map.containsKey("Version")
        || !map.containsKey("Data")) {
      throw new IllegalArgumentException("JSON without the top-level Version and Data fields");
    }
    long version = Json.integer(map.get("Version"), "Version");
    if (version != VERSION) {
      throw new IllegalArgumentException("Version is " + version
          + "; expected 1 (gotd reports any other version as \"session not found\")");
    }
    Map<String, Object> data = Json.object(map.get("Data"), "Data");
    if (data == null) {
      throw new IllegalArgumentException("Data is null; expected an object");
    }
    return data;
  }

  private static void checkKeyId(Map<String, Object> data, byte[] key) {
    if (!data.containsKey("AuthKeyID") || data.get("AuthKeyID") == null || key.length != 256) {
      return;
    }
    byte[] stored = base64(data, "AuthKeyID");
    if (!Arrays.equals(stored, keyId(AuthKey.of(key)))) {
      throw SessionChecks.invalid(FORMAT, "AuthKeyID does not match the last 8 bytes of "
          + "SHA-1(AuthKey); gotd refuses such a session as a corrupted key");
    }
  }

  /** A config gotd has not fetched yet: ThisDC and Date are 0. */
  private static boolean isZero(Map<String, Object> config) {
    return isZeroNumber(config.get("ThisDC")) && isZeroNumber(config.get("Date"));
  }

  private static boolean isZeroNumber(Object o) {
    return o == null || (o instanceof Json.Num n && n.text().equals("0"));
  }

  /** Splits {@code host:port} as Go's net.SplitHostPort does; "" gives {null, null}. */
  private static String[] splitAddr(String addr) {
    if (addr == null || addr.isEmpty()) {
      return new String[] {null, null};
    }
    int colon = addr.lastIndexOf(':');
    String host = colon < 0 ? addr : addr.substring(0, colon);
    String port = colon < 0 ? null : addr.substring(colon + 1);
    if (host.startsWith("[") && host.endsWith("]")) {
      host = host.substring(1, host.length() - 1);
    }
    if (port != null && (!port.matches("[0-9]{1,5}") || Integer.parseInt(port) > 65535)) {
      throw SessionChecks.invalid(FORMAT, "Addr does not end in a port number (host:port)");
    }
    return new String[] {host, port};
  }

  private static byte[] base64(Map<String, Object> object, String name) {
    String text = Json.string(object.get(name), name);
    if (text == null) {
      throw new IllegalArgumentException(name + " is missing; expected base64 text");
    }
    try {
      return Base64.getDecoder().decode(text);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(name + " is not standard padded base64 (Go's "
          + "encoding of a byte slice)");
    }
  }
}
