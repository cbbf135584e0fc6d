package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.mtproto.api.User;
import dev.jgram.mtproto.tl.TlObject;
import dev.jgram.storage.DcKey;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.services.Services;
import dev.jgram.testdc.services.UserSpec;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The demo's user account step: a local test cluster (DCs 2, 4 and 5 on 127.0.0.1) holding a
 * user whose home is DC 4 and who has a two-step verification password; the login starts on
 * DC 2 and follows {@code PHONE_MIGRATE_4}; a call on DC 5 gets its own key and an exported
 * authorisation; a second client on the same file reuses both keys with no key exchange and
 * no export.
 */
final class UserDemo {
  static final String NAME = "my_user";
  static final String PHONE = "+15550104444";
  static final String PASSWORD = "correct horse ✓";
  private static final TlObject SELF = TlObject.of("users.getUsers", "id",
      List.of(TlObject.of("inputUserSelf")));

  private final PrintWriter out;

  UserDemo(PrintWriter out) {
    this.out = out;
  }

  /** Runs the step in {@code workdir}, creating {@code my_user.session}. */
  void run(Path workdir) {
    try (TestCluster cluster = TestCluster.builder().dcs(2, 4, 5)
        .services(setup -> Services.open(setup.dcs(), setup.clock(), setup.random(), null,
            setup.updates(), setup.logins())).start()) {
      Services services = (Services) cluster.services();
      services.addUser(UserSpec.ofPhone(PHONE).withHomeDc(4).withPassword(PASSWORD)
          .withNames("Demo", "User"));
      said("started a test cluster: " + cluster.dcs().stream()
          .map(d -> "DC " + d.id() + " at " + d.host() + ":" + d.port())
          .collect(Collectors.joining(", ")));
      said("it holds " + PHONE + ", home DC 4, with a two-step verification password");
      firstStart(cluster, services, workdir);
      secondStart(cluster, workdir);
    }
  }

  private void firstStart(TestCluster cluster, Services services, Path workdir) {
    AtomicInteger codes = new AtomicInteger();
    AtomicInteger passwords = new AtomicInteger();
    try (Client app = client(cluster, workdir).build()) {
      User me = app.loginUser(PHONE, r -> {
        codes.incrementAndGet();
        return services.loginCode(PHONE).orElseThrow();
      }, r -> {
        passwords.incrementAndGet();
        return PASSWORD;
      });
      int home = app.storage().session().dcId();
      said("loginUser(\"" + PHONE + "\") on " + NAME + ".session started on DC 2"
          + (home == 2 ? "" : "; PHONE_MIGRATE_" + home + " moved it to DC " + home));
      said("asked for " + codes + " code and " + passwords + " password (SRP: only a proof"
          + " of the password was sent)");
      said("logged in as user " + me.id() + " (" + me.firstName() + "), home DC "
          + app.storage().session().dcId() + ", " + app.keyExchanges() + " key exchanges");
      app.invokeOn(5, SELF);
      said("getMe on DC 5 (invokeOn(5, ...)): a key made there and an authorisation exported"
          + " from DC 4: " + app.keyExchanges() + " key exchanges, " + app.exports()
          + " export so far");
      said("stored beside the session: " + describe(app.storage().dcKeys()));
    }
  }

  private void secondStart(TestCluster cluster, Path workdir) {
    try (Client again = client(cluster, workdir).build()) {
      User home = again.getMe();
      again.invokeOn(5, SELF);
      said("second start from " + NAME + ".session: getMe on DC 4 and on DC 5 as user "
          + home.id() + ": " + again.keyExchanges() + " key exchanges, " + again.exports()
          + " exports (both keys and the DC 5 authorisation were reused)");
    }
  }

  private static Client.Builder client(TestCluster cluster, Path workdir) {
    Client.Builder b = Client.builder(NAME).workdir(workdir).apiId(611335)
        .apiHash("d524b414d21f4d37f08684c1df41ac9c").serverKey(cluster.publicKeyPem());
    for (DcAddress d : cluster.dcs()) {
      b.dc(d.id(), d.host(), d.port());
    }
    return b;
  }

  private static String describe(List<DcKey> keys) {
    return keys.stream().map(k -> "DC " + k.dcId() + " key " + k.authKey().idHex()
        + (k.authorized() ? " (authorised)" : " (not authorised: the login's first DC)"))
        .collect(Collectors.joining(", "));
  }

  private void said(String line) {
    out.println("   " + line);
  }
}
