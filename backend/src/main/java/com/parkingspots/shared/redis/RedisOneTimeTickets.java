package com.parkingspots.shared.redis;

import com.parkingspots.shared.cluster.LocalOneTimeTickets;
import com.parkingspots.shared.cluster.OneTimeTickets;
import java.time.Duration;
import java.util.Optional;

/**
 * {@link OneTimeTickets} in Redis, so a ticket issued by one instance works on any other: {@code SET key value PX} to
 * issue, {@code GETDEL} (atomic, Redis 6.2+) to redeem once. Keys are {@code <prefix>ticket:<kind>:<sha256 of the
 * ticket>}. While Redis is down, tickets are issued and redeemed in this instance's memory.
 */
class RedisOneTimeTickets implements OneTimeTickets {

    private final RedisLink redis;
    private final LocalOneTimeTickets fallback;

    RedisOneTimeTickets(RedisLink redis, LocalOneTimeTickets fallback) {
        this.redis = redis;
        this.fallback = fallback;
    }

    @Override
    public String issue(String kind, String value, Duration lifetime) {
        String ticket = LocalOneTimeTickets.newTicket();
        try {
            redis.sync().psetex(redisKey(kind, ticket), Math.max(1, lifetime.toMillis()), value);
            return ticket;
        } catch (RuntimeException e) {
            return fallback.issue(kind, value, lifetime);
        }
    }

    @Override
    public Optional<String> redeem(String kind, String ticket) {
        try {
            String value = redis.sync().getdel(redisKey(kind, ticket));
            if (value != null) {
                return Optional.of(value);
            }
        } catch (RuntimeException e) {
            // Redis is down: only a ticket this instance issued meanwhile can be redeemed
        }
        return fallback.redeem(kind, ticket);
    }

    private String redisKey(String kind, String ticket) {
        return redis.key("ticket:" + LocalOneTimeTickets.key(kind, ticket));
    }
}
