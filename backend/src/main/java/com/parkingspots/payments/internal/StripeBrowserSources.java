package com.parkingspots.payments.internal;

import com.parkingspots.shared.security.BrowserSources;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * With Stripe configured, the web client loads Stripe.js, which frames its card fields and 3-D Secure pages and calls
 * Stripe's API (Stripe's security guide, "Content Security Policy"). Stripe.js also sets style attributes on the
 * elements it mounts, hence {@code style-src-attr 'unsafe-inline'} (attributes only: style sheets stay same-origin).
 */
@Component
class StripeBrowserSources implements BrowserSources {

    private final boolean enabled;

    StripeBrowserSources(PaymentProperties properties) {
        this.enabled = properties.stripe().enabled();
    }

    @Override
    public Map<String, List<String>> browserSources() {
        if (!enabled) {
            return Map.of();
        }
        return Map.of(
                "script-src", List.of("https://js.stripe.com", "https://*.js.stripe.com"),
                "frame-src", List.of("https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com"),
                "connect-src", List.of("https://api.stripe.com"),
                "style-src-attr", List.of("'unsafe-inline'"));
    }
}
