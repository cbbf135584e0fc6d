/**
 * Sessions in PostgreSQL: {@link dev.jgram.storage.postgres.PostgresStorage}, one database for
 * every session of a fleet, and {@link dev.jgram.storage.postgres.PostgresDataSources}.
 *
 * <p>Its API speaks in {@code dev.jgram.storage} types, {@link javax.sql.DataSource} and the
 * driver's {@code PGSimpleDataSource}, so those modules are required transitively.
 */
module dev.jgram.storage.postgres {
  requires transitive dev.jgram.storage;
  requires transitive java.sql;
  requires transitive org.postgresql.jdbc;

  exports dev.jgram.storage.postgres;
}
