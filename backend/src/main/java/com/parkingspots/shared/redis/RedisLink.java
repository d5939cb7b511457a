package com.parkingspots.shared.redis;

import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one connection to Redis (plus one for pub/sub) and the knowledge of whether Redis answers. Start-up never waits
 * for Redis: when it is down the application starts degraded, and a probe (PING every {@code probeInterval}) connects,
 * notices outages and recoveries, logs each change once and tells {@link #onRecovered} listeners. While Redis is down,
 * commands fail at once instead of queueing; Lettuce reconnects and re-subscribes by itself.
 */
public class RedisLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RedisLink.class);

    private final ClientResources resources;
    private final RedisClient client;
    private final String keyPrefix;
    private final Map<String, Consumer<String>> channels = new ConcurrentHashMap<>();
    private final List<Runnable> recoveryListeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService probe;
    private final String displayUrl;

    private volatile @Nullable StatefulRedisConnection<String, String> commands;
    private volatile @Nullable StatefulRedisPubSubConnection<String, String> pubsub;
    private volatile boolean up;
    private volatile boolean everDown;

    public RedisLink(RedisProperties properties) {
        RedisURI uri = RedisURI.create(properties.url());
        uri.setTimeout(properties.timeout());
        this.displayUrl = uri.getHost() + ":" + uri.getPort() + "/" + uri.getDatabase();
        this.keyPrefix = properties.keyPrefix();
        // reconnect every second rather than backing off to 30 s, so recovery is noticed quickly
        this.resources = ClientResources.builder()
                .reconnectDelay(Delay.constant(Duration.ofSeconds(1)))
                .build();
        this.client = RedisClient.create(resources, uri);
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder()
                        .connectTimeout(Duration.ofSeconds(3))
                        .keepAlive(true)
                        .build())
                .timeoutOptions(TimeoutOptions.enabled(properties.timeout()))
                .build());
        this.probe = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "redis-probe");
            thread.setDaemon(true);
            return thread;
        });
        long every = properties.probeInterval().toMillis();
        probe.scheduleWithFixedDelay(this::check, 0, every, TimeUnit.MILLISECONDS);
    }

    public String key(String name) {
        return keyPrefix + name;
    }

    public boolean isUp() {
        return up;
    }

    /** Synchronous commands; throws at once while Redis is down (callers fall back to in-process behaviour). */
    public RedisCommands<String, String> sync() {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null || !up) {
            throw new RedisUnavailableException("Redis is unavailable");
        }
        return connection.sync();
    }

    /** Fire-and-forget {@code PUBLISH}; a failure marks Redis down. */
    public void publish(String channel, String message) {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null || !up) {
            return;
        }
        connection.async().publish(key(channel), message).exceptionally(e -> {
            markDown(e);
            return 0L;
        });
    }

    /** Receives the channel's messages on Lettuce's I/O thread: the consumer must not block. */
    public void subscribe(String channel, Consumer<String> consumer) {
        channels.put(key(channel), consumer);
        StatefulRedisPubSubConnection<String, String> connection = pubsub;
        if (connection != null) {
            connection.async().subscribe(key(channel));
        }
    }

    /** Runs after Redis came back from an outage (not at the first connection). */
    public void onRecovered(Runnable action) {
        recoveryListeners.add(action);
    }

    private synchronized void check() {
        try {
            if (commands == null) {
                connect();
            }
            StatefulRedisConnection<String, String> connection = commands;
            if (connection == null || !"PONG".equals(connection.sync().ping())) {
                throw new RedisUnavailableException("no PONG");
            }
            markUp();
        } catch (RuntimeException e) {
            markDown(e);
        }
    }

    private void connect() {
        StatefulRedisConnection<String, String> connection = client.connect();
        StatefulRedisPubSubConnection<String, String> subscriber;
        try {
            subscriber = client.connectPubSub();
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
        subscriber.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                Consumer<String> consumer = channels.get(channel);
                if (consumer != null) {
                    try {
                        consumer.accept(message);
                    } catch (RuntimeException e) {
                        log.warn("Handling a message of Redis channel {} failed", channel, e);
                    }
                }
            }
        });
        if (!channels.isEmpty()) {
            subscriber.sync().subscribe(channels.keySet().toArray(String[]::new));
        }
        pubsub = subscriber;
        commands = connection;
    }

    private void markUp() {
        if (up) {
            return;
        }
        up = true;
        if (everDown) {
            log.info("Redis at {} is reachable again: shared caches, events and rate limits resumed", displayUrl);
            for (Runnable listener : recoveryListeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    log.warn("Redis recovery listener failed", e);
                }
            }
        } else {
            log.info("Connected to Redis at {}", displayUrl);
        }
    }

    private void markDown(Throwable cause) {
        if (!up && everDown) {
            return;
        }
        up = false;
        everDown = true;
        log.warn(
                "Redis at {} is unavailable ({}): degraded to local caches, local event fan-out and per-instance"
                        + " rate limits until it returns",
                displayUrl,
                cause.getMessage());
    }

    @Override
    public void close() {
        probe.shutdownNow();
        StatefulRedisPubSubConnection<String, String> subscriber = pubsub;
        if (subscriber != null) {
            subscriber.close();
        }
        StatefulRedisConnection<String, String> connection = commands;
        if (connection != null) {
            connection.close();
        }
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }

    /** Redis did not answer; the caller falls back to in-process behaviour. */
    public static final class RedisUnavailableException extends RuntimeException {
        RedisUnavailableException(String message) {
            super(message);
        }
    }
}
