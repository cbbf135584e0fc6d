package dev.jgram.testdc;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.testdc.api.DcAddress;
import dev.jgram.testdc.api.LoginEvent;
import dev.jgram.testdc.api.SessionUpdatePush;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.function.Consumer;

/**
 * What a cluster hands its API services when it makes them, once every DC listens.
 *
 * @param dcs where each DC listens, as {@code help.getConfig} must list them
 * @param clock the cluster's clock (a test may skew it)
 * @param random the cluster's randomness
 * @param stateDir the state directory, or null when the cluster keeps nothing on disk
 * @param updates where the services push {@code Updates} for a user's live sessions (all, or
 *     all but the session whose query caused them)
 * @param logins where the services report an auth key bound to an account
 */
public record ServiceSetup(List<DcAddress> dcs, Clock clock, RandomSource random, Path stateDir,
    SessionUpdatePush updates, Consumer<LoginEvent> logins) {

  /** Copies the DC list. */
  public ServiceSetup {
    dcs = List.copyOf(dcs);
  }
}
