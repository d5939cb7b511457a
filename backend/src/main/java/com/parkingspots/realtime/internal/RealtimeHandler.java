package com.parkingspots.realtime.internal;

import com.parkingspots.shared.security.BearerAuthenticator;
import com.parkingspots.shared.security.Caller;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.PingMessage;
import org.springframework.web.socket.PongMessage;
import org.springframework.web.socket.TextMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.adapter.NativeWebSocketSession;
import org.springframework.web.socket.handler.TextWebSocketHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The {@code /api/v1/ws} protocol (Decision 20). Client frames: {@code auth}, {@code subscribe}, {@code unsubscribe},
 * {@code ping}, {@code resume}; every server frame is {@code {"type","data","at"}}, events also carry {@code seq}. A
 * bad frame from one client gets an {@code error} frame (or a close) and never disturbs other connections.
 */
@Component
class RealtimeHandler extends TextWebSocketHandler implements DisposableBean {

    static final CloseStatus NOT_AUTHENTICATED = CloseStatus.POLICY_VIOLATION.withReason("Not authenticated");
    static final CloseStatus INVALID_TOKEN = CloseStatus.POLICY_VIOLATION.withReason("Could not validate credentials");
    static final CloseStatus TOKEN_EXPIRED = CloseStatus.POLICY_VIOLATION.withReason("Token expired");
    static final CloseStatus INACTIVE_USER = CloseStatus.POLICY_VIOLATION.withReason("Inactive user");
    static final CloseStatus TOKEN_REVOKED = CloseStatus.POLICY_VIOLATION.withReason("Token revoked");
    private static final String TOMCAT_SEND_TIMEOUT = "org.apache.tomcat.websocket.BLOCKING_SEND_TIMEOUT";

