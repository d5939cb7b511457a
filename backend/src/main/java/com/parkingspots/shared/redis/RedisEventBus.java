package com.parkingspots.shared.redis;

import com.parkingspots.shared.cluster.ClusterEventBus;
import com.parkingspots.shared.cluster.LocalEventBus;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * {@link ClusterEventBus} over Redis pub/sub. A message is delivered here directly (so local delivery works while Redis
 * is down) and published to {@code <prefix>events:<topic>} tagged with this instance's id; each instance delivers the
 * messages tagged by others.
 */
class RedisEventBus implements ClusterEventBus {

    private static final char SEPARATOR = '|';

    private final RedisLink redis;
    private final String instanceId;
    private final LocalEventBus local = new LocalEventBus();
    private final Set<String> topics = ConcurrentHashMap.newKeySet();

    RedisEventBus(RedisLink redis, String instanceId) {
        this.redis = redis;
        this.instanceId = instanceId;
    }

    @Override
    public void publish(String topic, String message) {
        local.publish(topic, message);
        redis.publish(channel(topic), instanceId + SEPARATOR + message);
    }

    @Override
    public void subscribe(String topic, Consumer<String> listener) {
        local.subscribe(topic, listener);
        if (topics.add(topic)) {
            redis.subscribe(channel(topic), tagged -> {
                int separator = tagged.indexOf(SEPARATOR);
                if (separator > 0 && !tagged.substring(0, separator).equals(instanceId)) {
                    local.publish(topic, tagged.substring(separator + 1));
                }
            });
        }
    }

    @Override
    public void onPossibleLoss(Runnable action) {
        redis.onRecovered(action);
    }

    private static String channel(String topic) {
        return "events:" + topic;
    }
}
