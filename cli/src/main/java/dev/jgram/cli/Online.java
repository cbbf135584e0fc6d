package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.LoginException;
import dev.jgram.LoginRequiredException;
import dev.jgram.net.ConnectionFailedException;
import dev.jgram.net.NetException;
import dev.jgram.net.RpcException;
import dev.jgram.net.UnknownServerKeyException;
import java.util.function.Supplier;

/** Runs a network step of a command and turns its failure into one line naming the session. */
final class Online {
  private Online() {}

  static Client build(String session, Client.Builder b) {
    try {
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new CliException(label(session) + ": " + e.getMessage(), e);
    }
  }

  static <T> T run(String session, Supplier<T> step) {
    try {
      return step.get();
    } catch (LoginException e) {
      throw new CliException(label(session) + ": " + e.getMessage(), e);
    } catch (LoginRequiredException e) {
      throw new CliException(label(session) + ": dead key: " + e.getMessage(), e);
    } catch (UnknownServerKeyException e) {
      throw new CliException(label(session) + ": unknown server key: " + e.getMessage(), e);
    } catch (ConnectionFailedException e) {
      throw new CliException(label(session) + ": unreachable DC: " + e.getMessage(), e);
    } catch (RpcException e) {
      throw new CliException(label(session) + ": " + explain(e) + e.getMessage(), e);
    } catch (NetException | IllegalStateException e) {
      throw new CliException(label(session) + ": " + e.getMessage(), e);
    }
  }

  private static String explain(RpcException e) {
    return switch (e.errorMessage()) {
      case "ACCESS_TOKEN_INVALID", "ACCESS_TOKEN_EXPIRED" -> "wrong token: ";
      case "AUTH_KEY_UNREGISTERED" -> "not logged in: ";
      default -> "";
    };
  }

  /** The session argument as messages may show it: a string is never repeated. */
  static String label(String session) {
    return session.length() >= dev.jgram.storage.format.SessionName.MIN_ARGUMENT_CHARS || session.strip().startsWith("{")
        ? "session string" : session;
  }
}
