package dev.jgram.testdc.server;

import dev.jgram.mtproto.RandomSource;
import dev.jgram.testdc.event.EventLog;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;

/**
 * What every DC of a cluster shares.
 *
 * @param clock the cluster's (skewable) clock
 * @param random the cluster's randomness
 * @param faults the fault knobs
 * @param events the event log
 * @param counters the counters
 * @param codecs the layers spoken
 * @param updates where pushed updates are routed
 * @param scheduler timers: delayed answers, disconnect delays
 * @param workers the key exchanges' arithmetic and durable key writes, off the I/O loops
 */
record ClusterContext(ClusterClock clock, RandomSource random, Faults faults, EventLog events,
    Counters counters, LayerCodecs codecs, UpdateRouter updates,
    ScheduledExecutorService scheduler, ExecutorService workers) {}
