package com.parkingspots.shared.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes an error that is answered before Spring MVC runs (by a filter, the security firewall or Tomcat itself) in the
 * same shape as every other: JSON {@code {"detail": …}}, with the CORS headers a browser needs to read it (CONTRACT.md
 * Decisions 5 and 8).
 */
@Component
class ErrorResponses {

    private final CorsConfigurationSource cors;
    private final JsonMapper json;

    ErrorResponses(@Qualifier("corsConfigurationSource") CorsConfigurationSource cors, JsonMapper json) {
        this.cors = cors;
        this.json = json;
    }

    void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, Object detail)
            throws IOException {
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        allowOrigin(request, response);
        response.setStatus(status.value());
        // answered before Spring Security writes its headers: at least never sniffed as something else than JSON
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType(MediaType.APPLICATION_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        byte[] body = body(detail).getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    String body(Object detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("detail", detail);
        return json.writeValueAsString(body);
    }

    /** The CORS headers of an actual (non-preflight) response, when the request comes from an allowed origin. */
    void allowOrigin(HttpServletRequest request, HttpServletResponse response) {
        String origin = request.getHeader(HttpHeaders.ORIGIN);
        if (origin == null || response.containsHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN)) {
            return;
        }
        CorsConfiguration config = configuration(request);
        String allowed = config == null ? null : config.checkOrigin(origin);
        if (config == null || allowed == null) {
            return;
        }
        response.addHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
        response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowed);
        if (Boolean.TRUE.equals(config.getAllowCredentials())) {
            response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true");
        }
        if (config.getExposedHeaders() != null && !config.getExposedHeaders().isEmpty()) {
            response.setHeader(
                    HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, String.join(", ", config.getExposedHeaders()));
        }
    }

    @Nullable
    CorsConfiguration configuration(HttpServletRequest request) {
        try {
            CorsConfiguration config = cors.getCorsConfiguration(request);
            if (config != null) {
                return config;
            }
        } catch (RuntimeException unparseablePath) {
            // a URL Tomcat could not decode cannot be matched against path patterns: use the catch-all one
        }
        if (cors instanceof UrlBasedCorsConfigurationSource urls) {
            return urls.getCorsConfigurations().get("/**");
        }
        return null;
    }

    static HttpStatus status(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status != null ? status : HttpStatus.BAD_REQUEST;
    }

    /** The path of a request for a log line: no query string (it may carry a token), printable, short. */
    static String loggable(@Nullable String path) {
        if (path == null || path.isEmpty()) {
            return "?";
        }
        StringBuilder out = new StringBuilder(Math.min(path.length(), 120));
        for (int i = 0; i < path.length() && out.length() < 120; i++) {
            char c = path.charAt(i);
            out.append(c >= 0x20 && c < 0x7F ? c : '?');
        }
        if (path.length() > 120) {
            out.append("...");
        }
        return out.toString();
    }
}
