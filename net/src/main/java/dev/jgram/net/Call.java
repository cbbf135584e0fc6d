package dev.jgram.net;

import java.util.concurrent.CompletableFuture;

/** One RPC call waiting for its answer; touched only under its connection's lock. */
final class Call {
  final byte[] query;
  final String method;
  final CompletableFuture<byte[]> future = new CompletableFuture<>();
  long msgId;
  long deadlineNanos;
  boolean forceWrap;

  Call(byte[] query, String method, long deadlineNanos) {
    this.query = query;
    this.method = method;
    this.deadlineNanos = deadlineNanos;
  }
}
