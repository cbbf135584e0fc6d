package dev.jgram.bench.client;

import java.util.List;

/**
 * Every figure of one {@link ClientBench} run.
 *
 * @param starts first starts (memory, file) and the reconnect
 * @param rates sequential and concurrent getMe
 * @param fleet the idle fleet
 */
record ClientReport(List<Timings> starts, List<Rate> rates, FleetFigures fleet) {

  ClientReport {
    starts = List.copyOf(starts);
    rates = List.copyOf(rates);
  }

  /** The timings of {@code scenario}. */
  Timings start(String scenario) {
    return starts.stream().filter(t -> t.scenario().startsWith(scenario)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no start scenario " + scenario));
  }

  /** The rate of {@code scenario}. */
  Rate rate(String scenario) {
    return rates.stream().filter(r -> r.scenario().startsWith(scenario)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no rate scenario " + scenario));
  }

  /**
   * Whether the runs did what they claim: each first start made exactly one key exchange
   * (seen by both the cluster and the client), no reconnect made any.
   */
  boolean consistent() {
    Timings reconnect = start("reconnect");
    boolean firstStarts = starts.stream().filter(t -> t.scenario().startsWith("first start"))
        .allMatch(t -> t.clusterKeyExchanges() == t.millis().size()
            && t.clientKeyExchanges() == t.millis().size());
    return firstStarts && reconnect.clusterKeyExchanges() == 0
        && reconnect.clientKeyExchanges() == 0;
  }
}
