package com.parkingspots.operations.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Feeds the dashboard's {@link RequestWindow} with API requests ({@code /api/...}): not the dashboard's own poll, not
 * the WebSocket (its "request" lasts as long as the connection), not static files, probes or the actuator.
 */
final class RequestRecorder extends OncePerRequestFilter {

    static final String DASHBOARD = "/api/v1/admin/dashboard";

    private final RequestWindow window;
    private final Clock clock;

    RequestRecorder(RequestWindow window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = ActuatorGuard.path(request);
        if (!counted(path)) {
            chain.doFilter(request, response);
            return;
        }
        long started = System.nanoTime();
        int status = 500;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            window.record(clock.millis() / 1000, (System.nanoTime() - started) / 1000, status);
        }
    }

    static boolean counted(String path) {
        return path.startsWith("/api/") && !path.equals(DASHBOARD) && !path.equals("/api/v1/ws");
    }
}
