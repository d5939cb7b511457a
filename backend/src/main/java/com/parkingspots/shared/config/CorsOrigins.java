package com.parkingspots.shared.config;

import java.util.Arrays;
import java.util.List;

/** Parses {@code BACKEND_CORS_ORIGINS}: either {@code a,b,c} or a JSON list {@code ["a","b"]} as the seed's .env wrote it. */
public final class CorsOrigins {

    private CorsOrigins() {}

    public static List<String> parse(String raw) {
        String text = raw.strip();
        if (text.startsWith("[") && text.endsWith("]")) {
            text = text.substring(1, text.length() - 1);
        }
        return Arrays.stream(text.split(","))
                .map(String::strip)
                .map(s -> s.length() >= 2
                                && (s.startsWith("\"") && s.endsWith("\"") || s.startsWith("'") && s.endsWith("'"))
                        ? s.substring(1, s.length() - 1).strip()
                        : s)
                .map(s -> s.endsWith("/") ? s.substring(0, s.length() - 1) : s)
                .filter(s -> !s.isEmpty())
                .distinct()
                .toList();
    }
}
