package com.parkingspots.shared.redis;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param url {@code redis://[:password@]host:port/db}; empty means no Redis; {@code REDIS_URL}
 * @param keyPrefix prefix of every key and channel, so several deployments can share one Redis
 * @param timeout how long a command may take before Redis is considered down for it
 * @param probeInterval how often Redis is pinged to notice an outage and the recovery
 */
@ConfigurationProperties("parkingspots.redis")
public record RedisProperties(
        @Nullable String url,
        @DefaultValue("parkingspots:") String keyPrefix,
        @DefaultValue("500ms") Duration timeout,
        @DefaultValue("1s") Duration probeInterval) {

    public RedisProperties {
        if (url != null && url.isBlank()) {
            url = null;
        }
        if (url != null && !url.startsWith("redis://") && !url.startsWith("rediss://")) {
            throw new IllegalArgumentException("REDIS_URL must look like redis://host:6379/0 (was \"" + url + "\")");
        }
    }
}
