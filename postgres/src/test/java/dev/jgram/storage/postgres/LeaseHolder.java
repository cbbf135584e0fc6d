package dev.jgram.storage.postgres;

import dev.jgram.storage.StorageConfig;
import java.io.IOException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A second JVM for the ownership test: opens a session, prints {@code OWNED}, and holds the
 * lease until its standard input closes or it is killed.
 */
public final class LeaseHolder {
  private LeaseHolder() {}

  /** Arguments: JDBC URL, schema, session name. */
  public static void main(String[] args) throws IOException {
    PGSimpleDataSource dataSource = new PGSimpleDataSource();
    dataSource.setURL(args[0]);
    try (PostgresStorage storage =
        PostgresStorage.create(dataSource, args[2], args[1], StorageConfig.DEFAULTS)) {
      storage.open();
      System.out.println("OWNED");
      System.out.flush();
      while (System.in.read() >= 0) {
        // Hold the lease until the parent closes our input.
      }
    }
  }
}
