package com.parkingspots.shared.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Tells every instance to drop a named cache. A module registers how to drop its local entries
 * ({@link #onInvalidation}) and calls {@link #broadcast} after a committed change; the action then runs here at once and
 * on the other instances within milliseconds (Redis pub/sub). After a Redis outage every registered cache is dropped,
 * because invalidations may have been missed meanwhile.
 */
public class CacheInvalidations {

    static final String TOPIC = "cache-invalidations";

    private final ClusterEventBus bus;
    private final Map<String, List<Runnable>> actions = new ConcurrentHashMap<>();

    public CacheInvalidations(ClusterEventBus bus) {
        this.bus = bus;
        bus.subscribe(TOPIC, this::run);
        bus.onPossibleLoss(() -> actions.keySet().forEach(this::run));
    }

    public void onInvalidation(String cache, Runnable dropLocalEntries) {
        actions.computeIfAbsent(cache, c -> new CopyOnWriteArrayList<>()).add(dropLocalEntries);
    }

    public void broadcast(String cache) {
        bus.publish(TOPIC, cache);
    }

    private void run(String cache) {
        actions.getOrDefault(cache, List.of()).forEach(Runnable::run);
    }
}
