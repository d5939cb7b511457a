package com.parkingspots.realtime.web;

import com.parkingspots.realtime.internal.WebSocketTickets;
import com.parkingspots.shared.security.BearerTokens;
import com.parkingspots.shared.security.Caller;
import com.parkingspots.shared.web.ApiException;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/** {@code POST /api/v1/ws/ticket}: a single-use ticket for one WebSocket connection (ADR 3, README "Real-time"). */
@RestController
class WebSocketTicketController {

    record TicketResponse(String ticket, long expiresIn) {}

    private final WebSocketTickets tickets;

    WebSocketTicketController(WebSocketTickets tickets) {
        this.tickets = tickets;
    }

    @PostMapping("/api/v1/ws/ticket")
    ResponseEntity<TicketResponse> ticket(Caller caller, HttpServletRequest request) {
        String token = BearerTokens.fromHeader(request.getHeader("Authorization"));
        if (token == null) {
            throw ApiException.unauthorized("Not authenticated"); // a caller always came with one
        }
        return ResponseEntity.ok()
                .cacheControl(CacheControl.noStore())
                .body(new TicketResponse(
                        tickets.issue(token), tickets.lifetime().toSeconds()));
    }
}
