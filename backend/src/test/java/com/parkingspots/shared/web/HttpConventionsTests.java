package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.shared.security.Caller;
import com.parkingspots.support.Http;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** The HTTP conventions of CONTRACT.md Decisions 1, 4, 5 and 8, over real HTTP against the started server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(HttpConventionsTests.ProbeConfiguration.class)
class HttpConventionsTests {

    @LocalServerPort
    int port;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
    }

    @Test
    void rootAndHealthAnswerJson() {
        var root = http.get("/");
        assertThat(root.status()).isEqualTo(200);
        assertThat(root.json().get("message").asString()).isEqualTo("Welcome to ParkingSpots API");
        assertThat(root.json().get("docs").asString()).isEqualTo("/docs");
        assertThat(root.json().has("version")).isTrue();

        var health = http.get("/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("healthy");
    }

    @Test
    void probesAndApiDocsAreServed() {
        assertThat(http.get("/livez").status()).isEqualTo(200);
        assertThat(http.get("/readyz").status()).isEqualTo(200);
        var openapi = http.get("/api/v1/openapi.json");
        assertThat(openapi.status()).isEqualTo(200);
        assertThat(openapi.json().get("openapi").asString()).startsWith("3.");
        var docs = http.get("/docs");
        assertThat(docs.status()).isEqualTo(302);
        var ui = http.get(docs.header("Location"));
        assertThat(ui.status()).isEqualTo(200);
        assertThat(ui.body()).contains("swagger-ui");
        assertThat(http.get("/api/v1/openapi.json/swagger-config")
                        .json()
                        .get("url")
                        .asString())
                .isEqualTo("/api/v1/openapi.json");
    }

    @Test
    void theWebClientIsServedForPagesAndClientRoutesButNeverForApiPaths() {
        var page = http.get("/", "Accept", "text/html,application/xhtml+xml");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.body()).contains("spa-test-shell");
        var route = http.get("/spots/123/book", "Accept", "text/html");
        assertThat(route.status()).isEqualTo(200);
        assertThat(route.body()).contains("spa-test-shell");
        assertThat(http.get("/reset-password?token=abc", "Accept", "text/html").body())
                .contains("spa-test-shell");

        assertThat(http.get("/", "Accept", "application/json")
                        .json()
                        .get("message")
                        .asString())
                .isEqualTo("Welcome to ParkingSpots API");
        var api = http.get("/api/v1/unknown/route", "Accept", "text/html");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.json().get("detail").asString()).isEqualTo("Not Found");
        assertThat(http.get("/assets/missing-chunk.js").status()).isEqualTo(404);
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneIncomingOneIsKept() {
        String generated = http.get("/health").header("X-Request-Id");
        assertThat(generated).isNotBlank();
        assertThat(http.get("/health").header("X-Request-Id")).isNotEqualTo(generated);
        assertThat(http.get("/api/v1/nope", "X-Request-Id", "lb-1234").header("X-Request-Id"))
                .isEqualTo("lb-1234");
        assertThat(http.get("/health", "X-Request-Id", "bad id\twith spaces").header("X-Request-Id"))
                .isNotEqualTo("bad id\twith spaces");
    }

    @Test
    void clientConfigurationGathersEveryModulesPublicSettings() {
        var config = http.get("/api/v1/config/");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().has("google_client_id")).isTrue();
        assertThat(config.json().has("tile_url")).isTrue();
        assertThat(config.json().get("default_currency").asString()).isEqualTo("usd");
        assertThat(config.body()).doesNotContainIgnoringCase("secret");
    }

    @Test
    void unknownRouteIsJson404() {
        var response = http.get("/api/v1/no-such-thing");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/json");
        assertThat(response.json().get("detail").asString()).isEqualTo("Not Found");
    }

    @Test
    void wrongMethodIsJson405() {
        var response = http.send("DELETE", "/health", null);
        assertThat(response.status()).isEqualTo(405);
        assertThat(response.json().get("detail").asString()).isEqualTo("Method Not Allowed");
    }

    @Test
    void malformedJsonIs422WithJsonInvalid() {
        var response = http.post("/api/v1/_probe/things", "{\"name\": \"x\",");
        assertThat(response.status()).isEqualTo(422);
        JsonNode item = response.json().get("detail").get(0);
        assertThat(item.get("type").asString()).isEqualTo("json_invalid");
        assertThat(item.get("loc").get(0).asString()).isEqualTo("body");
    }

    @Test
    void validationErrorsAreAFastApiStyleList() {
        var response = http.post("/api/v1/_probe/things", "{\"display_name\": \"\", \"count\": 0}");
        assertThat(response.status()).isEqualTo(422);
        JsonNode detail = response.json().get("detail");
        assertThat(detail.isArray()).isTrue();
        assertThat(detail).anySatisfy(item -> {
            assertThat(item.get("loc").get(0).asString()).isEqualTo("body");
            assertThat(item.get("loc").get(1).asString()).isEqualTo("display_name");
            assertThat(item.get("msg").asString()).isNotBlank();
            assertThat(item.get("type").asString()).isNotBlank();
        });
        assertThat(detail)
                .anySatisfy(
                        item -> assertThat(item.get("loc").get(1).asString()).isEqualTo("count"));
        assertThat(detail).anySatisfy(item -> {
            assertThat(item.get("loc").get(1).asString()).isEqualTo("starts_at");
            assertThat(item.get("type").asString()).isEqualTo("missing");
        });
    }

    @Test
    void aFractionIsNotSilentlyAcceptedAsAnInteger() {
        var response = http.post(
                "/api/v1/_probe/things",
                "{\"display_name\": \"ok\", \"count\": 5.5, \"starts_at\": \"2026-02-10T09:00:00Z\"}");
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().get("detail").get(0).get("loc").get(1).asString())
                .isEqualTo("count");
    }

    @Test
    void jsonIsSnakeCaseIgnoresUnknownFieldsAndReadsNaiveTimesAsUtc() {
        var response = http.post(
                "/api/v1/_probe/things",
                "{\"display_name\": \"ok\", \"count\": 3, \"starts_at\": \"2026-02-10T09:00:00\", \"surprise\": true}");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("display_name").asString()).isEqualTo("ok");
        assertThat(response.json().get("starts_at").asString()).isEqualTo("2026-02-10T09:00:00Z");
        assertThat(response.json().get("id").asString())
                .isEqualTo(response.json().get("id").asString().toLowerCase());

        var withOffset = http.post(
                "/api/v1/_probe/things",
                "{\"display_name\": \"ok\", \"count\": 3, \"starts_at\": \"2026-02-10T11:00:00+02:00\"}");
        assertThat(withOffset.json().get("starts_at").asString()).isEqualTo("2026-02-10T09:00:00Z");
    }

    @Test
    void malformedUuidInPathIs404NeverA500() {
        var response = http.get("/api/v1/_probe/things/not-a-uuid");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).isEqualTo("Thing not found");
        assertThat(http.get("/api/v1/_probe/things/" + UUID.randomUUID()).status())
                .isEqualTo(200);
    }

    @Test
    void badQueryParameterIs422() {
        var response = http.get("/api/v1/_probe/page?page=abc");
        assertThat(response.status()).isEqualTo(422);
        JsonNode item = response.json().get("detail").get(0);
        assertThat(item.get("loc").get(0).asString()).isEqualTo("query");
        assertThat(item.get("loc").get(1).asString()).isEqualTo("page");
        assertThat(http.get("/api/v1/_probe/page?page=0").status()).isEqualTo(422);
        assertThat(http.get("/api/v1/_probe/page?page=2").json().get("page").asInt())
                .isEqualTo(2);
    }

    @Test
    void unexpectedExceptionIsA500WithoutDetailsLeaking() {
        var response = http.get("/api/v1/_probe/boom");
        assertThat(response.status()).isEqualTo(500);
        assertThat(response.json().get("detail").asString()).isEqualTo("Internal Server Error");
        assertThat(response.body()).doesNotContain("secret internals");
    }

    @Test
    void everyRouteAnswersWithAndWithoutTrailingSlashWithoutRedirect() {
        var bare = http.get("/api/v1/_probe/page");
        var slash = http.get("/api/v1/_probe/page/");
        assertThat(bare.status()).isEqualTo(200);
        assertThat(slash.status()).isEqualTo(200);
        assertThat(slash.body()).isEqualTo(bare.body());
        assertThat(http.get("/health/").status()).isEqualTo(200);
        assertThat(http.post(
                                "/api/v1/_probe/things/",
                                "{\"display_name\": \"ok\", \"count\": 1, \"starts_at\": \"2026-02-10T09:00:00Z\"}")
                        .status())
                .isEqualTo(200);
    }

    @Test
    void protectedEndpointsSay401NotAuthenticatedWithBearerChallenge() {
        var none = http.get("/api/v1/_probe/me");
        assertThat(none.status()).isEqualTo(401);
        assertThat(none.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(none.json().get("detail").asString()).isEqualTo("Not authenticated");

        var garbage = http.get("/api/v1/_probe/me", "Authorization", "Bearer not.a.token");
        assertThat(garbage.status()).isEqualTo(401);
        assertThat(garbage.json().get("detail").asString()).isEqualTo("Could not validate credentials");
    }

    @Test
    void publicEndpointsIgnoreABadToken() {
        var response = http.get("/api/v1/_probe/page", "Authorization", "Bearer expired.or.forged");
        assertThat(response.status()).isEqualTo(200);
    }

    @Test
    void corsPreflightNeedsNoAuth() {
        var response = http.send(
                "OPTIONS",
                "/api/v1/_probe/me",
                null,
                "Origin",
                "http://localhost:3000",
                "Access-Control-Request-Method",
                "POST",
                "Access-Control-Request-Headers",
                "authorization,content-type");
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST");
    }

    @Test
    void corsHeadersAreOnErrorResponsesToo() {
        for (String path : new String[] {"/api/v1/_probe/me", "/api/v1/no-such-thing", "/api/v1/_probe/boom"}) {
            var response = http.get(path, "Origin", "http://localhost:3000");
            assertThat(response.status()).isGreaterThanOrEqualTo(400);
            assertThat(response.header("Access-Control-Allow-Origin")).as(path).isEqualTo("http://localhost:3000");
        }
        var unknownOrigin = http.get("/api/v1/_probe/page", "Origin", "http://evil.example");
        assertThat(unknownOrigin.header("Access-Control-Allow-Origin")).isNull();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class ProbeConfiguration {
        @org.springframework.context.annotation.Bean
        ProbeController probeController() {
            return new ProbeController();
        }
    }

    record NewThing(
            @NotBlank @Size(min = 2, max = 20) String displayName,
            @Min(1) @Max(10) int count,
            @NotNull Instant startsAt) {}

    record Thing(UUID id, String displayName, int count, Instant startsAt) {}

    @RestController
    static class ProbeController {
        @PostMapping("/api/v1/_probe/things")
        Thing create(@Valid @RequestBody NewThing body) {
            return new Thing(UUID.randomUUID(), body.displayName(), body.count(), body.startsAt());
        }

        @GetMapping("/api/v1/_probe/things/{id}")
        Map<String, Object> get(@PathVariable @NotFoundDetail("Thing not found") UUID id) {
            return Map.of("id", id);
        }

        @GetMapping("/api/v1/_probe/page")
        Map<String, Object> page(@RequestParam(defaultValue = "1") @Min(1) int page) {
            return Map.of("page", page);
        }

        @GetMapping("/api/v1/_probe/boom")
        Map<String, Object> boom() {
            throw new IllegalStateException("secret internals");
        }

        @GetMapping("/api/v1/_probe/me")
        Map<String, Object> me(Caller caller) {
            return Map.of("id", caller.id());
        }
    }
}
