/**
 * What a test cluster saw, in order: key exchanges, RPCs and logins as {@link
 * dev.jgram.testdc.event.ClusterEvent}s, kept in memory and optionally appended to a JSON-lines
 * file, one line written and flushed per event.
 */
package dev.jgram.testdc.event;
