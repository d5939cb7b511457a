package com.parkingspots.shared.cluster;

/**
 * Named counters that increase across every instance (Redis {@code INCR} when {@code REDIS_URL} is set, in-process
 * otherwise and while Redis is down).
 */
public interface ClusterSequences {

    /**
     * The next value of the named sequence: greater than any value this instance got before, and at least
     * {@code floor}, so a caller keeps its numbers increasing across restarts and outages by passing what it has seen.
     */
    long next(String name, long floor);
}
