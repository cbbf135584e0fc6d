/**
 * The encrypted MTProto 2.0 session layer for both roles, as state machines without I/O
 * (§3 of the network spec): bytes and the current time in, bytes and explicit actions out.
 * Sockets, framing, timers and threads belong to the caller.
 *
 * <p><b>Client.</b> {@link dev.jgram.mtproto.session.ClientSession} packs
 * {@link dev.jgram.mtproto.session.OutgoingMessage}s into encrypted messages and turns each
 * server message into {@link dev.jgram.mtproto.session.ClientAction}s:
 *
 * <pre>{@code
 * ClientSession session = ClientSession.create(authKey, firstSalt, timeOffset, random);
 * Packed out = session.pack(List.of(OutgoingMessage.query(body)), clock.instant());
 * waiters.put(out.msgIds().get(0), future);           // the query's msg_id
 * out.messages().forEach(transport::write);
 * for (ClientAction a : session.receive(transport.read(), clock.instant())) {
 *   if (a instanceof ClientAction.Result r) {
 *     waiters.remove(r.reqMsgId()).complete(r.body());
 *   } else if (a instanceof ClientAction.Failed f) {
 *     waiters.remove(f.reqMsgId()).fail(f.error());
 *   } else if (a instanceof ClientAction.Resend r) {
 *     // pack r.messages() again; move each waiter from oldMsgId to its new msg_id
 *   } else if (a instanceof ClientAction.Reply r) {
 *     // pack r.message() now
 *   } else if (a instanceof ClientAction.FlushAcks) {
 *     // pack an empty list now
 *   } // Pushed, SessionCreated (fetch the difference), SaltChanged (persist), ...
 * }
 * }</pre>
 *
 * <p><b>Server.</b> {@link dev.jgram.mtproto.session.AuthKeySessions} holds the sessions of
 * one auth key with its {@link dev.jgram.mtproto.session.SaltSchedule}, runs the server's
 * checks in their fixed order and returns a {@link dev.jgram.mtproto.session.ServerReceipt};
 * each {@link dev.jgram.mtproto.session.ServerSession} answers queries and pushes updates:
 *
 * <pre>{@code
 * long keyId = AuthKeySessions.authKeyIdOf(frame);    // 0: key exchange; unknown: -404
 * ServerReceipt r = keys.get(keyId).receive(frame, clock.instant());
 * r.replies().forEach(connection::write);             // notifications, pong, new_session_created
 * r.disconnectDelaySeconds().ifPresent(connection::closeAfter);
 * for (ServerReceipt.Query q : r.queries()) {
 *   byte[] result = api.handle(q.body());
 *   r.session().orElseThrow().answer(q.msgId(), result, clock.instant())
 *       .forEach(connection::write);
 * }
 * }</pre>
 *
 * <p>Shared parts are package-private: msg_id generation per role with a clock offset,
 * seqno counters, the received-id window, acknowledgement batching, container packing and
 * unpacking, {@code gzip_packed} (gzip or zlib in, gzip out when it saves bytes), and the
 * envelope checks. A failed inbound check is a
 * {@link dev.jgram.mtproto.session.SessionCheckException} naming the check.
 */
package dev.jgram.mtproto.session;
