package com.parkingspots.shared.security;

import java.util.List;
import java.util.Map;

/**
 * Origins a module's browser integration loads from, added to the web client's {@code Content-Security-Policy} only
 * while that integration is configured (Stripe.js with {@code STRIPE_SECRET_KEY}, Google's sign-in script with
 * {@code GOOGLE_CLIENT_ID}, …). Read once at start-up.
 */
public interface BrowserSources {

    /** Directive → sources, e.g. {@code "script-src" → ["https://js.stripe.com"]}; empty when not configured. */
    Map<String, List<String>> browserSources();
}
