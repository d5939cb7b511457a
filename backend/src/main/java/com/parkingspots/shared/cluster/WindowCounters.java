package com.parkingspots.shared.cluster;

import java.time.Duration;

/**
 * Fixed-window counters for rate limits: {@code increment("login:1.2.3.4", 1 minute)} returns how many times the key
 * was counted in the current window, this call included. In-process by default; shared by every instance through Redis
 * when {@code REDIS_URL} is set (falling back to this instance's own count while Redis is down). Windows are aligned
 * to multiples of their length since the epoch, so a refused caller can be told to retry after
 * {@code window - (now mod window)}.
 *
 * <p>Identity's {@code RateLimiter.tryAcquire(key, limit)} maps onto this as {@code increment(key, 1 minute) <= limit}.
 */
public interface WindowCounters {

    long increment(String key, Duration window);
}
