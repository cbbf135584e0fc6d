/**
 * The peer cache filled from every answer: which users, bots, groups and channels a decoded
 * API result or update names, as the rows a {@link dev.jgram.storage.Storage} keeps.
 *
 * <p>{@link dev.jgram.peers.ResultPeers#apply(dev.jgram.storage.Storage, Object)} is the one
 * call a client makes for every RPC result, pushed update and difference, before it hands the
 * result or the updates on. Nothing here does I/O apart from that call's storage access.
 */
package dev.jgram.peers;
