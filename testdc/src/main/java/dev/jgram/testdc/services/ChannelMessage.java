package dev.jgram.testdc.services;

/**
 * A message posted in a channel.
 *
 * @param id the message id in the channel
 * @param fromId the poster
 * @param date when it was posted, in Unix seconds
 * @param pts the channel's pts after this message (each message counts 1)
 * @param text the text
 */
record ChannelMessage(int id, long fromId, int date, int pts, String text) {}
