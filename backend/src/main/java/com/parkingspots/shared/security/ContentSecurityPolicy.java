package com.parkingspots.shared.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.security.web.header.HeaderWriter;

/**
 * The {@code Content-Security-Policy} of every response (ADR 3, README "Browser security headers"). The web client gets
 * a strict one: scripts and styles from this origin only (the built client has no inline script or style), images
 * also from {@code data:}, {@code blob:} and any {@code https:} host (map tiles, profile pictures), connections to this
 * origin and its WebSocket, nothing framed, no plugins, and no one may frame it; the origins of configured
 * integrations ({@link BrowserSources}) and of a plain-{@code http} tile server are added. Swagger UI ({@code /docs})
 * gets its own policy, which allows inline styles: it renders with style attributes.
 */
final class ContentSecurityPolicy implements HeaderWriter {

    static final String HEADER = "Content-Security-Policy";
    private static final Pattern HOST = Pattern.compile("(?:[A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+\\])(?::[0-9]{1,5})?");
    private static final List<String> DOCS_PATHS = List.of("/docs", "/swagger-ui", "/v3/api-docs");

    private final Map<String, List<String>> app;
    private final String docs;

    ContentSecurityPolicy(@Nullable String tileUrl, List<BrowserSources> integrations) {
        Map<String, Set<String>> directives = new LinkedHashMap<>();
        add(directives, "default-src", "'self'");
        add(directives, "script-src", "'self'");
        add(directives, "style-src", "'self'");
        add(directives, "img-src", "'self'", "data:", "blob:", "https:");
        add(directives, "font-src", "'self'", "data:");
        add(directives, "connect-src", "'self'");
        add(directives, "worker-src", "'self'");
        add(directives, "manifest-src", "'self'");
        add(directives, "object-src", "'none'");
        add(directives, "base-uri", "'self'");
        add(directives, "form-action", "'self'");
        add(directives, "frame-ancestors", "'none'");
        String tiles = tileOrigin(tileUrl);
        if (tiles != null) {
            add(directives, "img-src", tiles);
        }
        for (BrowserSources integration : integrations) {
            integration.browserSources().forEach((directive, sources) -> {
                if (!directive.matches("[a-z-]+")
                        || sources.stream().anyMatch(s -> s.isBlank() || s.contains(";") || s.contains(","))) {
                    throw new IllegalStateException("Malformed Content-Security-Policy source for " + directive);
                }
                add(directives, directive, sources.toArray(String[]::new));
            });
        }
        Map<String, List<String>> frozen = new LinkedHashMap<>();
        directives.forEach((directive, sources) -> frozen.put(directive, List.copyOf(sources)));
        this.app = frozen;
        this.docs = String.join(
                "; ",
                "default-src 'self'",
                "script-src 'self'",
                "style-src 'self' 'unsafe-inline'",
                "img-src 'self' data: https:",
                "font-src 'self' data:",
                "connect-src 'self'",
                "object-src 'none'",
                "base-uri 'self'",
                "form-action 'self'",
                "frame-ancestors 'none'");
    }

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        if (response.containsHeader(HEADER)) {
            return;
        }
        response.setHeader(HEADER, isDocs(request.getRequestURI()) ? docs : appPolicy(request.getHeader("Host")));
    }

    /**
     * The web client's policy as answered to a request for {@code host}: {@code 'self'} covers the WebSocket of the
     * same host in current browsers (CSP 3); {@code ws:} and {@code wss:} of the host are listed for older ones.
     */
    String appPolicy(@Nullable String host) {
        StringBuilder policy = new StringBuilder();
        app.forEach((directive, sources) -> {
            if (!policy.isEmpty()) {
                policy.append("; ");
            }
            policy.append(directive);
            sources.forEach(source -> policy.append(' ').append(source));
            if (directive.equals("connect-src")
                    && host != null
                    && HOST.matcher(host).matches()) {
                policy.append(" ws://").append(host).append(" wss://").append(host);
            }
        });
        return policy.toString();
    }

    String docsPolicy() {
        return docs;
    }

    static boolean isDocs(String path) {
        return DOCS_PATHS.stream()
                .anyMatch(p -> path.equals(p) || path.startsWith(p + "/") || path.startsWith(p + "."));
    }

    /**
     * The origin of a tile URL template that {@code https:} does not already cover ({@code http://tiles.local:8080}),
     * with Leaflet's {@code {s}} subdomain placeholder as a wildcard; null when there is nothing to add.
     */
    static @Nullable String tileOrigin(@Nullable String template) {
        if (template == null || !template.contains("://")) {
            return null; // unset (the client's https default) or on this origin
        }
        String url = template.strip().replace("{s}", "tiles-subdomain");
        int path = url.indexOf('/', url.indexOf("://") + 3);
        String origin = path < 0 ? url : url.substring(0, path);
        try {
            URI uri = URI.create(origin);
            if (!"http".equals(uri.getScheme()) || uri.getHost() == null) {
                return null;
            }
            return origin.replace("tiles-subdomain", "*");
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static void add(Map<String, Set<String>> directives, String directive, String... sources) {
        directives.computeIfAbsent(directive, d -> new LinkedHashSet<>()).addAll(List.of(sources));
    }
}
