package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Http;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Stripe configured, the web client's policy lets Stripe.js load, frame its fields and call Stripe's API. */
class StripeBrowserHeadersTests extends StripeApiTest {

    @Test
    void theWebClientMayUseStripeJs() {
        Map<String, List<String>> csp = directives(http.get("/", "Accept", "text/html"));
        assertThat(csp.get("script-src")).containsExactly("'self'", "https://js.stripe.com", "https://*.js.stripe.com");
        assertThat(csp.get("frame-src"))
                .containsExactly("https://js.stripe.com", "https://*.js.stripe.com", "https://hooks.stripe.com");
        assertThat(csp.get("connect-src")).contains("'self'", "https://api.stripe.com");
        assertThat(csp.get("style-src")).containsExactly("'self'");
        assertThat(csp.get("style-src-attr")).containsExactly("'unsafe-inline'");
        assertThat(csp.get("frame-ancestors")).containsExactly("'none'");
    }

    private static Map<String, List<String>> directives(Http.Response response) {
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : response.header("Content-Security-Policy").split(";")) {
            String[] parts = directive.strip().split("\\s+");
            directives.put(parts[0], Arrays.asList(parts).subList(1, parts.length));
        }
        return directives;
    }
}
