package com.parkingspots.shared.redis;

import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** True when {@code parkingspots.redis.url} ({@code REDIS_URL}) is set and not blank. */
class RedisConfigured implements Condition {

    @Override
    public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
        String url = context.getEnvironment().getProperty("parkingspots.redis.url");
        return url != null && !url.isBlank();
    }
}
