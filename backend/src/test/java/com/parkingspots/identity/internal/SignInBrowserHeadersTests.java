package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** With Google and Facebook sign-in configured, the web client's policy lets their scripts load and frame. */
class SignInBrowserHeadersTests extends IdentityFlowsTest {

    @Test
    void theWebClientMayUseGoogleAndFacebookSignIn() {
        Map<String, List<String>> csp = new LinkedHashMap<>();
        for (String directive : http.get("/", "Accept", "text/html")
                .header("Content-Security-Policy")
                .split(";")) {
            String[] parts = directive.strip().split("\\s+");
            csp.put(parts[0], Arrays.asList(parts).subList(1, parts.length));
        }
        assertThat(csp.get("script-src"))
                .containsExactly("'self'", "https://accounts.google.com/gsi/client", "https://connect.facebook.net");
        assertThat(csp.get("frame-src")).containsExactly("https://accounts.google.com/gsi/", "https://*.facebook.com");
        assertThat(csp.get("connect-src"))
                .contains("'self'", "https://accounts.google.com/gsi/", "https://*.facebook.com")
                .doesNotContain("https://api.stripe.com");
        assertThat(csp.get("style-src")).containsExactly("'self'", "https://accounts.google.com/gsi/style");
    }
}
