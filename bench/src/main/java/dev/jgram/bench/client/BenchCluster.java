package dev.jgram.bench.client;

import dev.jgram.Client;
import dev.jgram.bench.testdc.ClusterProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One {@code jgram testdc --dcs 2 --port 0} in a child process with its bots, and builders of
 * clients pointed at it (its address and RSA key, a test api_id and api_hash). DC 2 because a
 * fresh session's home is DC 2, as in Pyrogram.
 */
final class BenchCluster implements AutoCloseable {
  static final int DC = 2;
  private static final long API_ID = 611335;
  private static final String API_HASH = "d524b414d21f4d37f08684c1df41ac9c";

  private final ClusterProcess process;
  private final Path events;

  private BenchCluster(ClusterProcess process, Path events) {
    this.process = process;
    this.events = events;
  }

  /**
   * Starts the cluster with {@code bots} (tokens {@code <id>:<secret>}) in {@code work}.
   *
   * @param withEvents whether the cluster writes its events file (one flushed line per RPC,
   *     so only for the scenarios that count key exchanges, never for the rates)
   */
  static BenchCluster start(Path work, String heap, List<String> javaOptions,
      List<String> bots, boolean withEvents) throws IOException {
    Files.createDirectories(work);
    Path events = work.resolve("events.jsonl");
    List<String> args = new ArrayList<>(List.of("--dcs", Integer.toString(DC), "--port", "0",
        "--state-dir", work.resolve("state").toString()));
    if (withEvents) {
      args.addAll(List.of("--events", events.toString()));
    }
    for (String bot : bots) {
      args.addAll(List.of("--bot", bot + "@" + DC));
    }
    ClusterProcess process = ClusterProcess.start(heap, javaOptions,
        work.resolve("cluster.log"), args);
    return new BenchCluster(process, withEvents ? events : null);
  }

  /** A builder for a client of this cluster named {@code name}; the caller picks storage. */
  Client.Builder client(String name) {
    return Client.builder(name).apiId(API_ID).apiHash(API_HASH)
        .serverKey(process.publicKeyPem()).dc(DC, "127.0.0.1", process.port(DC));
  }

  /** Key exchanges the cluster completed so far, counted in its events file. */
  long keyExchangesSeen() {
    if (events == null) {
      throw new IllegalStateException("this cluster was started without an events file");
    }
    try (var lines = Files.lines(events)) {
      return lines.filter(l -> l.startsWith("{\"ev\":\"key_exchange\"")).count();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the cluster's events file " + events, e);
    }
  }

  /** The cluster's CPU time so far, in milliseconds (10 ms steps). */
  long cpuMillis() throws IOException {
    return process.cpuMillis();
  }

  @Override
  public void close() throws IOException {
    process.close();
  }
}
