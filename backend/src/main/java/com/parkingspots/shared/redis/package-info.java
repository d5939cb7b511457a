/**
 * Redis, only when {@code REDIS_URL} is set: one Lettuce client ({@link com.parkingspots.shared.redis.RedisLink}) that
 * tracks whether Redis answers, and the Redis-backed implementations of {@code shared.cluster}'s interfaces. Without
 * {@code REDIS_URL} no Redis bean exists and nothing connects; with it, a Redis outage degrades to in-process behaviour
 * and recovers by itself (docs/decisions/0007-events-across-instances.md).
 */
@NullMarked
package com.parkingspots.shared.redis;

import org.jspecify.annotations.NullMarked;
