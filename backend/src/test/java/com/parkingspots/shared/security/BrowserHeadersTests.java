package com.parkingspots.shared.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The browser security headers over real HTTP: the web client's HTML, its static files and the API carry the strict
 * {@code Content-Security-Policy}, {@code Referrer-Policy} and {@code Permissions-Policy}; Swagger UI gets its own.
 * Without Stripe or external sign-in configured, none of their origins is allowed.
 */
class BrowserHeadersTests extends ApiTest {

    @Test
    void theWebClientsPagesCarryAStrictPolicy() {
        for (Http.Response page : List.of(
                http.get("/", "Accept", "text/html"),
                http.get("/spots/some-spot", "Accept", "text/html"),
                http.get("/index.html"))) {
            assertThat(page.status()).isEqualTo(200);
            assertThat(page.body()).contains("spa-test-shell");
            Map<String, List<String>> csp = directives(page);
            assertThat(csp.get("default-src")).containsExactly("'self'");
            assertThat(csp.get("script-src")).containsExactly("'self'");
            assertThat(csp.get("style-src")).containsExactly("'self'");
            assertThat(csp).doesNotContainKey("style-src-attr");
            assertThat(csp.get("img-src")).containsExactly("'self'", "data:", "blob:", "https:");
            assertThat(csp.get("connect-src"))
                    .containsExactly("'self'", "ws://localhost:" + port, "wss://localhost:" + port);
            assertThat(csp.get("object-src")).containsExactly("'none'");
            assertThat(csp.get("base-uri")).containsExactly("'self'");
            assertThat(csp.get("form-action")).containsExactly("'self'");
            assertThat(csp.get("frame-ancestors")).containsExactly("'none'");
            assertThat(csp).doesNotContainKey("frame-src");
            assertThat(page.header("Content-Security-Policy"))
                    .doesNotContain("unsafe-inline")
                    .doesNotContain("unsafe-eval")
                    .doesNotContain("stripe")
                    .doesNotContain("google")
                    .doesNotContain("facebook");
            assertThat(page.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
            assertThat(page.header("Permissions-Policy")).isEqualTo("geolocation=(self), camera=(), microphone=()");
            assertThat(page.header("X-Content-Type-Options")).isEqualTo("nosniff");
            assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        }
    }

    @Test
    void apiAnswersAndErrorsCarryTheHeadersToo() {
        for (Http.Response response :
                List.of(http.get("/api/v1/config"), http.get("/api/v1/no-such-route"), http.get("/api/v1/users/me"))) {
            assertThat(directives(response).get("frame-ancestors")).containsExactly("'none'");
            assertThat(response.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        }
    }

    @Test
    void aHostHeaderThatIsNoHostAddsNoWebSocketSource() {
        var policy = new ContentSecurityPolicy(null, List.of());
        assertThat(policy.appPolicy("parking.example:8443"))
                .contains("connect-src 'self' ws://parking.example:8443 wss://parking.example:8443;");
        assertThat(policy.appPolicy("[::1]:8000")).contains("ws://[::1]:8000");
        for (String bad : new String[] {"evil.example; script-src *", "a b", "x'y", ""}) {
            assertThat(policy.appPolicy(bad)).as(bad).contains("connect-src 'self'; ");
        }
        assertThat(policy.appPolicy(null)).contains("connect-src 'self'; ");
    }

    @Test
    void swaggerUiGetsItsOwnPolicyAndStillLoads() {
        var ui = http.get("/swagger-ui/index.html");
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui-bundle.js");
        assertThat(ui.body())
                .as("its page has no inline script, so script-src stays 'self'")
                .doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        Map<String, List<String>> csp = directives(ui);
        assertThat(csp.get("script-src")).containsExactly("'self'");
        assertThat(csp.get("style-src")).containsExactly("'self'", "'unsafe-inline'");
        assertThat(csp.get("frame-ancestors")).containsExactly("'none'");
        var initializer = http.get("/swagger-ui/swagger-initializer.js");
        assertThat(initializer.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/openapi.json").status()).isEqualTo(200);
    }

    @Test
    void docsPathsAreRecognised() {
        assertThat(ContentSecurityPolicy.isDocs("/docs")).isTrue();
        assertThat(ContentSecurityPolicy.isDocs("/swagger-ui/index.html")).isTrue();
        assertThat(ContentSecurityPolicy.isDocs("/swagger-ui.html")).isTrue();
        assertThat(ContentSecurityPolicy.isDocs("/v3/api-docs/swagger-config")).isTrue();
        assertThat(ContentSecurityPolicy.isDocs("/docsearch")).isFalse();
        assertThat(ContentSecurityPolicy.isDocs("/spots/docs")).isFalse();
        assertThat(ContentSecurityPolicy.isDocs("/")).isFalse();
    }

    @Test
    void aPlainHttpTileServerIsAllowedForImagesAndHttpsOnesAreAlreadyCovered() {
        assertThat(ContentSecurityPolicy.tileOrigin("http://tiles.local:8080/{z}/{x}/{y}.png"))
                .isEqualTo("http://tiles.local:8080");
        assertThat(ContentSecurityPolicy.tileOrigin("http://{s}.tiles.local/{z}/{x}/{y}.png"))
                .isEqualTo("http://*.tiles.local");
        assertThat(ContentSecurityPolicy.tileOrigin("https://tile.openstreetmap.org/{z}/{x}/{y}.png"))
                .isNull();
        assertThat(ContentSecurityPolicy.tileOrigin("/tiles/{z}/{x}/{y}.png")).isNull();
        assertThat(ContentSecurityPolicy.tileOrigin(null)).isNull();
        var policy = new ContentSecurityPolicy("http://tiles.local:8080/{z}/{x}/{y}.png", List.of());
        assertThat(policy.appPolicy(null)).contains("img-src 'self' data: blob: https: http://tiles.local:8080;");
    }

    /** The policy of a response, directive → sources. */
    static Map<String, List<String>> directives(Http.Response response) {
        String header = response.header("Content-Security-Policy");
        assertThat(header).as("Content-Security-Policy").isNotNull();
        Map<String, List<String>> directives = new LinkedHashMap<>();
        for (String directive : header.split(";")) {
            String[] parts = directive.strip().split("\\s+");
            assertThat(directives).as("each directive once").doesNotContainKey(parts[0]);
            directives.put(parts[0], Arrays.asList(parts).subList(1, parts.length));
        }
        return directives;
    }
}
