/**
 * testdc: a local Telegram test cluster on 127.0.0.1 that speaks real MTProto, for tests of
 * clients (jgram's and others') without the real network.
 *
 * <p>Exported: {@code dev.jgram.testdc.api}, the contract between the cluster's connection core
 * and its API services, and {@code dev.jgram.testdc.services}, the services themselves
 * ({@link dev.jgram.testdc.services.Services} and its account specs). The API speaks in
 * {@code dev.jgram.mtproto} types, so that module is required transitively.
 */
module dev.jgram.testdc {
  requires transitive dev.jgram.mtproto;

  exports dev.jgram.testdc.api;
  exports dev.jgram.testdc.services;
}
