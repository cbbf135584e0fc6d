/**
 * The memory engine, reached through {@code Storage.memory} and
 * {@code Storage.fromSessionString}: pure Java, nothing on disk.
 * {@link dev.jgram.storage.memory.MemoryStorage} holds the session fields and its peers in a
 * {@code dev.jgram.storage.index.PeerIndex}, under one {@code StampedLock}.
 *
 * <p>Not exported by the module: users reach it through {@code dev.jgram.storage.Storage}.
 */
package dev.jgram.storage.memory;
