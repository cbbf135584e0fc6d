package dev.jgram.storage.format;

import dev.jgram.storage.Session;
import dev.jgram.storage.StorageException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A session checked once against what one format needs ({@link SessionFormats#check}), with
 * everything the encoder writes worked out: the test flag (stated, or implied by the DC and
 * address) and, for formats that carry an address, the address and port to write.
 * {@link SessionFormats#encode(WritableSession)}, {@link SessionFormats#write(WritableSession,
 * java.nio.file.Path)} and {@link SessionFormats#store(WritableSession, dev.jgram.storage.Storage)}
 * take it and decide nothing.
 *
 * <table>
 *   <caption>What each format needs beyond the DC and the key</caption>
 *   <tr><th>format</th><th>needs</th></tr>
 *   <tr><td>pyrogram-string, pyrogram-file</td><td>api_id, user_id, is_bot, test_mode</td></tr>
 *   <tr><td>mtcute-string</td><td>test_mode; is_bot when the user id is known</td></tr>
 *   <tr><td>telethon-string, telethon-file</td><td>test_mode unless the address is an IP
 *       literal (the DC's address comes from {@link DcAddresses})</td></tr>
 *   <tr><td>gramjs-string, gramjs-store</td><td>test_mode unless there is an address</td></tr>
 *   <tr><td>gotd-json</td><td>nothing (gotd fills an empty address from its own DC list)</td></tr>
 * </table>
 */
public final class WritableSession {
  private final SessionFormat format;
  private final PortableSession session;

  private WritableSession(SessionFormat format, PortableSession session) {
    this.format = format;
    this.session = session;
  }

  /** The format the session was checked against. */
  public SessionFormat format() {
    return format;
  }

  /**
   * The complete session: what the source said and the caller supplied, with the test flag
   * worked out and, for a format that carries an address, the address and port it writes
   * (none for gotd when the test flag is unknown).
   */
  public PortableSession session() {
    return session;
  }

  /**
   * Checks {@code s} against {@code format} and works out what it writes.
   *
   * @throws MissingSessionFieldsException naming every field the format needs and the session
   *     lacks
   * @throws StorageException if the address must come from the table and the DC has none
   */
  static WritableSession check(PortableSession s, SessionFormat format) {
    Boolean test = impliedTestMode(s);
    List<SessionField> missing = missing(s, format, test);
    if (!missing.isEmpty()) {
      throw new MissingSessionFieldsException(format, missing);
    }
    PortableSession complete = s.withSession(s.session().withTestMode(test));
    if (!isPyrogram(format)) {
      complete = withAddress(complete, format, test);
      requireLayoutFits(complete, format);
    }
    return new WritableSession(format, complete);
  }

  /** The fields {@code format} needs that {@code s} lacks, in {@link SessionField} order. */
  static List<SessionField> missing(PortableSession s, SessionFormat format) {
    return missing(s, format, impliedTestMode(s));
  }

  /**
   * The address to write: the stored one (for Telethon only an IP literal), else the table's
   * for the DC in the mode it is known to be in, else none (gotd, test flag unknown).
   */
  private static PortableSession withAddress(PortableSession s, SessionFormat format,
      Boolean test) {
    String stored = s.serverAddress();
    boolean needIp = format == SessionFormat.TELETHON_STRING
        || format == SessionFormat.TELETHON_FILE;
    if (stored != null && !stored.isEmpty() && (!needIp || IpText.parse(stored) != null)) {
      int port = s.port() != null ? s.port()
          : Boolean.TRUE.equals(test) ? DcAddresses.TEST_PORT : DcAddresses.PRODUCTION_PORT;
      return s.withAddress(stored, port);
    }
    if (test == null) {
      return s.withAddress(null, null);
    }
    DcAddress table = DcAddresses.find(s.dcId(), test).orElseThrow(() -> new StorageException(
        "cannot write " + format.cliName() + ": DC " + s.dcId() + (test ? " (test)" : "")
            + " has no known address; expected DC 1..5 or 203 in production, 1..3 in test"));
    return s.withAddress(table.ipv4(), table.port());
  }

  /**
   * The limits of the byte layouts: GramJS strings hold an address of at most
   * {@value GramJsSessionString#MAX_ADDRESS_LENGTH} bytes and a signed 16-bit port; Telethon,
   * GramJS and mtcute strings hold the DC id in one byte.
   */
  private static void requireLayoutFits(PortableSession s, SessionFormat format) {
    if (format == SessionFormat.GRAMJS_STRING) {
      int length = s.serverAddress().getBytes(StandardCharsets.UTF_8).length;
      if (length > GramJsSessionString.MAX_ADDRESS_LENGTH) {
        throw new StorageException("cannot write gramjs-string: the address has " + length
            + " bytes; GramJS reads at most " + GramJsSessionString.MAX_ADDRESS_LENGTH);
      }
      if (s.port() > Short.MAX_VALUE) {
        throw new StorageException("cannot write gramjs-string: port " + s.port()
            + " does not fit GramJS's signed 16-bit field (at most 32767)");
      }
    }
    int dc = s.dcId();
    boolean oneByte = format == SessionFormat.TELETHON_STRING
        || format == SessionFormat.GRAMJS_STRING || format == SessionFormat.MTCUTE_STRING;
    if (oneByte && (dc < 0 || dc > 255)) {
      throw new StorageException(
          "cannot write a session string: DC id " + dc + " does not fit one byte");
    }
  }

  private static List<SessionField> missing(PortableSession s, SessionFormat format,
      Boolean test) {
    Session x = s.session().withTestMode(test);
    List<SessionField> missing = new ArrayList<>();
    for (SessionField f : SessionField.values()) {
      if (f.valueIn(x) == null && needs(format, f, s)) {
        missing.add(f);
      }
    }
    return List.copyOf(missing);
  }

  private static boolean needs(SessionFormat format, SessionField f, PortableSession s) {
    String address = s.serverAddress();
    return switch (f) {
      case DC_ID, AUTH_KEY -> true;
      case API_ID, USER_ID -> isPyrogram(format);
      case IS_BOT -> isPyrogram(format)
          || (format == SessionFormat.MTCUTE_STRING && s.session().userId() != null);
      case TEST_MODE -> switch (format) {
        case PYROGRAM_STRING, PYROGRAM_FILE, MTCUTE_STRING -> true;
        case TELETHON_STRING, TELETHON_FILE -> IpText.parse(address) == null;
        case GRAMJS_STRING, GRAMJS_STORE -> address == null || address.isEmpty();
        case GOTD_JSON -> false;
      };
    };
  }

  private static boolean isPyrogram(SessionFormat format) {
    return format == SessionFormat.PYROGRAM_STRING || format == SessionFormat.PYROGRAM_FILE;
  }

  /** The test flag the session states, or else the one its DC and address imply, or null. */
  private static Boolean impliedTestMode(PortableSession s) {
    Boolean test = s.session().testMode();
    return test != null || s.dcId() == null ? test
        : DcAddresses.testModeOf(s.dcId(), s.serverAddress()).orElse(null);
  }
}
