/**
 * The in-memory peer index and the lookup rules every engine answers by:
 * {@link dev.jgram.storage.index.PeerIndex} (by id, by every username with the newest holder
 * winning and the TTL, by phone), over parallel primitive columns ({@code PeerColumns}), an id
 * index ({@code IdIndex}) and the username and phone claims ({@code ClaimIndex} over
 * {@code StringSlotMap}). The memory engine holds its peers in one; the file engine holds the
 * peers of its write log in one and the rows it read from SQLite in a bounded one.
 *
 * <p>Not exported by the module.
 */
package dev.jgram.storage.index;
