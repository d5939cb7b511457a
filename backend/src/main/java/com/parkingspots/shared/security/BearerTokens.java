package com.parkingspots.shared.security;

import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Reads the token of an {@code Authorization: Bearer …} header (the scheme case-insensitively). */
public final class BearerTokens {

    private BearerTokens() {}

    public static @Nullable String fromHeader(@Nullable String header) {
        if (header == null) {
            return null;
        }
        String value = header.strip();
        int space = value.indexOf(' ');
        if (space <= 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            return null;
        }
        String token = value.substring(space + 1).strip();
        return token.isEmpty() ? null : token;
    }
}
