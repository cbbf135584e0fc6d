package dev.jgram.cli;

import dev.jgram.Client;
import dev.jgram.UpdatesCrashScenario;
import dev.jgram.storage.postgres.PostgresStorage;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A bot on the PostgreSQL engine in a process of its own, for the crash test: {@code URL NAME
 * PORT PEM TOKEN} logs in, prints "ready", then "msg TEXT" for every new message it is given,
 * until killed ({@link UpdatesCrashScenario#listenUntilKilled}). Test code only.
 */
public final class PgListenChild {
  private PgListenChild() {}

  /** Runs until killed. */
  public static void main(String[] args) throws Exception {
    PGSimpleDataSource source = new PGSimpleDataSource();
    source.setUrl(args[0]);
    Client app = Client.builder(args[1]).storage(PostgresStorage.create(source, args[1]))
        .apiId(611335).apiHash("d524b414d21f4d37f08684c1df41ac9c").serverKey(args[3])
        .dc(2, "127.0.0.1", Integer.parseInt(args[2])).build();
    UpdatesCrashScenario.listenUntilKilled(app, args[4]);
  }
}
