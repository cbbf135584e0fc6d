/**
 * testdc: a local Telegram test cluster on 127.0.0.1 that speaks real MTProto, for tests of
 * clients (jgram's and others') without the real network.
 *
 * <p>Exported: {@code dev.jgram.testdc} ({@link dev.jgram.testdc.TestCluster} and how it makes
 * its services), {@code dev.jgram.testdc.api} (the contract between the cluster's connection
 * core and its API services), {@code dev.jgram.testdc.services} (those services, with their
 * account specs), {@code dev.jgram.testdc.event} (what a cluster saw) and
 * {@code dev.jgram.testdc.server}, because {@code TestCluster} hands out its
 * {@link dev.jgram.testdc.server.Faults} and takes its
 * {@link dev.jgram.testdc.server.SessionSettings}. The I/O engine ({@code dev.jgram.testdc.io})
 * stays inside. The API speaks in {@code dev.jgram.mtproto} types (TL objects, RSA keys), so
 * that module is required transitively.
 */
module dev.jgram.testdc {
  requires transitive dev.jgram.mtproto;

  exports dev.jgram.testdc;
  exports dev.jgram.testdc.api;
  exports dev.jgram.testdc.event;
  exports dev.jgram.testdc.server;
  exports dev.jgram.testdc.services;
}
