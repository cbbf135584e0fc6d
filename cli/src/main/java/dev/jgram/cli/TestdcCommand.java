package dev.jgram.cli;

import dev.jgram.mtproto.crypto.RsaPrivateKey;
import dev.jgram.testdc.TestCluster;
import dev.jgram.testdc.services.BotSpec;
import dev.jgram.testdc.services.Services;
import dev.jgram.testdc.services.UserSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code jgram testdc}: a local Telegram test cluster, served until stopped. */
@Command(
    name = "testdc",
    mixinStandardHelpOptions = true,
    description = {
      "Serve a local Telegram test cluster: DCs on one host that speak MTProto",
      "strictly, so clients (jgram, GramJS, mtcute, Telethon, Pyrogram) log in",
      "with only the address and the RSA key changed. Serves until SIGTERM or",
      "SIGINT (exit 0), or with --stdin-close-stops until standard input closes."
    })
final class TestdcCommand implements Callable<Integer> {

  @Option(names = "--dcs", split = ",", paramLabel = "ID",
      description = "The DC ids (default 1,2,3,4,5).")
  List<Integer> dcs = new ArrayList<>(List.of(1, 2, 3, 4, 5));

  @Option(names = "--host", description = "The address to listen on (default 127.0.0.1).")
  String host = "127.0.0.1";

  @Option(names = "--port", paramLabel = "P",
      description = "DC n listens on P+n-1; 0 (the default) picks free ports.")
  int port;

  @Option(names = "--state-dir", paramLabel = "D",
      description = "Keep keys, accounts and authorisations here across restarts.")
  Path stateDir;

  @Option(names = "--key", paramLabel = "key.pem",
      description = "The cluster's RSA-2048 private key (PKCS#1 or PKCS#8 PEM);"
          + " default: a new one.")
  Path key;

  @Option(names = "--bot", paramLabel = "TOKEN[@DC][=USERNAME]",
      description = "A bot account (a BotFather-style token <bot id>:<secret>).")
  List<String> bots = new ArrayList<>();

  @Option(names = "--user", paramLabel = "PHONE[@DC][:PASSWORD]",
      description = "A user account, with an optional 2FA password.")
  List<String> users = new ArrayList<>();

  @Option(names = "--code", paramLabel = "CODE",
      description = "The login code every phone receives (default: a random one per login).")
  String code;

  @Option(names = "--events", paramLabel = "FILE",
      description = "Append every key exchange, RPC and login as one JSON line.")
  Path events;

  @Option(names = "--json", description = "Print one JSON line once every DC listens.")
  boolean json;

  @Option(names = "--stdin-close-stops", description = "Also stop when standard input closes.")
  boolean stdinCloseStops;

  @Spec
  CommandSpec spec;

  private final Terminal terminal;

  TestdcCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() throws InterruptedException {
    List<BotSpec> botSpecs = parseAll(bots, BotSpec::parse, "--bot");
    List<UserSpec> userSpecs = parseAll(users, UserSpec::parse, "--user");
    RsaPrivateKey rsa = key == null ? RsaPrivateKey.generate(new java.security.SecureRandom(),
        true) : readKey(key);
    TestCluster cluster = start(rsa);
    try {
      addAccounts((Services) cluster.services(), botSpecs, userSpecs);
      ClusterFacts facts = ClusterFacts.of(cluster);
      if (json) {
        terminal.out().println(facts.jsonLine());
      } else {
        facts.printText(terminal.out(), botSpecs, userSpecs, code);
      }
      terminal.out().flush();
      awaitStop();
      return 0;
    } finally {
      cluster.close();
    }
  }

  private void addAccounts(Services services, List<BotSpec> botSpecs, List<UserSpec> userSpecs) {
    try {
      botSpecs.forEach(services::addBot);
      userSpecs.forEach(services::addUser);
      if (code != null) {
        services.fixedLoginCode(code);
      }
    } catch (IllegalArgumentException e) {
      throw usage(Jgram.oneLine(e.getMessage()));
    }
  }

  private TestCluster start(RsaPrivateKey rsa) {
    try {
      return TestCluster.builder().dcs(dcs).host(host).port(port).rsaKey(rsa)
          .stateDir(stateDir).events(events)
          .services(setup -> Services.open(setup.dcs(), setup.clock(), setup.random(),
              setup.stateDir(), setup.updates(), setup.logins()))
          .start();
    } catch (IllegalArgumentException | IllegalStateException | UncheckedIOException e) {
      throw usage(Jgram.oneLine(e.getMessage()));
    }
  }

  private void awaitStop() throws InterruptedException {
    CountDownLatch stop = new CountDownLatch(1);
    Signals.onTermination(stop::countDown);
    if (stdinCloseStops) {
      Thread reader = new Thread(() -> {
        try {
          while (terminal.in().read() >= 0) {
            // discard: only the end of input matters
          }
        } catch (IOException e) {
          // a broken standard input counts as closed
        }
        stop.countDown();
      }, "testdc-stdin");
      reader.setDaemon(true);
      reader.start();
    }
    stop.await();
  }

  private RsaPrivateKey readKey(Path file) {
    try {
      return RsaPrivateKey.fromPem(Files.readString(file, StandardCharsets.US_ASCII));
    } catch (IOException e) {
      throw usage("--key " + file + ": cannot be read (" + Failures.describe(e) + ")");
    } catch (RuntimeException e) {
      throw usage("--key " + file + ": " + Jgram.oneLine(e.getMessage()));
    }
  }

  private <T> List<T> parseAll(List<String> values, java.util.function.Function<String, T> parse,
      String option) {
    List<T> out = new ArrayList<>();
    for (String value : values) {
      try {
        out.add(parse.apply(value));
      } catch (IllegalArgumentException e) {
        throw usage(option + " " + value + ": " + Jgram.oneLine(e.getMessage()));
      }
    }
    return out;
  }

  private ParameterException usage(String message) {
    return new ParameterException(spec.commandLine(), message);
  }
}
