package dev.jgram.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Not a test: starts an embedded PostgreSQL for a by-hand run of {@code --engine postgres}
 * on a machine without a server, prints its JDBC URL and serves until stdin closes.
 * Durability settings are PostgreSQL's defaults (fsync and synchronous_commit on); only
 * {@code max_connections} is raised to fit the sessions. Run from the repository root:
 *
 * <pre>
 * mvn -B -q -pl bench -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/bench-cp.txt -Dmdep.includeScope=test
 * java -cp bench/target/test-classes:$(cat /tmp/bench-cp.txt) \
 *     dev.jgram.bench.EmbeddedPostgresServer 55432
 * ./jgram bench --engine postgres --jdbc-url 'jdbc:postgresql://localhost:55432/postgres?user=postgres'
 * </pre>
 */
final class EmbeddedPostgresServer {
  private EmbeddedPostgresServer() {}

  /** Serves on the port given as the only argument (default 55432) until stdin closes. */
  public static void main(String[] args) throws Exception {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 55432;
    try (EmbeddedPostgres server = EmbeddedPostgres.builder()
        .setPort(port)
        .setServerConfig("max_connections", "200")
        .start()) {
      System.out.println(server.getJdbcUrl("postgres", "postgres"));
      System.out.flush();
      while (System.in.read() != -1) {
        // Serve until stdin closes.
      }
    }
  }
}
