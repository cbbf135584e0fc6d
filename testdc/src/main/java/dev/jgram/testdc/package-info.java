/**
 * testdc: a local Telegram test cluster on 127.0.0.1 that speaks real MTProto strictly enough
 * that independent clients log into it unchanged. It depends on {@code jgram-mtproto} only,
 * never on the client or network code it exists to test.
 */
package dev.jgram.testdc;
