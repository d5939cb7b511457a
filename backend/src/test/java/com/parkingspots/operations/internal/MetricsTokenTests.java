package com.parkingspots.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Http;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;

/** {@code METRICS_TOKEN} alone: scraping through the public port. */
// a context of its own: closed afterwards, so its scheduler and database do not idle through the rest of the suite
@DirtiesContext
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"parkingspots.operations.metrics-token=" + MetricsExposureTests.TOKEN})
class MetricsTokenTests {

    @LocalServerPort
    int port;

    @Test
    void aScraperWithTheTokenReadsPrometheusOnThePublicPort() {
        Http http = new Http(port);
        var denied = http.get("/actuator/prometheus");
        assertThat(denied.status()).isEqualTo(401);
        assertThat(denied.body()).isEqualTo("{\"detail\":\"Not authenticated\"}");
        assertThat(http.get("/actuator/prometheus", "Authorization", "Bearer " + MetricsExposureTests.TOKEN + "x")
                        .status())
                .isEqualTo(401);
        var scrape = http.get("/actuator/prometheus", "Authorization", "Bearer " + MetricsExposureTests.TOKEN);
        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body()).contains("http_server_requests_seconds_bucket", "parkingspots_bookings_total");
        assertThat(http.get("/actuator/env", "Authorization", "Bearer " + MetricsExposureTests.TOKEN)
                        .status())
                .isEqualTo(404);
        assertThat(http.get("/actuator/health").status()).isEqualTo(200);
    }
}
