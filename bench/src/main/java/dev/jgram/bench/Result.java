package dev.jgram.bench;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One measured figure of a run, as written in the {@code results} array of {@code --json}.
 * Fields that do not apply to the scenario are null and left out of the JSON.
 *
 * @param engine {@code file}, {@code memory} or {@code postgres}
 * @param n peers in the session (peers per session for the fleet)
 * @param scenario {@code upsert}, {@code reupsert}, {@code lookup_id}, {@code lookup_username},
 *     {@code lookup_phone}, {@code lookup_miss}, {@code open}, {@code size}, {@code fleet}, or
 *     for postgres {@code upsert_concurrent}, {@code reupsert_concurrent} and
 *     {@code lookup_id_concurrent}
 * @param sessions sessions open at once (fleet and postgres only)
 * @param opsPerS peers per second for upserts, lookups per second for lookups
 * @param p50Us median latency of one call, microseconds
 * @param p99Us 99th percentile latency of one call, microseconds
 * @param ms milliseconds to open until the first lookup has run
 * @param bytesPerPeer bytes of the database file and its -wal file per peer, after close
 * @param heapBytesPerPeer GC-settled heap growth per peer of a memory storage
 * @param rssBytesPerSession resident memory growth per open idle session (fleet only)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"engine", "n", "scenario", "sessions", "ops_per_s", "p50_us", "p99_us",
    "ms", "bytes_per_peer", "heap_bytes_per_peer", "rss_bytes_per_session"})
record Result(
    @JsonProperty("engine") String engine,
    @JsonProperty("n") int n,
    @JsonProperty("scenario") String scenario,
    @JsonProperty("sessions") Integer sessions,
    @JsonProperty("ops_per_s") Double opsPerS,
    @JsonProperty("p50_us") Double p50Us,
    @JsonProperty("p99_us") Double p99Us,
    @JsonProperty("ms") Double ms,
    @JsonProperty("bytes_per_peer") Double bytesPerPeer,
    @JsonProperty("heap_bytes_per_peer") Double heapBytesPerPeer,
    @JsonProperty("rss_bytes_per_session") Double rssBytesPerSession) {

  static Result throughput(String engine, int n, String scenario, double opsPerS) {
    return new Result(engine, n, scenario, null, opsPerS, null, null, null, null, null, null);
  }

  static Result latency(String engine, int n, String scenario, double opsPerS, double p50,
      double p99) {
    return new Result(engine, n, scenario, null, opsPerS, p50, p99, null, null, null, null);
  }

  static Result open(String engine, int n, double ms) {
    return new Result(engine, n, "open", null, null, null, null, ms, null, null, null);
  }

  static Result fileSize(int n, double bytesPerPeer) {
    return new Result("file", n, "size", null, null, null, null, null, bytesPerPeer, null, null);
  }

  static Result heapSize(int n, double heapBytesPerPeer) {
    return new Result("memory", n, "size", null, null, null, null, null, null, heapBytesPerPeer,
        null);
  }

  static Result fleet(int sessions, int n, double opsPerS, double rssBytesPerSession) {
    return new Result("file", n, "fleet", sessions, opsPerS, null, null, null, null, null,
        rssBytesPerSession);
  }

  static Result concurrent(int n, String scenario, int sessions, double opsPerS, Double p50,
      Double p99) {
    return new Result("postgres", n, scenario, sessions, opsPerS, p50, p99, null, null, null,
        null);
  }
}
