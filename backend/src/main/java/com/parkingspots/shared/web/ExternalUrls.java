package com.parkingspots.shared.web;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * Links to other sites that the API stores and clients render as {@code <img src>} or links (spot photos, profile
 * pictures): only absolute {@code https:} URLs with a host and no user info. Everything else ({@code javascript:},
 * {@code data:}, {@code vbscript:}, {@code http:}, protocol-relative {@code //host}, relative paths) is refused, so a
 * stored value can neither run script in a client nor point at our own files (docs/decisions/0009).
 */
public final class ExternalUrls {

    private ExternalUrls() {}

    public static boolean isHttps(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            // whitespace and control characters let "java\tscript:" or "https:\n//" past naive parsers; a backslash is
            // read as a slash by browsers
            if (c <= 0x20 || c == 0x7f || c == '\\' || Character.isWhitespace(c) || Character.isISOControl(c)) {
                return false;
            }
        }
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null
                    && uri.getScheme().toLowerCase(Locale.ROOT).equals("https")
                    && !uri.isOpaque()
                    && uri.getHost() != null
                    && !uri.getHost().isEmpty()
                    && uri.getRawUserInfo() == null;
        } catch (URISyntaxException malformed) {
            return false;
        }
    }
}
