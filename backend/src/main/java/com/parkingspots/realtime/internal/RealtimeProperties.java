package com.parkingspots.realtime.internal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and timings of WebSocket connections ({@code parkingspots.realtime.*}).
 *
 * @param maxMessageBytes largest client frame accepted; a larger one closes the connection with 1009
 * @param maxSpotSubscriptions spot ids one connection may follow
 * @param maxAreaSubscriptions bounding boxes one connection may follow
 * @param authTimeout how long a connection opened without {@code ?token=} may wait before its {@code auth} message
 * @param heartbeatInterval how often the server pings each connection
 * @param idleTimeout a connection that sent nothing (not even a pong) for this long is closed
 * @param maxQueuedFrames frames waiting for a slow client; beyond that the connection is closed (1013)
 * @param sendTimeout how long one blocking send to a client may take
 * @param replayEvents recent events kept for {@code resume}
 * @param reverifyInterval how often an open connection's access token is checked again: once it has expired, or its
 *     account was deactivated, the connection is closed (1008) unless the client sent a fresh {@code auth} meanwhile;
 *     revocations (password change, logout everywhere, deactivation) close connections at once, through an event
 * @param ticketLifetime how long a WebSocket ticket ({@code POST /api/v1/ws/ticket}) may wait for its connection
 */
@ConfigurationProperties("parkingspots.realtime")
record RealtimeProperties(
        @DefaultValue("8192") int maxMessageBytes,
        @DefaultValue("200") int maxSpotSubscriptions,
        @DefaultValue("10") int maxAreaSubscriptions,
        @DefaultValue("10s") Duration authTimeout,
        @DefaultValue("25s") Duration heartbeatInterval,
        @DefaultValue("60s") Duration idleTimeout,
        @DefaultValue("1000") int maxQueuedFrames,
        @DefaultValue("5s") Duration sendTimeout,
        @DefaultValue("10000") int replayEvents,
        @DefaultValue("30s") Duration reverifyInterval,
        @DefaultValue("30s") Duration ticketLifetime) {

    RealtimeProperties {
        if (maxMessageBytes < 256 || maxSpotSubscriptions < 1 || maxAreaSubscriptions < 0 || replayEvents < 0) {
            throw new IllegalArgumentException(
                    "parkingspots.realtime: limits must be positive (max-message-bytes >= 256)");
        }
        if (ticketLifetime.isNegative()
                || ticketLifetime.isZero()
                || ticketLifetime.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new IllegalArgumentException("parkingspots.realtime.ticket-lifetime must be between 1s and 5m");
        }
        if (idleTimeout.compareTo(heartbeatInterval) <= 0) {
            throw new IllegalArgumentException("parkingspots.realtime.idle-timeout must exceed heartbeat-interval");
        }
    }
}
