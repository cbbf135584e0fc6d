/**
 * The memory engine, reached through {@code Storage.memory} and
 * {@code Storage.fromSessionString}: pure Java, nothing on disk.
 * {@link dev.jgram.storage.memory.MemoryStorage} holds the session fields and a
 * {@code PeerTable}: peers as parallel arrays ({@code PeerColumns}) with an id index
 * ({@code IdIndex}), a username and a phone index, and the username claims that decide which
 * peer a username names ({@code ClaimIndex}).
 *
 * <p>Not exported by the module: users reach it through {@code dev.jgram.storage.Storage}.
 */
package dev.jgram.storage.memory;
