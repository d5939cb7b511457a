package com.parkingspots.shared.redis;

import com.parkingspots.shared.cluster.LocalWindowCounters;
import com.parkingspots.shared.cluster.WindowCounters;
import io.lettuce.core.ScriptOutputType;
import java.time.Clock;
import java.time.Duration;

/**
 * {@link WindowCounters} shared by every instance: an atomic {@code INCR} of one key per window, expiring after two
 * windows. While Redis is down each instance counts on its own (limits then apply per instance).
 */
class RedisWindowCounters implements WindowCounters {

    private static final String INCREMENT = """
            local v = redis.call('INCR', KEYS[1])
            if v == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
            return v""";

    private final RedisLink redis;
    private final Clock clock;
    private final LocalWindowCounters fallback;

    RedisWindowCounters(RedisLink redis, Clock clock) {
        this.redis = redis;
        this.clock = clock;
        this.fallback = new LocalWindowCounters(clock);
    }

    @Override
    public long increment(String key, Duration window) {
        long millis = Math.max(1, window.toMillis());
        String slotKey = redis.key("counter:" + key + ":" + millis + ":" + clock.millis() / millis);
        try {
            Long count = redis.sync()
                    .eval(INCREMENT, ScriptOutputType.INTEGER, new String[] {slotKey}, Long.toString(2 * millis));
            return count;
        } catch (RuntimeException e) {
            return fallback.increment(key, window);
        }
    }
}
