package com.parkingspots.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.parkingspots.identity.UserAccounts;
import com.parkingspots.shared.security.Role;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/v1/admin/dashboard} over real HTTP: who may read it, its shape, and that its figures follow traffic. */
class DashboardApiTests extends ApiTest {

    private static final String DASHBOARD = "/api/v1/admin/dashboard";

    @Autowired
    UserAccounts accounts;

    private String[] admin() {
        String email = Api.uniqueEmail("admin");
        accounts.ensureDemoUser(email, Api.PASSWORD, "Test admin", Role.ADMIN);
        var login = api.login(email, Api.PASSWORD);
        assertThat(login.status()).as(login.body()).isEqualTo(200);
        return new String[] {
            "Authorization", "Bearer " + login.json().get("access_token").asString()
        };
    }

    private JsonNode dashboard(String[] admin) {
        Http.Response response = http.get(DASHBOARD, admin);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void onlyAdminsReadTheDashboard() {
        var anonymous = http.get(DASHBOARD);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asString()).isEqualTo("Not authenticated");
        var invalid = http.get(DASHBOARD, "Authorization", "Bearer not-a-token");
        assertThat(invalid.status()).isEqualTo(401);
        assertThat(invalid.json().get("detail").asString()).isEqualTo("Could not validate credentials");
        for (String role : List.of("renter", "owner")) {
            var user = api.signUp(role);
            var forbidden = http.get(DASHBOARD, user.auth());
            assertThat(forbidden.status()).isEqualTo(403);
            assertThat(forbidden.body()).isEqualTo("{\"detail\":\"Not authorized\"}");
        }

        var ok = http.get(DASHBOARD + "/", admin());
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.header("Cache-Control")).isEqualTo("no-store");
        JsonNode json = ok.json();
        assertThat(json.propertyNames())
                .containsExactlyInAnyOrder(
                        "at",
                        "instance",
                        "window_seconds",
                        "requests",
                        "cache",
                        "db_pool",
                        "jobs",
                        "bookings_today",
                        "payments",
                        "websocket",
                        "jvm");
        assertThat(Instant.parse(json.get("at").asString())).isNotNull();
        assertThat(json.get("instance").propertyNames()).containsExactlyInAnyOrder("id", "role", "started_at");
        assertThat(json.get("instance").get("role").asString()).isEqualTo("all");
        assertThat(Instant.parse(json.get("instance").get("started_at").asString()))
                .isBefore(Instant.parse(json.get("at").asString()));
        assertThat(json.get("window_seconds").asInt()).isEqualTo(10);
        assertThat(json.get("requests").propertyNames())
                .containsExactlyInAnyOrder("per_second", "p50_ms", "p99_ms", "error_rate", "client_error_rate");
        assertThat(json.get("cache").propertyNames()).containsExactlyInAnyOrder("hit_rate", "hits", "misses");
        assertThat(json.get("db_pool").propertyNames()).containsExactlyInAnyOrder("active", "idle", "max", "pending");
        assertThat(json.get("db_pool").get("max").asInt()).isEqualTo(20);
        assertThat(json.get("jobs").propertyNames()).containsExactlyInAnyOrder("lag_p99_ms", "lag_max_ms", "executed");
        assertThat(json.get("bookings_today").propertyNames())
                .containsExactlyInAnyOrder("created", "confirmed", "cancelled");
        assertThat(json.get("payments").propertyNames()).containsExactlyInAnyOrder("succeeded", "failed");
        assertThat(json.get("websocket").get("connections").isNumber()).isTrue();
        JsonNode jvm = json.get("jvm");
        assertThat(jvm.propertyNames())
                .containsExactlyInAnyOrder("heap_used_bytes", "heap_max_bytes", "live_threads", "process_cpu");
        assertThat(jvm.get("heap_used_bytes").asLong()).isPositive();
        assertThat(jvm.get("heap_max_bytes").asLong())
                .isGreaterThanOrEqualTo(jvm.get("heap_used_bytes").asLong());
        assertThat(jvm.get("live_threads").asInt()).isPositive();
    }

    @Test
    void processCpuShowsTheCpuThisProcessUsedSinceThePreviousReading() {
        String[] admin = admin();
        http.get(DASHBOARD, admin); // the JVM measures CPU use from one reading to the next
        long until = System.nanoTime() + 400_000_000L;
        double sink = 0;
        while (System.nanoTime() < until) {
            sink += Math.sqrt(sink + 1); // one core busy, so the process used at least 1/cores of the machine
        }
        double cpu =
                http.get(DASHBOARD, admin).json().get("jvm").get("process_cpu").asDouble();
        assertThat(sink).isPositive();
        assertThat(cpu).isBetween(0.5 / Runtime.getRuntime().availableProcessors(), 1.0);
    }

    @Test
    void theDashboardIsInTheOpenApiDocument() {
        JsonNode paths = http.get("/api/v1/openapi.json").json().get("paths");
        assertThat(paths.has(DASHBOARD)).isTrue();
        assertThat(paths.get(DASHBOARD).has("get")).isTrue();
    }

    @Test
    void figuresFollowTheTraffic() {
        String[] admin = admin();
        JsonNode before = dashboard(admin);

        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 400");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(30 * 24 + 5, ChronoUnit.HOURS);
        var booked = http.post(
                "/api/v1/bookings/", """
                {"parking_spot_id": "%s", "start_time": "%s", "end_time": "%s", "vehicle_plate": "OPS1234"}""".formatted(spot, start, start.plus(2, ChronoUnit.HOURS)), driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        Instant later = start.plus(1, ChronoUnit.DAYS);
        var second = http.post(
                "/api/v1/bookings/", """
                {"parking_spot_id": "%s", "start_time": "%s", "end_time": "%s", "vehicle_plate": "OPS1234"}""".formatted(spot, later, later.plus(2, ChronoUnit.HOURS)), driver.auth());
        assertThat(second.status()).as(second.body()).isEqualTo(201);
        var cancelled =
                http.post("/api/v1/bookings/" + second.json().get("id").asString() + "/cancel", "{}", driver.auth());
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        // the spot's detail twice: a miss, then a hit of the detail cache
        assertThat(http.get("/api/v1/parking-spots/" + spot).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/parking-spots/" + spot).status()).isEqualTo(200);
        // a 404 of an unknown route and a 401: client errors, not server errors
        assertThat(http.get("/api/v1/no-such-route-" + UUID.randomUUID()).status())
                .isEqualTo(404);
        assertThat(http.get("/api/v1/bookings/", "Authorization", "Bearer nope").status())
                .isEqualTo(401);

        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(250))
                .untilAsserted(() -> {
                    JsonNode now = dashboard(admin);
                    JsonNode requests = now.get("requests");
                    assertThat(requests.get("per_second").asDouble()).isPositive();
                    assertThat(requests.get("p50_ms").asDouble()).isPositive();
                    assertThat(requests.get("p99_ms").asDouble())
                            .isGreaterThanOrEqualTo(requests.get("p50_ms").asDouble());
                    assertThat(requests.get("client_error_rate").asDouble()).isPositive();
                    assertThat(requests.get("error_rate").asDouble()).isZero();
                    assertThat(now.get("cache").get("hits").asLong()).isPositive();
                    assertThat(now.get("cache").get("hit_rate").asDouble()).isBetween(0.0, 1.0);

                    JsonNode today = now.get("bookings_today");
                    JsonNode earlier = before.get("bookings_today");
                    assertThat(today.get("created").asLong()
                                    - earlier.get("created").asLong())
                            .isGreaterThanOrEqualTo(2);
                    // the offline provider confirms a booking when it is made; the cancelled one no longer counts as
                    // confirmed
                    assertThat(today.get("confirmed").asLong()
                                    - earlier.get("confirmed").asLong())
                            .isGreaterThanOrEqualTo(1);
                    assertThat(today.get("cancelled").asLong()
                                    - earlier.get("cancelled").asLong())
                            .isGreaterThanOrEqualTo(1);
                    // offline payments are recorded by an asynchronous listener
                    assertThat(now.get("payments").get("succeeded").asLong()
                                    - before.get("payments").get("succeeded").asLong())
                            .isGreaterThanOrEqualTo(2);
                    assertThat(now.get("db_pool").get("max").asLong()).isEqualTo(20);
                });
    }

    @Test
    void theDashboardPollIsNotCountedAsTraffic() {
        String[] admin = admin();
        // let every other test's requests leave the window, polling only the dashboard meanwhile
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .untilAsserted(() -> {
                    JsonNode requests = dashboard(admin).get("requests");
                    assertThat(requests.get("per_second").asDouble()).isZero();
                    assertThat(requests.get("p50_ms").isNull()).isTrue();
                    assertThat(requests.get("error_rate").isNull()).isTrue();
                });
    }
}
