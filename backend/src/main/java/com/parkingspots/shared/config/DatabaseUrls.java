package com.parkingspots.shared.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.jspecify.annotations.Nullable;

/**
 * Reads {@code DATABASE_URL} in the forms the seed and the usual tools write it: {@code postgresql://user:pass@host:port/db},
 * {@code postgres://…}, {@code postgresql+asyncpg://…} (the seed's compose file) and plain JDBC URLs.
 */
public final class DatabaseUrls {

    public record Jdbc(
            String url, @Nullable String username, @Nullable String password) {}

    private DatabaseUrls() {}

    public static Jdbc parse(String raw) {
        String text = raw.strip();
        if (text.startsWith("jdbc:postgresql:")) {
            return new Jdbc(text, null, null);
        }
        int schemeEnd = text.indexOf("://");
        if (schemeEnd < 0) {
            throw invalid(raw, "expected postgresql://user:password@host:port/database or a jdbc:postgresql: URL");
        }
        String scheme = text.substring(0, schemeEnd).toLowerCase();
        if (!(scheme.equals("postgres") || scheme.equals("postgresql") || scheme.startsWith("postgresql+"))) {
            throw invalid(raw, "unsupported scheme '" + scheme + "': only PostgreSQL is supported");
        }
        URI uri;
        try {
            uri = new URI("postgresql" + text.substring(schemeEnd));
        } catch (URISyntaxException e) {
            throw invalid(raw, e.getReason());
        }
        if (uri.getHost() == null || uri.getHost().isBlank()) {
            throw invalid(raw, "no host");
        }
        String database = uri.getRawPath() == null || uri.getRawPath().length() <= 1
                ? "postgres"
                : decode(uri.getRawPath().substring(1));
        StringBuilder jdbc = new StringBuilder("jdbc:postgresql://").append(uri.getHost());
        if (uri.getPort() > 0) {
            jdbc.append(':').append(uri.getPort());
        }
        jdbc.append('/').append(database);
        if (uri.getRawQuery() != null && !uri.getRawQuery().isBlank()) {
            jdbc.append('?').append(uri.getRawQuery());
        }
        String user = null;
        String password = null;
        if (uri.getRawUserInfo() != null) {
            String info = uri.getRawUserInfo();
            int colon = info.indexOf(':');
            user = decode(colon < 0 ? info : info.substring(0, colon));
            password = colon < 0 ? null : decode(info.substring(colon + 1));
        }
        return new Jdbc(jdbc.toString(), user, password);
    }

    private static String decode(String s) {
        return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static IllegalArgumentException invalid(String raw, String why) {
        String shown = raw.replaceAll("//([^:/@]+):[^@]*@", "//$1:***@");
        return new IllegalArgumentException("DATABASE_URL '" + shown + "' is not usable: " + why);
    }
}
