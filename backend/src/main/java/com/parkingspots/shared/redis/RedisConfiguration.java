package com.parkingspots.shared.redis;

import com.parkingspots.shared.cluster.CacheInvalidations;
import com.parkingspots.shared.cluster.ClusterEventBus;
import com.parkingspots.shared.cluster.ClusterProperties;
import com.parkingspots.shared.cluster.ClusterSequences;
import com.parkingspots.shared.cluster.LocalClusterSequences;
import com.parkingspots.shared.cluster.LocalEventBus;
import com.parkingspots.shared.cluster.LocalOneTimeTickets;
import com.parkingspots.shared.cluster.LocalWindowCounters;
import com.parkingspots.shared.cluster.OneTimeTickets;
import com.parkingspots.shared.cluster.WindowCounters;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** The cluster primitives: Redis-backed when {@code REDIS_URL} is set, in-process otherwise. */
@Configuration(proxyBeanMethods = false)
class RedisConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(RedisConfigured.class)
    RedisLink redisLink(RedisProperties properties) {
        return new RedisLink(properties);
    }

    @Bean
    ClusterEventBus clusterEventBus(ObjectProvider<RedisLink> redis, ClusterProperties cluster) {
        RedisLink link = redis.getIfAvailable();
        return link == null ? new LocalEventBus() : new RedisEventBus(link, cluster.instanceId());
    }

    @Bean
    CacheInvalidations cacheInvalidations(ClusterEventBus bus) {
        return new CacheInvalidations(bus);
    }

    @Bean
    WindowCounters windowCounters(ObjectProvider<RedisLink> redis, Clock clock) {
        RedisLink link = redis.getIfAvailable();
        return link == null ? new LocalWindowCounters(clock) : new RedisWindowCounters(link, clock);
    }

    @Bean
    OneTimeTickets oneTimeTickets(ObjectProvider<RedisLink> redis, Clock clock) {
        RedisLink link = redis.getIfAvailable();
        LocalOneTimeTickets local = new LocalOneTimeTickets(clock);
        return link == null ? local : new RedisOneTimeTickets(link, local);
    }

    @Bean
    ClusterSequences clusterSequences(ObjectProvider<RedisLink> redis) {
        RedisLink link = redis.getIfAvailable();
        return link == null ? new LocalClusterSequences() : new RedisClusterSequences(link);
    }
}
