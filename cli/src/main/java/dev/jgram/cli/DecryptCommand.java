package dev.jgram.cli;

import dev.jgram.storage.SessionEncryption;
import dev.jgram.storage.Storage;
import dev.jgram.storage.StorageConfig;
import dev.jgram.storage.StorageException;
import dev.jgram.storage.format.PortableSession;
import dev.jgram.storage.format.SessionFormats;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code jgram decrypt}: writes a plain Pyrogram file from a file encrypted at rest. */
@Command(
    name = "decrypt",
    mixinStandardHelpOptions = true,
    description = {
      "Write a plain Pyrogram session file from one whose auth key jgram encrypted at rest.",
      "The passphrase comes from JGRAM_SESSION_PASSPHRASE (or a raw key from",
      "JGRAM_SESSION_KEY), or from standard input with --passphrase-stdin. The session,",
      "peers, update state and a key revocation are copied; the encrypted file is not changed.",
      "The new file holds the auth key in clear, as Pyrogram needs it: keep it private."
    })
final class DecryptCommand implements Callable<Integer> {

  @Parameters(paramLabel = "<file.session>", description = "The encrypted session file.")
  Path file;

  @Option(names = "--out", required = true, paramLabel = "<plain.session>",
      description = "The plain session file to create (must not exist).")
  Path out;

  @Option(names = "--passphrase-stdin",
      description = "Read the passphrase from standard input (its first line).")
  boolean passphraseStdin;

  private final Terminal terminal;

  DecryptCommand(Terminal terminal) {
    this.terminal = terminal;
  }

  @Override
  public Integer call() {
    SessionFiles.requireFile(file);
    if (SessionEncryption.describe(file).isEmpty()) {
      throw new CliException(file + ": its auth key is not encrypted; it is a plain session "
          + "already");
    }
    if (Files.exists(out)) {
      throw new CliException(out + ": already exists; expected a new file");
    }
    PortableSession session;
    Optional<String> revocation;
    try (Storage source = SessionFiles.openReadOnly(file, terminal.clock(), encryption())) {
      session = SessionFormats.read(source);
      revocation = source.keyRevocation();
    }
    try (Storage target = Storage.file(out, StorageConfig.DEFAULTS.withClock(terminal.clock()))) {
      target.open();
      SessionFormats.store(session, target);
      revocation.ifPresent(target::revokeKey);
    } catch (StorageException | IllegalArgumentException e) {
      Storage.file(out).delete();
      throw e;
    }
    terminal.err().println("wrote " + out + " (plain Pyrogram session: the auth key is in "
        + "clear; keep the file private)");
    return 0;
  }

  private SessionEncryption encryption() {
    if (!passphraseStdin) {
      return terminal.encryption();
    }
    char[] line = readLine();
    try {
      return SessionEncryption.passphrase(line);
    } finally {
      Arrays.fill(line, '\0');
    }
  }

  private char[] readLine() {
    try {
      String text = new String(terminal.in().readNBytes(4096), StandardCharsets.UTF_8);
      int end = text.indexOf('\n');
      String first = (end < 0 ? text : text.substring(0, end)).replace("\r", "");
      if (first.isEmpty()) {
        throw new CliException("standard input: no passphrase (the first line is empty)");
      }
      return first.toCharArray();
    } catch (IOException e) {
      throw new CliException("standard input: cannot read the passphrase: " + e.getMessage(), e);
    }
  }
}
