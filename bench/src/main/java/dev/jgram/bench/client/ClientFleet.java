package dev.jgram.bench.client;

import dev.jgram.Client;
import dev.jgram.bench.ProcessMemory;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A bot host: one client per bot token, each with its own session (memory or file), key
 * exchange and login, all connected through the shared net loop and then left idle. Measured
 * around it: this process's resident memory and live heap (after the GC settles, with
 * {@link ProcessMemory}) and its thread count.
 */
final class ClientFleet {
  private final BenchCluster cluster;
  private final Path sessions;
  private final boolean file;

  ClientFleet(BenchCluster cluster, Path sessions, boolean file) {
    this.cluster = cluster;
    this.sessions = sessions;
    this.file = file;
  }

  /** Logs every token in on a client of its own, measures the idle fleet, closes it. */
  FleetFigures run(List<String> tokens) {
    int threadsBefore = threads();
    long heapBefore = ProcessMemory.settledUsedHeap();
    long rssBefore = ProcessMemory.settledRssBytes();
    List<Client> fleet = new ArrayList<>(tokens.size());
    try {
      long start = System.nanoTime();
      for (int i = 0; i < tokens.size(); i++) {
        var builder = cluster.client("fleet-" + i);
        Client client = (file ? builder.workdir(sessions) : builder.inMemory(true)).build();
        fleet.add(client);
        client.loginBot(tokens.get(i));
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      long heapAfter = ProcessMemory.settledUsedHeap();
      long rssAfter = ProcessMemory.settledRssBytes();
      return new FleetFigures(tokens.size(), seconds, rssBefore, rssAfter, heapBefore,
          heapAfter, threadsBefore, threads());
    } finally {
      fleet.forEach(Client::close);
    }
  }

  private static int threads() {
    return ManagementFactory.getThreadMXBean().getThreadCount();
  }
}
