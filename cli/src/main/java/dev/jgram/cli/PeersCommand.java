package dev.jgram.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import dev.jgram.Client;
import dev.jgram.storage.InputPeer;
import dev.jgram.storage.Peer;
import dev.jgram.storage.PeerNotFoundException;
import dev.jgram.storage.Storage;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgram peers}: lists the peer cache of a session file, or looks one peer up. */
@Command(
    name = "peers",
    mixinStandardHelpOptions = true,
    description = {
      "List the cached peers of a session file, or look one up.",
      "A lookup answers exactly as the Client resolves the peer: an expired username or a",
      "miss is reported as such (exit code 1). Never changes the file, and works while a",
      "running client holds it."
    })
final class PeersCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<file.session>", description = "The session file.")
  Path file;

  @ArgGroup(exclusive = true, multiplicity = "0..1")
  Lookup lookup;

  @Option(names = "--json", description = "Print JSON: an array of peers, or the one peer found.")
  boolean json;

  /** At most one lookup key. */
  static final class Lookup {
    @Option(names = "--id", paramLabel = "N", description = "A marked peer id (-100... for channels).")
    Long id;

    @Option(names = "--username", paramLabel = "U", description = "A username, with or without '@'.")
    String username;

    @Option(names = "--phone", paramLabel = "P", description = "A phone number, with or without '+'.")
    String phone;
  }

  private final Terminal terminal;

  PeersCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    if (lookup == null) {
      try (Storage storage = SessionFiles.openReadOnly(file, terminal.clock())) {
        list(storage);
      }
      return 0;
    }
    Storage storage = SessionFiles.readOnly(file, terminal.clock());
    try (Client client = Client.builder(file.toString()).storage(storage).build()) {
      show(resolve(client));
    }
    return 0;
  }

  /** Resolves through {@link Client#resolvePeer}, so the answer is the Client's own. */
  private Peer resolve(Client client) {
    Object query = lookup.id != null ? (Object) lookup.id
        : lookup.username != null ? "@" + strip(lookup.username, '@')
        : "+" + strip(lookup.phone, '+');
    try {
      InputPeer found = client.resolvePeer(query);
      long id = PeerQuery.markedId(found);
      return client.storage().peer(id).orElseThrow(() -> new CliException(
          file + ": the lookup answered peer " + id + ", but its entry is gone"));
    } catch (PeerNotFoundException e) {
      throw new CliException(file + ": " + e.getMessage(), e);
    }
  }

  private static String strip(String value, char prefix) {
    String v = value.strip();
    return v.isEmpty() || v.charAt(0) != prefix ? v : v.substring(1);
  }

  private void show(Peer peer) {
    PrintWriter out = terminal.out();
    if (json) {
      Json.print(out, PeerJson.of(peer));
      return;
    }
    printHeader(out);
    printRow(out, peer);
    out.println("input peer: " + PeerQuery.describe(peer.toInputPeer()));
  }

  private void list(Storage storage) {
    PrintWriter out = terminal.out();
    if (json) {
      try (SequenceWriter array = Json.array(out)) {
        storage.forEachPeer(p -> write(array, p));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      out.println();
      return;
    }
    printHeader(out);
    storage.forEachPeer(p -> printRow(out, p));
    out.println(storage.peerCount() + " peers in " + file);
  }

  private static void write(SequenceWriter array, Peer p) {
    try {
      array.write(PeerJson.of(p));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void printHeader(PrintWriter out) {
    out.printf("%-20s %-10s %-21s %-30s %-15s %s%n",
        "ID", "TYPE", "ACCESS_HASH", "USERNAMES", "PHONE", "LAST_UPDATE_ON");
  }

  private static void printRow(PrintWriter out, Peer p) {
    out.printf("%-20d %-10s %-21s %-30s %-15s %s%n",
        p.id(), p.type().value(), p.accessHash() == null ? "-" : p.accessHash(),
        p.usernames().isEmpty() ? "-" : String.join(",", p.usernames()),
        p.phoneNumber() == null ? "-" : p.phoneNumber(),
        Instant.ofEpochSecond(p.lastUpdateOn()));
  }
}