    private final Fanout fanout;
    private final ObjectProvider<BearerAuthenticator> authenticator;
    private final JsonMapper json;
    private final Clock clock;
    private final RealtimeProperties properties;
    private final ExecutorService senders = Executors.newVirtualThreadPerTaskExecutor();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "realtime-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    RealtimeHandler(
            Fanout fanout,
            ObjectProvider<BearerAuthenticator> authenticator,
            JsonMapper json,
            Clock clock,
            RealtimeProperties properties) {
        this.fanout = fanout;
        this.authenticator = authenticator;
        this.json = json;
        this.clock = clock;
        this.properties = properties;
        heartbeat.scheduleWithFixedDelay(this::heartbeat, 1, 1, TimeUnit.SECONDS);
        authenticator.ifAvailable(tokens -> tokens.onAccountChange(this::accountChanged));
    }

    /**
     * A user's tokens were revoked, their account deactivated or their role changed (on any instance): their open
     * connections here are checked again at once, off the thread that delivered the news, and closed with 1008 if
     * their token no longer works.
     */
    private void accountChanged(UUID userId) {
        for (Connection connection : fanout.connections()) {
            Caller caller = connection.caller();
            if (caller != null && caller.id().equals(userId)) {
                try {
                    senders.execute(() -> {
                        try {
                            reverify(connection, clock.instant());
                        } catch (RuntimeException e) {
                            fanout.unregister(connection.id());
                        }
                    });
                } catch (RejectedExecutionException shuttingDown) {
                    return;
                }
            }
        }
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) {
        session.setTextMessageSizeLimit(properties.maxMessageBytes());
        if (session instanceof NativeWebSocketSession nativeSession
                && nativeSession.getNativeSession() instanceof jakarta.websocket.Session tomcat) {
            tomcat.getUserProperties()
                    .put(TOMCAT_SEND_TIMEOUT, properties.sendTimeout().toMillis());
        }
        Connection connection = new Connection(session, senders, properties.maxQueuedFrames(), clock.instant());
        fanout.register(connection);
        if (session.getAttributes().get(TokenHandshake.CALLER) instanceof Caller caller
                && session.getAttributes().get(TokenHandshake.TOKEN) instanceof String token) {
            connection.authenticate(caller, token, clock.instant());
            connected(connection);
        }
    }

    @Override
    protected void handleTextMessage(WebSocketSession session, TextMessage message) {
        Connection connection = connection(session);
        if (connection == null) {
            return;
        }
        connection.heard(clock.instant());
        JsonNode frame = parse(message.getPayload());
        String type = frame == null ? null : text(frame.get("type"));
        if (connection.caller() == null) {
            if ("auth".equals(type)) {
                authenticate(connection, frame);
            } else {
                connection.close(NOT_AUTHENTICATED);
            }
            return;
        }
        if (frame == null || type == null) {
            error(connection, "Malformed message: expected a JSON object with a \"type\"");
            return;
        }
        switch (type) {
            case "subscribe" -> subscribe(connection, frame);
            case "unsubscribe" -> unsubscribe(connection, frame);
            case "ping" -> connection.send(new TextMessage(fanout.frame("pong", Map.of(), null)));
            case "resume" -> resume(connection, frame);
            case "auth" -> authenticate(connection, frame);
            default -> error(connection, "Unknown message type: " + abbreviate(type));
        }
    }

    @Override
    protected void handlePongMessage(WebSocketSession session, PongMessage message) {
        Connection connection = connection(session);
        if (connection != null) {
            connection.heard(clock.instant());
        }
    }

    @Override
    public void handleTransportError(WebSocketSession session, Throwable exception) {
        fanout.unregister(session.getId());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus status) {
        fanout.unregister(session.getId());
    }

    private void authenticate(Connection connection, @Nullable JsonNode frame) {
        String token = frame == null ? null : text(frame.get("token"));
        BearerAuthenticator tokens = authenticator.getIfAvailable();
        if (token != null
                && tokens != null
                && tokens.authenticate(token) instanceof BearerAuthenticator.Authenticated(var caller)) {
            Caller current = connection.caller();
            if (current != null && !current.id().equals(caller.id())) {
                error(connection, "This connection is signed in as another user");
                return;
            }
            connection.authenticate(caller, token, clock.instant());
            connected(connection);
            return;
        }
        if (connection.caller() == null) {
            connection.close(INVALID_TOKEN);
        } else {
            error(connection, "Could not validate credentials");
        }
    }

    private void connected(Connection connection) {
        Caller caller = connection.caller();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("user_id", caller == null ? null : caller.id());
        data.put("last_seq", fanout.lastSeq());
        connection.send(new TextMessage(fanout.frame("connected", data, null)));
    }

    private void subscribe(Connection connection, JsonNode frame) {
        Subscription wanted = subscription(connection, frame);
        if (wanted == null) {
            return;
        }
        if (wanted.spots().isEmpty() && wanted.areas().isEmpty()) {
            error(connection, "subscribe needs \"spot_ids\" or \"bbox\"");
            return;
        }
        Set<UUID> spots = new HashSet<>(connection.spots());
        spots.addAll(wanted.spots());
        if (spots.size() > properties.maxSpotSubscriptions()) {
            error(connection, "Too many subscriptions: at most " + properties.maxSpotSubscriptions() + " spots");
            return;
        }
        List<BoundingBox> areas = new ArrayList<>(connection.areas());
        wanted.areas().stream().filter(a -> !areas.contains(a)).forEach(areas::add);
        if (areas.size() > properties.maxAreaSubscriptions()) {
            error(connection, "Too many subscriptions: at most " + properties.maxAreaSubscriptions() + " areas");
            return;
        }
        connection.spots().addAll(wanted.spots());
        wanted.areas().stream().filter(a -> !connection.areas().contains(a)).forEach(connection.areas()::add);
        subscriptions(connection, "subscribed");
    }

    private void unsubscribe(Connection connection, JsonNode frame) {
        Subscription unwanted = subscription(connection, frame);
        if (unwanted == null) {
            return;
        }
        if (unwanted.spots().isEmpty() && unwanted.areas().isEmpty()) {
            connection.spots().clear();
            connection.areas().clear();
        } else {
            connection.spots().removeAll(unwanted.spots());
            connection.areas().removeAll(unwanted.areas());
        }
        subscriptions(connection, "unsubscribed");
    }

    private void subscriptions(Connection connection, String type) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("spot_ids", List.copyOf(connection.spots()));
        data.put("bboxes", connection.areas().stream().map(BoundingBox::values).toList());
        connection.send(new TextMessage(fanout.frame(type, data, null)));
    }

    private record Subscription(Set<UUID> spots, List<BoundingBox> areas) {}

    private @Nullable Subscription subscription(Connection connection, JsonNode frame) {
        Set<UUID> spots = new HashSet<>();
        List<BoundingBox> areas = new ArrayList<>();
        JsonNode ids = frame.get("spot_ids");
        if (ids != null && !ids.isNull()) {
            if (!ids.isArray() || ids.size() > properties.maxSpotSubscriptions()) {
                error(
                        connection,
                        "\"spot_ids\" must be a list of at most " + properties.maxSpotSubscriptions() + " ids");
                return null;
            }
            for (JsonNode id : ids) {
                try {
                    spots.add(UUID.fromString(String.valueOf(text(id))));
                } catch (IllegalArgumentException e) {
                    error(connection, "\"spot_ids\" must contain spot ids (UUIDs)");
                    return null;
                }
            }
        }
        JsonNode bbox = frame.get("bbox");
        if (bbox != null && !bbox.isNull()) {
            List<Double> values = new ArrayList<>();
            if (bbox.isArray()) {
                for (JsonNode value : bbox) {
                    if (!value.isNumber()) {
                        break;
                    }
                    values.add(value.doubleValue());
                }
            }
            try {
                if (values.size() != bbox.size()) {
                    throw new IllegalArgumentException("bbox must be [min_lon, min_lat, max_lon, max_lat]");
                }
                areas.add(BoundingBox.of(values));
            } catch (IllegalArgumentException e) {
                error(connection, e.getMessage());
                return null;
            }
        }
        return new Subscription(spots, areas);
    }

    private void resume(Connection connection, JsonNode frame) {
        JsonNode after = frame.get("after_seq");
        if (after == null || !after.canConvertToLong() || !after.isIntegralNumber() || after.longValue() < 0) {
            error(connection, "\"after_seq\" must be a non-negative integer");
            return;
        }
        fanout.resume(connection, after.longValue());
    }

    private void error(Connection connection, String detail) {
        connection.send(new TextMessage(fanout.frame("error", Map.of("detail", detail), null)));
    }

    private @Nullable Connection connection(WebSocketSession session) {
        return fanout.connection(session.getId());
    }

    private @Nullable JsonNode parse(String payload) {
        try {
            JsonNode node = json.readTree(payload);
            return node != null && node.isObject() ? node : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    private static @Nullable String text(@Nullable JsonNode node) {
        return node != null && node.isString() ? node.asString() : null;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "…" : value;
    }

    /**
     * Closes connections that never authenticated, went silent, or whose token expired or whose account was deactivated
     * since it was last checked (a safety net: revocations close connections at once, {@link #accountChanged}); pings
     * the others.
     */
    private void heartbeat() {
        Instant now = clock.instant();
        Duration ping = properties.heartbeatInterval();
        for (Connection connection : fanout.connections()) {
            try {
                if (connection.caller() == null) {
                    if (connection.openedAt().plus(properties.authTimeout()).isBefore(now)) {
                        connection.close(NOT_AUTHENTICATED);
                        fanout.unregister(connection.id());
                    }
                } else if (connection.lastHeard().plus(properties.idleTimeout()).isBefore(now)) {
                    connection.close(CloseStatus.SESSION_NOT_RELIABLE.withReason("No pong"));
                    fanout.unregister(connection.id());
                } else if (connection
                        .verifiedAt()
                        .plus(properties.reverifyInterval())
                        .isBefore(now)) {
                    reverify(connection, now);
                } else if (connection.lastPing().plus(ping).isBefore(now)) {
                    connection.pinged(now);
                    connection.send(new PingMessage());
                }
            } catch (RuntimeException e) {
                fanout.unregister(connection.id());
            }
        }
    }

    private void reverify(Connection connection, Instant now) {
        String token = connection.token();
        BearerAuthenticator tokens = authenticator.getIfAvailable();
        if (token == null || tokens == null) {
            return;
        }
        switch (tokens.authenticate(token)) {
            case BearerAuthenticator.Authenticated(var caller) -> connection.verified(caller, now);
            case BearerAuthenticator.Inactive inactive -> closeAndForget(connection, INACTIVE_USER);
            case BearerAuthenticator.Revoked revoked -> closeAndForget(connection, TOKEN_REVOKED);
            case BearerAuthenticator.Invalid invalid -> closeAndForget(connection, TOKEN_EXPIRED);
        }
    }

    private void closeAndForget(Connection connection, CloseStatus status) {
        connection.close(status);
        fanout.unregister(connection.id());
    }

    @Override
    public void destroy() {
        heartbeat.shutdownNow();
        for (Connection connection : fanout.connections()) {
            connection.close(CloseStatus.GOING_AWAY);
        }
        senders.shutdown();
    }
}
