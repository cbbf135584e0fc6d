package dev.jgram.testdc.services;

/** Thrown by a handler to answer its query with an {@code rpc_error}. */
final class RpcException extends RuntimeException {
  private final int code;

  RpcException(int code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  int code() {
    return code;
  }

  static RpcException badRequest(String message) {
    return new RpcException(400, message);
  }

  static RpcException unauthorized(String message) {
    return new RpcException(401, message);
  }

  static RpcException seeOther(String kind, int dcId) {
    return new RpcException(303, kind + "_MIGRATE_" + dcId);
  }
}
