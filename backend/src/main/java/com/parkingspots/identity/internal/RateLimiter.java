package com.parkingspots.identity.internal;

import java.time.Duration;

/**
 * Counts attempts per key in fixed one-minute windows ({@link WindowRateLimiter}: per process, or shared by every
 * instance through Redis).
 */
public interface RateLimiter {

    /** Whether this attempt is within the limit; when it is not, how long until the key's window ends. */
    sealed interface Decision {}

    record Allowed() implements Decision {}

    record Refused(Duration retryAfter) implements Decision {}

    /** Counts one attempt for {@code key} against {@code limit} attempts per window. */
    Decision tryAcquire(String key, int limit);
}
