package com.parkingspots.shared.cluster;

import java.util.function.Consumer;

/**
 * Topics whose messages reach every instance: in-process by default, through Redis pub/sub when {@code REDIS_URL} is
 * set. Delivery is at most once and best effort (a message published while Redis is down reaches only this instance);
 * durable work belongs in the database (Spring Modulith's event publication registry, db-scheduler).
 */
public interface ClusterEventBus {

    /** Delivers to this instance's subscribers at once and, when clustered, to every other instance. */
    void publish(String topic, String message);

    /** Listeners must not block: they run on the thread that received the message. */
    void subscribe(String topic, Consumer<String> listener);

    /** Called after a reconnection, when messages may have been missed (e.g. to drop caches). */
    default void onPossibleLoss(Runnable action) {}
}
