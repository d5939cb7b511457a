package com.parkingspots.operations.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.parkingspots.support.Api;
import com.parkingspots.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** {@code MANAGEMENT_PORT} (a random one here) and {@code METRICS_TOKEN} both set. */
// a context of its own: closed afterwards, so its scheduler and database do not idle through the rest of the suite
@DirtiesContext
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

    private static final Path GRAFANA = Path.of("..", "deploy", "grafana", "parkingspots-dashboard.json");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*+(?!\\s*\\()");
    private static final Set<String> KEYWORDS = Set.of(
            "by", "without", "on", "ignoring", "group_left", "group_right", "bool", "offset", "and", "or", "unless");

    /** Every metric a panel of deploy/grafana's dashboard queries exists in a real scrape of the application. */
    @Test
    void everyMetricOfTheGrafanaDashboardIsInARealScrape() throws Exception {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(GRAFANA));
        Set<String> metrics = new TreeSet<>();
        Set<Integer> ids = new TreeSet<>();
        for (JsonNode panel : dashboard.get("panels")) {
            assertThat(ids.add(panel.get("id").asInt()))
                    .as("panel ids are unique")
                    .isTrue();
            assertThat(panel.get("targets").isEmpty())
                    .as(panel.get("title").asString())
                    .isFalse();
            for (JsonNode target : panel.get("targets")) {
                metrics.addAll(metricNames(target.get("expr").asString()));
            }
        }
        assertThat(ids).hasSizeGreaterThanOrEqualTo(10);
        assertThat(metrics)
                .contains(
                        "http_server_requests_seconds_bucket",
                        "parkingspots_bookings_total",
                        "parkingspots_payments_total",
                        "parkingspots_jobs_lag_seconds_bucket",
                        "parkingspots_websocket_connections",
                        "hikaricp_connections_active",
                        "jvm_memory_used_bytes");

        Http http = new Http(port);
        assertThat(http.get("/api/v1/parking-spots/?page_size=1").status()).isEqualTo(200);
        // job lag appears once a job ran: the recurring clean-up runs right after start
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .untilAsserted(() -> {
                    String scrape =
                            new Http(managementPort).get("/actuator/prometheus").body();
                    for (String metric : metrics) {
                        assertThat(scrape.contains("\n" + metric + "{") || scrape.contains("\n" + metric + " "))
                                .as(metric + " in the scrape")
                                .isTrue();
                    }
                });
    }

    static Set<String> metricNames(String expr) {
        String stripped = expr.replaceAll("\"[^\"]*\"", "\"\"")
                .replaceAll("\\{[^}]*\\}", " ")
                .replaceAll("\\[[^]]*\\]", " ")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", " ");
        Set<String> names = new TreeSet<>();
        Matcher matcher = NAME.matcher(stripped);
        while (matcher.find()) {
            String name = matcher.group();
            if (!KEYWORDS.contains(name) && !name.startsWith("$")) {
                names.add(name);
            }
        }
        return names;
    }
}
