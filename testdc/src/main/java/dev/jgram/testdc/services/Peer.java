package dev.jgram.testdc.services;

/**
 * A user or a channel, as a username names it.
 *
 * @param channel whether the id is a channel's
 * @param id the user or channel id
 */
record Peer(boolean channel, long id) {}
