/**
 * Primitive-keyed hash maps without per-entry objects, shared by both engines' peer indexes:
 * {@code LongKeyMap} (a peer id to a value, the file engine's cache) and
 * {@code StringSlotMap} (a username or phone number to a slot, both engines).
 *
 * <p>Not exported by the module.
 */
package dev.jgram.storage.index;
