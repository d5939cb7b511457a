package com.parkingspots.realtime.internal;

import com.parkingspots.shared.cluster.OneTimeTickets;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * WebSocket tickets: {@code POST /api/v1/ws/ticket} exchanges the caller's access token for a random ticket that opens
 * one connection ({@code /api/v1/ws?ticket=…}) within 30 seconds, on any instance. The ticket stands for the access
 * token, which stays on the server: the connection is then checked against it as if it had come with
 * {@code ?token=}, while the URL a browser prints on a failed connection (and a proxy logs) holds nothing reusable.
 */
@Component
public class WebSocketTickets {

    static final String KIND = "ws";

    private final OneTimeTickets tickets;
    private final Duration lifetime;

    WebSocketTickets(OneTimeTickets tickets, RealtimeProperties properties) {
        this.tickets = tickets;
        this.lifetime = properties.ticketLifetime();
    }

    /** A ticket for a valid access token (the caller checked it). */
    public String issue(String accessToken) {
        return tickets.issue(KIND, accessToken, lifetime);
    }

    public Duration lifetime() {
        return lifetime;
    }

    /** The access token of a ticket issued within its lifetime and not used before; used now. */
    Optional<String> redeem(String ticket) {
        return tickets.redeem(KIND, ticket);
    }
}
