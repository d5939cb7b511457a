package com.parkingspots.realtime.internal;

import com.parkingspots.realtime.LiveEvents;
import com.parkingspots.shared.cluster.ClusterEventBus;
import com.parkingspots.shared.cluster.ClusterSequences;
import java.time.Clock;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.TextMessage;
import tools.jackson.databind.json.JsonMapper;

/**
 * Numbers events, sends them to every instance (the cluster bus) and, on each instance, delivers them to the entitled
 * connections in the order received. Numbers come from a cluster-wide sequence and never go below what this instance
 * has seen or below its start time in microseconds, so they keep increasing across restarts and Redis outages.
 */
@Component
class Fanout implements DisposableBean, LiveEvents {

    static final String TOPIC = "realtime";
    private static final Logger log = LoggerFactory.getLogger(Fanout.class);

    private final ClusterEventBus bus;
    private final ClusterSequences sequences;
    private final JsonMapper json;
    private final Clock clock;
    private final ReplayBuffer replay;
    private final long startFloor;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();
    private final ExecutorService dispatcher = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "realtime-fanout");
        thread.setDaemon(true);
        return thread;
    });

    Fanout(
            ClusterEventBus bus,
            ClusterSequences sequences,
            JsonMapper json,
            Clock clock,
            RealtimeProperties properties) {
        this.bus = bus;
        this.sequences = sequences;
        this.json = json;
        this.clock = clock;
        this.replay = new ReplayBuffer(properties.replayEvents());
        this.startFloor = clock.millis() * 1000;
        bus.subscribe(TOPIC, this::received);
    }

    @Override
    public void toUsers(String type, Map<String, Object> data, Set<UUID> users) {
        publish(type, data, users, null, null, null);
    }

    /** Publishes an event caused on this instance (after its transaction committed). */
    void publish(
            String type,
            Map<String, Object> data,
            Set<UUID> users,
            @Nullable UUID spotId,
            @Nullable Double latitude,
            @Nullable Double longitude) {
        long seq = sequences.next(TOPIC, Math.max(startFloor, replay.latest() + 1));
        RealtimeEvent event =
                new RealtimeEvent(seq, type, data, clock.instant().toString(), users, spotId, latitude, longitude);
        bus.publish(TOPIC, json.writeValueAsString(event));
    }

    private void received(String message) {
        RealtimeEvent event;
        try {
            event = json.readValue(message, RealtimeEvent.class);
        } catch (RuntimeException e) {
            log.warn("Ignoring a malformed real-time event: {}", e.getMessage());
            return;
        }
        dispatcher.execute(() -> {
            replay.add(event);
            TextMessage frame = new TextMessage(frame(event));
            for (Connection connection : connections.values()) {
                if (connection.wants(event)) {
                    connection.send(frame);
                }
            }
        });
    }

    void register(Connection connection) {
        connections.put(connection.id(), connection);
    }

    void unregister(String connectionId) {
        connections.remove(connectionId);
    }

    @Nullable
    Connection connection(String id) {
        return connections.get(id);
    }

    Collection<Connection> connections() {
        return connections.values();
    }

    long lastSeq() {
        return replay.latest();
    }

    /** Sends what the connection missed after {@code seq} (as far as this instance knows) and says if that is all. */
    void resume(Connection connection, long seq) {
        dispatcher.execute(() -> {
            ReplayBuffer.Replay missed = replay.after(seq);
            int sent = 0;
            for (RealtimeEvent event : missed.events()) {
                if (connection.wants(event)) {
                    connection.send(new TextMessage(frame(event)));
                    sent++;
                }
            }
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("after_seq", seq);
            data.put("replayed", sent);
            data.put("complete", missed.complete());
            data.put("last_seq", missed.lastSeq());
            connection.send(new TextMessage(frame("resumed", data, null)));
        });
    }

    String frame(RealtimeEvent event) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", event.type());
        frame.put("data", event.data());
        frame.put("at", event.at());
        frame.put("seq", event.seq());
        return json.writeValueAsString(frame);
    }

    String frame(String type, Map<String, ?> data, @Nullable Long seq) {
        Map<String, Object> frame = new LinkedHashMap<>();
        frame.put("type", type);
        frame.put("data", data);
        frame.put("at", clock.instant().toString());
        if (seq != null) {
            frame.put("seq", seq);
        }
        return json.writeValueAsString(frame);
    }

    @Override
    public void destroy() throws InterruptedException {
        dispatcher.shutdown();
        dispatcher.awaitTermination(2, TimeUnit.SECONDS);
    }
}
