package dev.jgram.testdc.server;

import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.testdc.TestCluster;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicReference;

/** Clusters for the core's tests, all on one RSA key made once (making one takes a while). */
final class Clusters {
  static final RsaPrivateKey KEY = RsaPrivateKey.generate(new SecureRandom(), true);

  private Clusters() {}

  /** A builder on DCs 1 and 2 with {@link TestServices}; {@code services} receives them. */
  static TestCluster.Builder builder(AtomicReference<TestServices> services) {
    return TestCluster.builder().dcs(1, 2).rsaKey(KEY).services(setup -> {
      TestServices made = new TestServices(setup.dcs(), setup.updates(), setup.logins());
      services.set(made);
      return made;
    });
  }
}
