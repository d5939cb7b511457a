package com.parkingspots.shared.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.RawHttp;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.logging.LogLevel;
import org.springframework.boot.logging.LoggerConfiguration;
import org.springframework.boot.logging.LoggingSystem;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * A rejected bad request is the client's mistake, not an incident: it leaves at most one log line, at WARN or below,
 * and never a stack trace, wherever it was refused (connector, firewall, request filter, controller advice).
 */
@ExtendWith(OutputCaptureExtension.class)
class BadRequestLoggingTests extends ApiTest {

    @Autowired
    LoggingSystem logging;

    @Test
    void aRejectedRequestLeavesAtMostOneLineAndNoStackTrace(CapturedOutput output) {
        // as in production (tests log only warnings by default): Tomcat's INFO line with a stack trace would show here
        LoggerConfiguration root = logging.getLoggerConfiguration(LoggingSystem.ROOT_LOGGER_NAME);
        logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, LogLevel.INFO);
        try {
            sendBadRequests(output);
        } finally {
            logging.setLogLevel(LoggingSystem.ROOT_LOGGER_NAME, root.getConfiguredLevel());
        }
    }

    private void sendBadRequests(CapturedOutput output) {
        RawHttp raw = new RawHttp(port);
        Api.Session owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        String bearer = "Bearer " + owner.accessToken();
        int from = output.getOut().length();

        List<String> traced = new ArrayList<>();
        java.util.function.Function<String, String[]> as = id -> {
            traced.add(id);
            return new String[] {"X-Request-Id", id, "Authorization", bearer, "Content-Type", "application/json"};
        };
        String run = UUID.randomUUID().toString().substring(0, 8);
        assertThat(raw.get("/api/v1/parking-spots/?q=%FF", as.apply("bad-utf8-" + run))
                        .status())
                .isEqualTo(400);
        assertThat(raw.get("/api/v1/parking-spots/search?city=%00", as.apply("nul-query-" + run))
                        .status())
                .isEqualTo(422);
        assertThat(raw.send("POST", "/api/v1/parking-spots/", body("{\"title\": \"a\\u0000\"}"), as.apply("nul-" + run))
                        .status())
                .isEqualTo(422);
        assertThat(raw.send(
                                "PUT",
                                "/api/v1/parking-spots/" + spot,
                                body("{\"hourly_rate\": 10000000000000000000000000}"),
                                as.apply("huge-" + run))
                        .status())
                .isEqualTo(422);
        assertThat(raw.send(
                                "POST",
                                "/api/v1/reviews/",
                                body("{\"booking_id\": \"" + spot + "\", \"overall_rating\": 1e999999}"),
                                as.apply("json-" + run))
                        .status())
                .isEqualTo(422);
        assertThat(raw.send("POST", "/api/v1/bookings/", body("{\"parking_spot_id\": "), as.apply("broken-" + run))
                        .status())
                .isEqualTo(422);
        assertThat(raw.get("/api/v1/parking-spots//" + run, as.apply("firewall-" + run))
                        .status())
                .isEqualTo(400);
        assertThat(raw.get("/api/v1/parking-spots/?q=" + "a".repeat(100_000), as.apply("long-" + run))
                        .status())
                .isEqualTo(414);
        assertThat(raw.send(
                                "POST",
                                "/api/v1/parking-spots/",
                                body("{"),
                                "X-Request-Id",
                                "large-" + run,
                                "Content-Type",
                                "application/json",
                                "Content-Length",
                                "9000000")
                        .status())
                .isEqualTo(413);
        traced.add("large-" + run);
        // refused by the connector before any filter: no request id, so find them by their path
        List<String> connector = List.of("%zz", "%00", "..%2f", "%c0%ae", "a b", "x\"y");
        for (String bad : connector) {
            assertThat(raw.get("/api/v1/conn-" + run + "/" + bad).status()).isEqualTo(400);
        }

        String log = output.getOut().substring(from) + output.getErr();
        assertThat(log).doesNotContain("\tat ").doesNotContain("ERROR").doesNotContain("Exception:");
        List<String> lines = log.lines().toList();
        for (String id : traced) {
            List<String> mine =
                    lines.stream().filter(l -> l.contains("[" + id + "]")).toList();
            assertThat(mine).as("log lines of " + id).hasSizeLessThanOrEqualTo(1);
            assertThat(mine).allSatisfy(l -> assertThat(l).containsAnyOf(" INFO [", " WARN [", "DEBUG ["));
        }
        // (a request line cut short at an illegal character has no path to log: count the valve's lines)
        List<String> refused = lines.stream()
                .filter(l -> l.contains(JsonErrorReportValve.class.getSimpleName()))
                .toList();
        assertThat(refused).hasSize(connector.size());
        assertThat(refused).allSatisfy(l -> assertThat(l).contains(" INFO ").contains("400"));
    }

    private static byte[] body(String json) {
        return json.getBytes(StandardCharsets.UTF_8);
    }
}
