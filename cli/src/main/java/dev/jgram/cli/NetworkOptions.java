package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.net.DcAddress;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** The options {@code login} and {@code me} share: where the DCs are and which keys to trust. */
final class NetworkOptions {

  @Spec(Spec.Target.MIXEE)
  CommandSpec mixee;

  @Option(names = "--api-id", paramLabel = "N",
      description = "The application's api_id (my.telegram.org).")
  Long apiId;

  @Option(names = "--dc", paramLabel = "ID=HOST:PORT",
      description = "Where DC ID listens (repeatable); overrides Telegram's table and any "
          + "address the session carries.")
  List<String> dcs = new ArrayList<>();

  @Option(names = "--server-key", paramLabel = "key.pem",
      description = "Trust this server RSA public key (PKCS#1 PEM) besides Telegram's.")
  Path serverKey;

  @Option(names = "--json", description = "Print one JSON object instead of text.")
  boolean json;

  /** The --dc addresses, parsed. */
  List<DcAddress> addresses() {
    List<DcAddress> out = new ArrayList<>();
    for (String d : dcs) {
      try {
        out.add(DcAddress.parse(d));
      } catch (IllegalArgumentException e) {
        throw new ParameterException(mixee.commandLine(), "Invalid value for option '--dc': "
            + e.getMessage());
      }
    }
    return out;
  }

  /** Applies the DCs, the server key and the api_id to {@code b}. */
  Client.Builder apply(Client.Builder b) {
    addresses().forEach(a -> b.dc(a.id(), a.host(), a.port()));
    if (serverKey != null) {
      try {
        b.serverKey(Files.readString(serverKey, StandardCharsets.US_ASCII));
      } catch (IOException e) {
        throw new CliException(serverKey + ": cannot read the server key: " + e.getMessage(), e);
      } catch (IllegalArgumentException e) {
        throw new CliException(serverKey + ": " + e.getMessage(), e);
      }
    }
    if (apiId != null) {
      b.apiId(apiId);
    }
    return b;
  }
}
