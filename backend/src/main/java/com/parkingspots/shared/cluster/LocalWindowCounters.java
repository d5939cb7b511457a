package com.parkingspots.shared.cluster;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** {@link WindowCounters} of this instance alone; windows are aligned to multiples of their length. */
public class LocalWindowCounters implements WindowCounters {

    private final Clock clock;
    private final Cache<String, AtomicLong> counts = Caffeine.newBuilder()
            .maximumSize(100_000)
            .expireAfterWrite(Duration.ofHours(1))
            .build();

    public LocalWindowCounters(Clock clock) {
        this.clock = clock;
    }

    @Override
    public long increment(String key, Duration window) {
        long slot = clock.millis() / Math.max(1, window.toMillis());
        return counts.get(key + "@" + window.toMillis() + ":" + slot, k -> new AtomicLong())
                .incrementAndGet();
    }
}
