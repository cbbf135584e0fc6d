package dev.jgram.updates;

/**
 * One channel box's position, as {@code Storage.channelPts(channelId, pts)} keeps it.
 *
 * @param channelId the bare channel id
 * @param pts the channel's pts
 */
public record ChannelPts(long channelId, int pts) {}
