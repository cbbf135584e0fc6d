package dev.jgram;

import dev.jgram.net.LoopbackDc;
import dev.jgram.net.LoopbackServices;

/** Clients that reach a {@link LoopbackServices} cluster. Test code only. */
final class ServicesClients {
  private ServicesClients() {}

  /** A client of session {@code name} dialling every DC of {@code cluster}, trusting its key. */
  static Client.Builder client(LoopbackServices cluster, String name) {
    Client.Builder b = Client.builder(name).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c")
        .serverKey(LoopbackDc.KEY.publicKey().toPem());
    cluster.dcs.values().forEach(d -> b.dc(d.id, "127.0.0.1", d.address().port()));
    return b;
  }
}
