package com.parkingspots.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.Http;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code MANAGEMENT_PORT} (a random one here) and {@code METRICS_TOKEN} both set. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"management.server.port=0", "parkingspots.operations.metrics-token=" + MetricsExposureTests.TOKEN
        })
class ManagementPortTests {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @Test
    void theManagementPortServesPrometheusWithTheApplicationsMeters() {
        Http http = new Http(port);
        Api api = new Api(http);
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(40 * 24, ChronoUnit.HOURS);
        assertThat(http.post(
                                "/api/v1/bookings/",
                                """
                        {"parking_spot_id": "%s", "start_time": "%s", "end_time": "%s"}""".formatted(spot, start, start.plus(1, ChronoUnit.HOURS)),
                                driver.auth())
                        .status())
                .isEqualTo(201);
        // unknown URLs must not become series of their own
        for (int i = 0; i < 3; i++) {
            assertThat(http.get("/api/v1/unknown-" + UUID.randomUUID()).status())
                    .isEqualTo(404);
        }

        var scrape = new Http(managementPort).get("/actuator/prometheus");
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_bucket")
                .contains("uri=\"/api/v1/bookings\"")
                .contains("parkingspots_bookings_total{event=\"created\"")
                .contains("parkingspots_payments_total")
                .contains("parkingspots_websocket_connections")
                .contains("parkingspots_spots_cache_requests_total")
                .contains("hikaricp_connections_active")
                .contains("jvm_memory_used_bytes")
                .doesNotContain("unknown-");
        assertThat(new Http(managementPort).get("/actuator/health").status()).isEqualTo(200);

        // the public port: prometheus only with the token, nothing else of the actuator
        assertThat(http.get("/actuator/prometheus").status()).isIn(401, 404);
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer wrong")
                        .status())
                .isIn(401, 404);
        assertThat(http.get("/actuator/metrics", "Authorization", "Bearer " + MetricsExposureTests.TOKEN)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/livez").status()).isEqualTo(200);
        assertThat(http.get("/readyz").status()).isEqualTo(200);
    }
}
