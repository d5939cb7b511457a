package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A stay may start at most {@code BOOKING_MAX_ADVANCE} (365 days) ahead: bookings and price quotes beyond it are 400,
 * and no far-away or out-of-range time is ever a 500 (or an endless price loop): search windows outside 1970–9999 are
 * 422.
 */
class BookingHorizonTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private static String window(UUID spot, String start, String end) {
        return "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}".formatted(spot, start, end);
    }

    private static Instant daysAhead(long days) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(days));
    }

    private long bookingsOf(UUID spot) {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE parking_spot_id = ?")
                .param(spot)
                .query(Long.class)
                .single();
    }

    private static void assertDetail(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
    }

    @Test
    void bookingsStartingBeyondTheHorizonAreRefusedAndNothingIsWritten() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"daily_rate\": 2000, \"monthly_rate\": 30000");

        for (String start : new String[] {
            daysAhead(366).toString(), "+275760-09-13T00:00:00Z", "9999-12-31T00:00:00Z", "2100-01-01T00:00:00.000Z"
        }) {
            String end = start.replace("T00", "T05");
            if (start.equals(daysAhead(366).toString())) {
                end = daysAhead(366).plus(Duration.ofHours(5)).toString();
            }
            var refused = http.post("/api/v1/bookings/", window(spot, start, end), driver.auth());
            assertDetail(refused, 400, "Bookings can start at most 365 days ahead");
        }
        assertThat(bookingsOf(spot)).isZero();

        Instant lastDay = daysAhead(364);
        var accepted = http.post(
                "/api/v1/bookings/",
                window(
                        spot,
                        lastDay.toString(),
                        lastDay.plus(Duration.ofHours(5)).toString()),
                driver.auth());
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        assertThat(bookingsOf(spot)).isOne();
    }

    @Test
    void priceQuotesHaveTheSameHorizonAndLongestStay() {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "\"daily_rate\": 2000, \"monthly_rate\": 30000");

        assertDetail(
                http.post(
                        "/api/v1/bookings/calculate-price",
                        window(spot, "+275760-09-13T00:00:00Z", "+275760-09-13T05:00:00Z")),
                400,
                "Bookings can start at most 365 days ahead");
        // this one used to price a quarter of a million years of months and days, and never answered
        long began = System.nanoTime();
        assertDetail(
                http.post(
                        "/api/v1/bookings/calculate-price",
                        window(spot, daysAhead(1).toString(), "+275760-09-13T00:00:00Z")),
                400,
                "Booking cannot last longer than 90 days");
        // before the earliest time PostgreSQL stores: not a datetime at all (shared.web.FlexibleInstants)
        var prehistoric = http.post(
                "/api/v1/bookings/calculate-price",
                window(spot, "-275760-09-13T00:00:00Z", daysAhead(1).toString()));
        assertThat(prehistoric.status()).as(prehistoric.body()).isEqualTo(422);
        assertThat(prehistoric.body()).contains("\"start_time\"").contains("Input should be a valid datetime");
        assertThat(Duration.ofNanos(System.nanoTime() - began)).isLessThan(Duration.ofSeconds(5));

        var ninetyDays = http.post(
                "/api/v1/bookings/calculate-price",
                window(spot, daysAhead(1).toString(), daysAhead(91).toString()));
        assertThat(ninetyDays.status()).as(ninetyDays.body()).isEqualTo(200);
        assertThat(ninetyDays.json().get("subtotal").asLong()).isEqualTo(90_000);
    }

    @Test
    void searchWindowsOutsideTheCalendarAre422NotServerErrors() {
        String[][] windows = {
            {
                "+275760-09-13T00:00:00Z",
                "+275760-09-13T05:00:00Z",
                "start_time must be between 1970-01-01 and 9999-12-31"
            },
            // beyond what PostgreSQL stores: not a datetime at all (shared.web.FlexibleInstants)
            {"+300000-01-01T00:00:00Z", "+300000-01-01T05:00:00Z", "Input should be a valid datetime"},
            {"-275760-09-13T00:00:00Z", daysAhead(1).toString(), "Input should be a valid datetime"},
            {daysAhead(1).toString(), "+300000-01-01T00:00:00Z", "Input should be a valid datetime"},
        };
        for (String path : new String[] {"/api/v1/parking-spots/search", "/api/v1/parking-spots/"}) {
            for (String[] w : windows) {
                var response = http.get(path + "?start_time=" + encode(w[0]) + "&end_time=" + encode(w[1]));
                assertThat(response.status())
                        .as(path + " " + w[0] + " " + response.body())
                        .isEqualTo(422);
                assertThat(response.body()).as(path + " " + w[0]).contains(w[2]);
            }
            // a search is only a read: it may look beyond the booking horizon (the spots' rules are checked there)
            for (String start : new String[] {daysAhead(300).toString(), "2100-01-01T00:00:00Z"}) {
                String end = Instant.parse(start).plus(Duration.ofHours(1)).toString();
                var within = http.get(path + "?start_time=" + encode(start) + "&end_time=" + encode(end));
                assertThat(within.status()).as(within.body()).isEqualTo(200);
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
