package com.parkingspots.identity.internal;

import com.parkingspots.shared.cluster.WindowCounters;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Fixed one-minute windows aligned to the clock's minutes, counted in {@link WindowCounters}: in this process alone
 * without Redis, shared by every instance with it (so five attempts a minute means five across the cluster, not five
 * per instance). A refused caller is told to retry when the current window ends.
 *
 * <p>Aligned windows let a caller spend one window's budget at its end and the next one's at the start of the next
 * window; the limits are abuse limits, and that doubling is the price of one atomic counter per key and window.
 */
@Component
class WindowRateLimiter implements RateLimiter {

    static final Duration WINDOW = Duration.ofMinutes(1);

    private final WindowCounters counters;
    private final Clock clock;

    WindowRateLimiter(WindowCounters counters, Clock clock) {
        this.counters = counters;
        this.clock = clock;
    }

    @Override
    public Decision tryAcquire(String key, int limit) {
        long now = clock.millis();
        long count = counters.increment(key, WINDOW);
        if (count <= limit) {
            return new Allowed();
        }
        long window = WINDOW.toMillis();
        return new Refused(Duration.ofMillis(window - Math.floorMod(now, window)));
    }
}
