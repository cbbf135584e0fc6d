package dev.jgram.mtproto.session;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The salts a client knows: the one it was last told ({@code bad_server_salt},
 * {@code new_session_created}, the key exchange) and the {@code future_salts} it stored, which
 * survive new sessions. It uses the newest stored salt whose window covers now, else the last
 * one it was told (§3.5).
 */
final class ClientSalts {
  private long told;
  private final List<FutureSalt> future = new ArrayList<>();

  ClientSalts(long salt) {
    this.told = salt;
  }

  long current(Instant now) {
    future.removeIf(s -> !now.isBefore(s.validUntil()));
    return future.stream().filter(s -> s.covers(now))
        .max(Comparator.comparing(FutureSalt::validSince))
        .map(FutureSalt::salt).orElse(told);
  }

  /** The server named {@code salt} as current: stored salts claiming now are dropped. */
  void told(long salt, Instant now) {
    this.told = salt;
    future.removeIf(s -> !now.isBefore(s.validSince()));
  }

  void store(List<FutureSalt> salts) {
    for (FutureSalt s : salts) {
      future.removeIf(known -> known.validSince().equals(s.validSince()));
      future.add(s);
    }
  }

  List<FutureSalt> stored() {
    return List.copyOf(future);
  }
}
