/**
 * testdc: a local Telegram test cluster on 127.0.0.1 that speaks real MTProto strictly enough
 * that independent clients log into it unchanged. It depends on {@code jgram-mtproto} only,
 * never on the client or network code it exists to test.
 *
 * <p>{@link dev.jgram.testdc.TestCluster} starts one: {@code TestCluster.builder()...start()}
 * gives the DCs' addresses, the RSA public key and fingerprint, counters, the event log and
 * the fault knobs; the API services are made by a {@link dev.jgram.testdc.ServicesFactory}
 * once every DC listens.
 */
package dev.jgram.testdc;
