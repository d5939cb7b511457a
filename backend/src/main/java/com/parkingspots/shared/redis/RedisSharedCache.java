package com.parkingspots.shared.redis;

import com.parkingspots.shared.cluster.SharedCache;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link SharedCache} in Redis: one counter per cache holds its generation, entries live at
 * {@code cache:<name>:<generation>:<key>} with a TTL. A lookup reads the generation and the entry in one script (one
 * round trip). Every failure is a miss: Redis being slow or down never fails a request.
 *
 * <p>An invalidation made while Redis is down cannot move the generation, so when Redis returns every cache this
 * instance has used moves to a new generation before anything is read from it again.
 */
class RedisSharedCache implements SharedCache {

    private static final Logger log = LoggerFactory.getLogger(RedisSharedCache.class);

    private static final String LOOKUP = """
            local generation = redis.call('GET', KEYS[1]) or '0'
            local value = redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])
            return {generation, value}""";

    private final RedisLink redis;
    private final long ttlMillis;
    private final Set<String> used = ConcurrentHashMap.newKeySet();

    RedisSharedCache(RedisLink redis, Duration ttl) {
        this.redis = redis;
        this.ttlMillis = ttl.toMillis();
        redis.onRecovered(() -> used.forEach(this::invalidate));
    }

    @Override
    public Lookup get(String cache, String key) {
        used.add(cache);
        try {
            List<Object> reply = redis.sync()
                    .eval(LOOKUP, ScriptOutputType.MULTI, new String[] {generationKey(cache)}, entryPrefix(cache), key);
            long generation = Long.parseLong((String) reply.get(0));
            String value = reply.size() > 1 ? (String) reply.get(1) : null;
            return new Lookup(generation, value);
        } catch (RuntimeException e) {
            return new Lookup(-1, null);
        }
    }

    @Override
    public void put(String cache, long generation, String key, String value) {
        if (generation < 0) {
            return; // the lookup failed: the generation is unknown
        }
        try {
            redis.sync().psetex(entryPrefix(cache) + generation + ":" + key, ttlMillis, value);
        } catch (RuntimeException e) {
            // a lost write is a later miss
        }
    }

    @Override
    public void invalidate(String cache) {
        try {
            redis.sync().incr(generationKey(cache));
        } catch (RuntimeException e) {
            log.debug("Shared cache {} not invalidated now (Redis unavailable); it will be when Redis returns", cache);
        }
    }

    private String generationKey(String cache) {
        return redis.key("cache:" + cache + ":generation");
    }

    private String entryPrefix(String cache) {
        return redis.key("cache:" + cache + ":");
    }
}
