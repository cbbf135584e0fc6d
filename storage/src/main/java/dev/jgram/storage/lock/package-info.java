/**
 * One owner per session: {@link dev.jgram.storage.lock.SessionLock} holds
 * {@code <session>.lock} (an OS file lock plus the owner's pid, host and start time), takes
 * over a lock whose owner died, and probes a lock without taking it (for
 * {@code SessionLockState.of}). {@code FilePermissions} creates files readable and writable
 * by their owner only.
 *
 * <p>Not exported by the module.
 */
package dev.jgram.storage.lock;
