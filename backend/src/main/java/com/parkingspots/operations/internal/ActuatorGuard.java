package com.parkingspots.operations.internal;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The actuator on the public port: {@code /actuator/health/**} for probes, {@code /actuator/prometheus} only with the
 * {@code METRICS_TOKEN} bearer (401 without it), everything else (metrics, env, ...) 404 as if it did not exist. A
 * separate management port ({@code MANAGEMENT_PORT}) is a server of its own, which this filter never sees.
 */
final class ActuatorGuard extends OncePerRequestFilter {

    static final String PROMETHEUS = "/actuator/prometheus";
    private static final Pattern REPEATED_SLASHES = Pattern.compile("/{2,}");

    private final byte @Nullable [] token;

    ActuatorGuard(@Nullable String token) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = path(request);
        if (!path.equals("/actuator") && !path.startsWith("/actuator/")) {
            chain.doFilter(request, response);
            return;
        }
        if (path.equals("/actuator/health") || path.startsWith("/actuator/health/")) {
            chain.doFilter(request, response);
            return;
        }
        if (token != null && path.equals(PROMETHEUS)) {
            if (bearerMatches(request.getHeader("Authorization"))) {
                chain.doFilter(request, response);
            } else {
                response.setHeader("WWW-Authenticate", "Bearer");
                write(response, HttpServletResponse.SC_UNAUTHORIZED, "Not authenticated");
            }
            return;
        }
        write(response, HttpServletResponse.SC_NOT_FOUND, "Not Found");
    }

    private boolean bearerMatches(@Nullable String header) {
        if (header == null || token == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return false;
        }
        byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
        return MessageDigest.isEqual(presented, token);
    }

    /** The decoded, normalised path Tomcat maps (so {@code /%61ctuator/...} or {@code //actuator} cannot slip by). */
    static String path(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        String pathInfo = request.getPathInfo();
        String path = (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
        if (path.contains("//")) {
            path = REPEATED_SLASHES.matcher(path).replaceAll("/");
        }
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.isEmpty() ? "/" : path;
    }

    private static void write(HttpServletResponse response, int status, String detail) throws IOException {
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write("{\"detail\":\"" + detail + "\"}");
    }
}
