package dev.jgram.storage;

/**
 * The common update box's state, as returned by {@code updates.getState}: what a client
 * needs to ask Telegram for the updates it missed while it was not running.
 *
 * <p>Per-channel pts are kept separately ({@link Storage#channelPts(long)}).
 *
 * @param pts the common message box's pts
 * @param qts the secret-chat box's qts
 * @param date unix seconds of the last update
 * @param seq the sequence number
 */
public record UpdateState(int pts, int qts, int date, int seq) {}
