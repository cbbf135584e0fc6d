/**
 * Typed views (small records) of the few API objects jgram's client reads, built from
 * generically decoded {@link dev.jgram.mtproto.tl.TlObject}s.
 */
package dev.jgram.mtproto.api;
