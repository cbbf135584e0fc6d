/**
 * The encrypted MTProto 2.0 session layer for both roles, as state machines without I/O
 * (§3 of the network spec): bytes and the current time in, bytes and explicit actions out.
 *
 * <p>Client: {@link dev.jgram.mtproto.session.ClientSession} packs
 * {@link dev.jgram.mtproto.session.OutgoingMessage}s into encrypted messages and turns each
 * server message into {@link dev.jgram.mtproto.session.ClientAction}s. Server:
 * {@link dev.jgram.mtproto.session.AuthKeySessions} holds the sessions of one auth key, runs
 * the server's checks in their fixed order and returns a
 * {@link dev.jgram.mtproto.session.ServerReceipt}; each
 * {@link dev.jgram.mtproto.session.ServerSession} answers queries and pushes updates.
 * {@link dev.jgram.mtproto.session.SaltSchedule} rotates a key's server salts.
 *
 * <p>Shared parts are package-private: msg_id generation per role with a clock offset,
 * seqno counters, the received-id window, acknowledgement batching, container packing and
 * unpacking, {@code gzip_packed} (gzip or zlib in, gzip out when it saves bytes), and the
 * envelope checks. A failed inbound check is a
 * {@link dev.jgram.mtproto.session.SessionCheckException} naming the check.
 */
package dev.jgram.mtproto.session;
