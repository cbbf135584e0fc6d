package dev.jgram.mtproto.api;

import dev.jgram.mtproto.tl.TlObject;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rpc_error}: a request failed on the server.
 *
 * @param code the error code (303 migrate, 400 bad request, 420 flood, ...)
 * @param message the error message, e.g. {@code FLOOD_WAIT_30} or {@code USER_MIGRATE_2}
 */
public record RpcError(int code, String message) {
  private static final Pattern FLOOD = Pattern.compile("^FLOOD_(?:PREMIUM_)?WAIT_(\\d+)$");
  private static final Pattern MIGRATE = Pattern.compile("^[A-Z_]+_MIGRATE_(\\d+)$");

  /** Reads a decoded {@code rpc_error}. */
  public static RpcError from(TlObject object) {
    Views.require(object, "rpc_error");
    return new RpcError(object.intValue("error_code"), object.string("error_message"));
  }

  /** The seconds to wait for a FLOOD_WAIT_X error, if this is one. */
  public OptionalInt floodWaitSeconds() {
    return number(FLOOD);
  }

  /** The DC to move to for a *_MIGRATE_X error, if this is one. */
  public OptionalInt migrateToDc() {
    return number(MIGRATE);
  }

  private OptionalInt number(Pattern pattern) {
    Matcher m = pattern.matcher(message);
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
