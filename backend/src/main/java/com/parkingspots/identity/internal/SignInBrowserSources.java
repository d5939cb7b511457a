package com.parkingspots.identity.internal;

import com.parkingspots.shared.security.BrowserSources;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the web client's external sign-in buttons load, only for the providers that are configured: Google Identity
 * Services ({@code accounts.google.com/gsi/…}: script, button frame, style sheet, calls) and the Facebook JavaScript
 * SDK ({@code connect.facebook.net}, frames and calls to {@code *.facebook.com}).
 */
@Component
class SignInBrowserSources implements BrowserSources {

    private final IdentityProperties properties;

    SignInBrowserSources(IdentityProperties properties) {
        this.properties = properties;
    }

    @Override
    public Map<String, List<String>> browserSources() {
        Map<String, List<String>> sources = new LinkedHashMap<>();
        if (properties.google().clientId() != null) {
            add(sources, "script-src", "https://accounts.google.com/gsi/client");
            add(sources, "frame-src", "https://accounts.google.com/gsi/");
            add(sources, "connect-src", "https://accounts.google.com/gsi/");
            add(sources, "style-src", "https://accounts.google.com/gsi/style");
        }
        if (properties.facebook().appId() != null) {
            add(sources, "script-src", "https://connect.facebook.net");
            add(sources, "frame-src", "https://*.facebook.com");
            add(sources, "connect-src", "https://*.facebook.com");
        }
        return sources;
    }

    private static void add(Map<String, List<String>> sources, String directive, String source) {
        sources.merge(
                directive,
                List.of(source),
                (a, b) -> java.util.stream.Stream.concat(a.stream(), b.stream()).toList());
    }
}
