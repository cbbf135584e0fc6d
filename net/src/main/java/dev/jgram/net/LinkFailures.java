package dev.jgram.net;

import dev.jgram.mtproto.SecurityCheckException;
import dev.jgram.mtproto.auth.KeyExchangeException;
import dev.jgram.mtproto.transport.TransportException;

/** Which link failures end a connection's attempts at once, and how to say why. */
final class LinkFailures {
  private LinkFailures() {}

  /**
   * The typed error that makes retrying pointless, or null if the failure is transient
   * (refused, reset, timed out, -429, a message failing a session check).
   */
  static NetException fatal(DcConnection c, Throwable cause, DcConnection.State state) {
    if (cause instanceof TransportException t && t.errorCode() == -404
        && state == DcConnection.State.READY) {
      return keyUnknown(c);
    }
    if (cause instanceof TransportException t && t.errorCode() == -444) {
      return new NetException(c.address + " refused the DC id (transport error -444): is the"
          + " client in test mode against production servers, or the other way round?");
    }
    if (state == DcConnection.State.EXCHANGING && cause instanceof SecurityCheckException) {
      return new UnknownServerKeyException(c.address + ": key exchange failed a security check: "
          + cause.getMessage() + (cause.getMessage().contains("fingerprint")
              ? " (add the server's key with serverKey(pem))" : ""), cause);
    }
    if (state == DcConnection.State.EXCHANGING && cause instanceof KeyExchangeException) {
      return new NetException(c.address + ": key exchange failed: " + cause.getMessage(), cause);
    }
    return null;
  }

  static AuthKeyUnknownException keyUnknown(DcConnection c) {
    return new AuthKeyUnknownException(c.address.id(), c.address
        + " no longer knows this session's auth key (transport error -404);"
        + " the session must log in again");
  }

  static String describe(Throwable cause) {
    String message = cause.getMessage();
    return message == null ? cause.getClass().getSimpleName() : message;
  }
}
