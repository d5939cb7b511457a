package com.parkingspots.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Who can read the metrics. By default (the shared test context: no {@code MANAGEMENT_PORT}, no {@code METRICS_TOKEN})
 * nobody on the public port: the actuator there is only health. {@link ManagementPortTests} and
 * {@link MetricsTokenTests} cover the two ways of opening it.
 */
class MetricsExposureTests extends ApiTest {

    static final String TOKEN = "metrics-token-for-the-scraper-0123456789";

    static final List<String> HIDDEN = List.of(
            "/actuator",
            "/actuator/",
            "/actuator/prometheus",
            "/actuator/prometheus/",
            "/actuator/metrics",
            "/actuator/metrics/http.server.requests",
            "/actuator/env",
            "/actuator/info",
            "/actuator/heapdump",
            "/%61ctuator/prometheus",
            "//actuator/prometheus",
            "/actuator;x=y/prometheus");

    @Test
    void theActuatorOnThePublicPortIsOnlyHealth() {
        for (String path : HIDDEN) {
            var response = http.get(path);
            assertThat(response.status()).as(path).isIn(400, 404);
            assertThat(response.body()).as(path).startsWith("{\"detail\":");
            assertThat(response.body()).as(path).doesNotContain("jvm_", "http_server_requests");
        }
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer anything")
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(http.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(http.get("/livez").status()).isEqualTo(200);
        assertThat(http.get("/readyz").status()).isEqualTo(200);
        assertThat(http.get("/health").status()).isEqualTo(200);
    }
}
