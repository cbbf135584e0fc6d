package dev.jgram;

import dev.jgram.net.DcAddress;
import dev.jgram.net.NetOptions;
import dev.jgram.net.Transport;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * The network settings a {@link Client.Builder} collected.
 *
 * @param apiHash the api_hash, or null
 * @param dcs addresses given with {@code dc(id, host, port)}, which win over every other
 * @param serverKeysPem extra trusted server keys (PEM), or empty
 * @param testMode true/false if set, null to take the session's
 * @param transport the transport, or null for the default
 * @param tweak a last change to the network options (tests inject loop, clock, timeouts)
 */
record NetSettings(String apiHash, List<DcAddress> dcs, List<String> serverKeysPem,
    Boolean testMode, Transport transport, UnaryOperator<NetOptions> tweak) {

  NetSettings {
    dcs = List.copyOf(dcs);
    serverKeysPem = List.copyOf(serverKeysPem);
  }

  @Override
  public String toString() {
    return "NetSettings[dcs=" + dcs + ", testMode=" + testMode + ", transport=" + transport
        + ", apiHash=" + (apiHash == null ? "unset" : "set") + "]";
  }
}
