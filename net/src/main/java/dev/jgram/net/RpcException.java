package dev.jgram.net;

import dev.jgram.mtproto.api.RpcError;
import java.util.OptionalInt;

/**
 * The server answered a call with {@code rpc_error}: its code and message, and what the
 * message encodes (the DC of a {@code *_MIGRATE_X}, the seconds of a {@code FLOOD_WAIT_X}).
 */
public class RpcException extends NetException {
  private static final long serialVersionUID = 1L;
  private final int code;
  private final String errorMessage;
  private final String method;

  /** An error {@code code} / {@code errorMessage} answering {@code method}. */
  public RpcException(int code, String errorMessage, String method) {
    super(code + " " + errorMessage + " (caused by " + method + ")");
    this.code = code;
    this.errorMessage = errorMessage;
    this.method = method;
  }

  /** The exception for {@code error}: a {@link FloodWaitException} for flood waits. */
  public static RpcException of(RpcError error, String method) {
    if (error.code() == 420 && waitSeconds(error.message()).isPresent()) {
      return new FloodWaitException(error.code(), error.message(), method,
          waitSeconds(error.message()).getAsInt());
    }
    return new RpcException(error.code(), error.message(), method);
  }

  /** The error code: 303, 400, 401, 403, 406, 420, 500, ... */
  public int code() {
    return code;
  }

  /** The error message, e.g. {@code USER_MIGRATE_4} or {@code ACCESS_TOKEN_INVALID}. */
  public String errorMessage() {
    return errorMessage;
  }

  /** The method the failed call invoked (outermost wrappers removed), or "?" if unknown. */
  public String method() {
    return method;
  }

  /** For {@code PHONE_}, {@code NETWORK_}, {@code USER_}, {@code FILE_}... {@code MIGRATE_X}: X. */
  public OptionalInt migrateDc() {
    return new RpcError(code, errorMessage).migrateToDc();
  }

  /** Whether this is a 303 that moves the account's home DC (user, phone or network). */
  public boolean movesHomeDc() {
    return migrateDc().isPresent() && (errorMessage.startsWith("USER_MIGRATE_")
        || errorMessage.startsWith("PHONE_MIGRATE_")
        || errorMessage.startsWith("NETWORK_MIGRATE_"));
  }

  /** For {@code FLOOD_WAIT_X} and the other {@code *_WAIT_X} errors of code 420: X. */
  public OptionalInt floodWaitSeconds() {
    return code == 420 ? waitSeconds(errorMessage) : OptionalInt.empty();
  }

  static OptionalInt waitSeconds(String message) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("^[A-Z_]*_(?:WAIT|DELAY)_(\\d+)$").matcher(message);
    return m.matches() ? OptionalInt.of(Integer.parseInt(m.group(1))) : OptionalInt.empty();
  }
}
