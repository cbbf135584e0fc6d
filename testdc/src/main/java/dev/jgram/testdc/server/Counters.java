package dev.jgram.testdc.server;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/** What the cluster counts, for tests and the load benchmark. Thread-safe. */
final class Counters {
  private final Map<Integer, AtomicInteger> keyExchanges = new ConcurrentHashMap<>();
  private final AtomicInteger openConnections = new AtomicInteger();
  private final LongAdder rpcs = new LongAdder();

  void keyExchange(int dcId) {
    keyExchanges.computeIfAbsent(dcId, k -> new AtomicInteger()).incrementAndGet();
  }

  int keyExchanges(int dcId) {
    AtomicInteger count = keyExchanges.get(dcId);
    return count == null ? 0 : count.get();
  }

  void connectionOpened() {
    openConnections.incrementAndGet();
  }

  void connectionClosed() {
    openConnections.decrementAndGet();
  }

  int openConnections() {
    return openConnections.get();
  }

  void rpc() {
    rpcs.increment();
  }

  long rpcs() {
    return rpcs.sum();
  }
}
