package com.parkingspots.shared.cluster;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** {@link ClusterSequences} of this instance alone. */
public class LocalClusterSequences implements ClusterSequences {

    private final Map<String, AtomicLong> values = new ConcurrentHashMap<>();

    @Override
    public long next(String name, long floor) {
        return values.computeIfAbsent(name, n -> new AtomicLong())
                .accumulateAndGet(floor, (current, min) -> Math.max(current + 1, min));
    }
}
