package com.parkingspots.shared.cluster;

import java.time.Duration;

/**
 * Fixed-window counters for rate limits: {@code increment("login:1.2.3.4", 1 minute)} returns how many times the key
 * was counted in the current window, this call included. In-process by default; shared by every instance through Redis
 * when {@code REDIS_URL} is set (falling back to this instance's own count while Redis is down).
 */
public interface WindowCounters {

    long increment(String key, Duration window);
}
