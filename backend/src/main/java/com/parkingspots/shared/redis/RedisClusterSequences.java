package com.parkingspots.shared.redis;

import com.parkingspots.shared.cluster.ClusterSequences;
import com.parkingspots.shared.cluster.LocalClusterSequences;
import io.lettuce.core.ScriptOutputType;
import java.util.concurrent.atomic.AtomicLong;

/** {@link ClusterSequences} as Redis counters raised to the caller's floor; local numbers while Redis is down. */
class RedisClusterSequences implements ClusterSequences {

    private static final String NEXT = """
            local v = redis.call('INCR', KEYS[1])
            local floor = tonumber(ARGV[1])
            if v < floor then redis.call('SET', KEYS[1], ARGV[1]); v = floor end
            return v""";

    private final RedisLink redis;
    private final LocalClusterSequences fallback = new LocalClusterSequences();
    private final AtomicLong highest = new AtomicLong();

    RedisClusterSequences(RedisLink redis) {
        this.redis = redis;
    }

    @Override
    public long next(String name, long floor) {
        long min = Math.max(floor, highest.get() + 1);
        long value;
        try {
            value = redis.sync()
                    .eval(NEXT, ScriptOutputType.INTEGER, new String[] {redis.key("seq:" + name)}, Long.toString(min));
        } catch (RuntimeException e) {
            value = fallback.next(name, min);
        }
        highest.accumulateAndGet(value, Math::max);
        return value;
    }
}
