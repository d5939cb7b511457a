package com.parkingspots.realtime.internal;

import com.parkingspots.shared.security.Caller;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;

/**
 * One client connection: who it is (once authenticated), what it follows, and its outgoing frames. Frames are sent in
 * order by one task at a time on a virtual thread, so a slow client never holds up the fan-out to others; one that falls
 * {@code maxQueued} frames behind is closed.
 */
final class Connection {

    private static final Logger log = LoggerFactory.getLogger(Connection.class);
    static final CloseStatus TOO_SLOW = new CloseStatus(1013, "Client is not reading fast enough");

    private final WebSocketSession session;
    private final Executor sender;
    private final int maxQueued;
    private final Instant openedAt;
    private final Queue<WebSocketMessage<?>> outbox = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Set<UUID> spots = ConcurrentHashMap.newKeySet();
    private final List<BoundingBox> areas = new CopyOnWriteArrayList<>();

    private volatile @Nullable Caller caller;
    private volatile @Nullable String token;
    private volatile Instant verifiedAt;
    private volatile Instant lastHeard;
    private volatile Instant lastPing;

    Connection(WebSocketSession session, Executor sender, int maxQueued, Instant now) {
        this.session = session;
        this.sender = sender;
        this.maxQueued = maxQueued;
        this.openedAt = now;
        this.lastHeard = now;
        this.lastPing = now;
        this.verifiedAt = now;
    }

    String id() {
        return session.getId();
    }

    @Nullable
    Caller caller() {
        return caller;
    }

    /** Signed in (again) with {@code token}, which is checked anew now and then while the connection lasts. */
    void authenticate(Caller caller, String token, Instant now) {
        this.caller = caller;
        this.token = token;
        this.verifiedAt = now;
    }

    @Nullable
    String token() {
        return token;
    }

    Instant verifiedAt() {
        return verifiedAt;
    }

    /** The token still works; {@code current} carries the account's current role. */
    void verified(Caller current, Instant now) {
        if (caller != null) {
            caller = current;
        }
        verifiedAt = now;
    }

    Instant openedAt() {
        return openedAt;
    }

    Instant lastHeard() {
        return lastHeard;
    }

    void heard(Instant now) {
        lastHeard = now;
    }

    Instant lastPing() {
        return lastPing;
    }

    void pinged(Instant now) {
        lastPing = now;
    }

    Set<UUID> spots() {
        return spots;
    }

    List<BoundingBox> areas() {
        return areas;
    }

    /** Whether this connection may and wants to receive the event (Decision 20: never someone else's booking). */
    boolean wants(RealtimeEvent event) {
        Caller who = caller;
        if (who == null) {
            return false;
        }
        if (event.users().contains(who.id())) {
            return true;
        }
        if (!event.publicAboutSpot()) {
            return false;
        }
        if (spots.contains(event.spotId())) {
            return true;
        }
        Double latitude = event.latitude();
        Double longitude = event.longitude();
        if (latitude == null || longitude == null) {
            return false;
        }
        for (BoundingBox area : areas) {
            if (area.contains(latitude, longitude)) {
                return true;
            }
        }
        return false;
    }

    void send(WebSocketMessage<?> message) {
        if (!session.isOpen()) {
            return;
        }
        if (queued.incrementAndGet() > maxQueued) {
            log.info("Closing WebSocket {}: {} frames queued", id(), maxQueued);
            close(TOO_SLOW);
            return;
        }
        outbox.add(message);
        drain();
    }

    private void drain() {
        if (!draining.compareAndSet(false, true)) {
            return;
        }
        sender.execute(() -> {
            try {
                WebSocketMessage<?> next;
                while ((next = outbox.poll()) != null) {
                    queued.decrementAndGet();
                    if (session.isOpen()) {
                        session.sendMessage(next);
                    }
                }
            } catch (IOException | RuntimeException e) {
                log.debug("Sending to WebSocket {} failed: {}", id(), e.getMessage());
                close(CloseStatus.SESSION_NOT_RELIABLE);
            } finally {
                draining.set(false);
                if (!outbox.isEmpty() && session.isOpen()) {
                    drain();
                }
            }
        });
    }

    void close(CloseStatus status) {
        try {
            if (session.isOpen()) {
                session.close(status);
            }
        } catch (IOException | RuntimeException e) {
            log.debug("Closing WebSocket {} failed: {}", id(), e.getMessage());
        }
    }
}
