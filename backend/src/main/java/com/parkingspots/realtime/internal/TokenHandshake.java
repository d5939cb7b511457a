package com.parkingspots.realtime.internal;

import com.parkingspots.shared.security.BearerAuthenticator;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * Authenticates {@code ?ticket=} (a single-use ticket from {@code POST /api/v1/ws/ticket}) or {@code ?token=} (an
 * access token, Decision 20) at the handshake: a valid one opens an authenticated session, an invalid, used or
 * expired one is refused with 401. Without either the connection opens but receives nothing until its first message
 * is a valid {@code auth}.
 */
final class TokenHandshake implements HandshakeInterceptor {

    static final String CALLER = "caller";
    static final String TOKEN = "token";

    private final ObjectProvider<BearerAuthenticator> authenticator;
    private final WebSocketTickets tickets;

    TokenHandshake(ObjectProvider<BearerAuthenticator> authenticator, WebSocketTickets tickets) {
        this.authenticator = authenticator;
        this.tickets = tickets;
    }

    @Override
    public boolean beforeHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler wsHandler,
            Map<String, Object> attributes)
            throws Exception {
        var query = UriComponentsBuilder.fromUri(request.getURI()).build().getQueryParams();
        String ticket = decoded(query.getFirst("ticket"));
        String token;
        if (ticket != null) {
            token = tickets.redeem(ticket).orElse(null);
            if (token == null) {
                return refuse(response, "Invalid or expired ticket");
            }
        } else {
            token = decoded(query.getFirst("token"));
            if (token == null) {
                return true;
            }
        }
        BearerAuthenticator tokens = authenticator.getIfAvailable();
        BearerAuthenticator.Result result =
                tokens == null ? new BearerAuthenticator.Invalid() : tokens.authenticate(token);
        if (result instanceof BearerAuthenticator.Authenticated(var caller)) {
            attributes.put(CALLER, caller);
            attributes.put(TOKEN, token);
            return true;
        }
        return refuse(
                response,
                result instanceof BearerAuthenticator.Inactive ? "Inactive user" : "Could not validate credentials");
    }

    private static boolean refuse(ServerHttpResponse response, String detail) throws java.io.IOException {
        response.setStatusCode(HttpStatus.UNAUTHORIZED);
        response.getHeaders().set("WWW-Authenticate", "Bearer");
        response.getHeaders().setContentType(MediaType.APPLICATION_JSON);
        response.getBody().write(("{\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8));
        return false;
    }

    @Override
    public void afterHandshake(
            ServerHttpRequest request,
            ServerHttpResponse response,
            WebSocketHandler wsHandler,
            @Nullable Exception exception) {}

    private static @Nullable String decoded(@Nullable String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return UriUtils.decode(raw, StandardCharsets.UTF_8).strip();
    }
}
