package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** ADR 0011, offline payments: extending a stay, over real HTTP on the embedded PostgreSQL. */
class ExtensionsApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private static Instant hoursFromNow(long hours) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(hours + 2, ChronoUnit.HOURS);
    }

    private JsonNode book(Api.Session driver, UUID spot, Instant start, Instant end) {
        var response = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\",\"vehicle_plate\":\"EXT1\"}"
                        .formatted(spot, start, end),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    private Http.Response extend(Api.Session who, String bookingId, Instant end) {
        return http.post(
                "/api/v1/bookings/" + bookingId + "/extend", "{\"end_time\":\"%s\"}".formatted(end), who.auth());
    }

    private int paymentsTotal(String bookingId) {
        return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM payments WHERE booking_id = ? AND status = 'succeeded'")
                .param(UUID.fromString(bookingId))
                .query(Integer.class)
                .single();
    }

    private int paymentCount(String bookingId) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE booking_id = ?")
                .param(UUID.fromString(bookingId))
                .query(Integer.class)
                .single();
    }

    private Instant completeTaskAt(String bookingId) {
        return jdbc.sql("SELECT execution_time FROM scheduled_tasks WHERE task_name = ? AND task_instance = ?")
                .params(LifecycleTasks.COMPLETE, bookingId)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }

    static void await(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("Timed out waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void anExtensionRepricesTheWholeStayChargesTheDifferenceAndMovesAutoComplete() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        Instant start = hoursFromNow(20);
        String id = book(driver, spot, start, start.plus(2, ChronoUnit.HOURS))
                .get("id")
                .asString();
        await(() -> paymentCount(id) == 1, "the booking's offline payment");
        assertThat(completeTaskAt(id)).isEqualTo(start.plus(2, ChronoUnit.HOURS));

        var response = extend(driver, id, start.plus(4, ChronoUnit.HOURS));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var extension = response.json().get("extension");
        // 4 h at 500/h: subtotal 2000, fee 250, total 2250; the booking cost 1000 + 150 = 1150 so far
        assertThat(extension.get("status").asString()).isEqualTo("confirmed");
        assertThat(extension.get("subtotal").asInt()).isEqualTo(1000);
        assertThat(extension.get("service_fee").asInt()).isEqualTo(100);
        assertThat(extension.get("total_amount").asInt()).isEqualTo(1100);
        assertThat(extension.get("payment_status").asString()).isEqualTo("completed");
        assertThat(extension.get("previous_end_time").asString())
                .isEqualTo(start.plus(2, ChronoUnit.HOURS).toString());

        var booking = http.get("/api/v1/bookings/" + id, driver.auth()).json();
        assertThat(booking.get("end_time").asString())
                .isEqualTo(start.plus(4, ChronoUnit.HOURS).toString());
        assertThat(booking.get("subtotal").asInt()).isEqualTo(2000);
        assertThat(booking.get("service_fee").asInt()).isEqualTo(250);
        assertThat(booking.get("total_amount").asInt()).isEqualTo(2250);
        assertThat(booking.get("owner_payout").asInt()).isEqualTo(2000);
        assertThat(booking.get("pending_extension").isNull()).isTrue();
        // the extension's offline payment is recorded as the booking's was: by the payments module's listener
        await(() -> paymentCount(id) == 2, "the extension's offline payment");
        assertThat(paymentsTotal(id)).isEqualTo(2250);
        assertThat(completeTaskAt(id)).isEqualTo(start.plus(4, ChronoUnit.HOURS));

        // the extra time is taken: another driver cannot book it
        var other = api.signUp("renter");
        var taken = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start.plus(3, ChronoUnit.HOURS), start.plus(5, ChronoUnit.HOURS)),
                other.auth());
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.json().get("detail").asString()).isEqualTo("Time slot is already booked");
    }

    @Test
    void aDailyRateCapsTheExtensionLikeTheBooking() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 300, \"daily_rate\": 2000");
        Instant start = hoursFromNow(44);
        String id = book(driver, spot, start, start.plus(6, ChronoUnit.HOURS))
                .get("id")
                .asString();
        // 6 h: 1800; 10 h would be 3000 by the hour, capped at one day: 2000 → the extension costs 200 + 20 fee
        var extension =
                extend(driver, id, start.plus(10, ChronoUnit.HOURS)).json().get("extension");
        assertThat(extension.get("subtotal").asInt()).isEqualTo(200);
        assertThat(extension.get("total_amount").asInt()).isEqualTo(220);
        // 12 h still costs one day: nothing more to pay, and no payment is recorded
        var free = extend(driver, id, start.plus(12, ChronoUnit.HOURS)).json().get("extension");
        assertThat(free.get("total_amount").asInt()).isZero();
        assertThat(free.get("payment_status").asString()).isEqualTo("none");
        await(() -> paymentCount(id) == 2, "the paid extension's payment");
        assertThat(paymentsTotal(id))
                .isEqualTo(http.get("/api/v1/bookings/" + id, driver.auth())
                        .json()
                        .get("total_amount")
                        .asInt());
    }

    @Test
    void extensionsAreRefusedWithClearReasons() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        Instant start = hoursFromNow(68);
        // open 08:00-20:00 UTC every day
        String hours = "\"operating_hours\": {"
                + java.util.stream.Stream.of(
                                "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
                        .map(d -> "\"" + d + "\": {\"open\": \"08:00\", \"close\": \"20:00\"}")
                        .collect(java.util.stream.Collectors.joining(", "))
                + "}, \"time_zone\": \"UTC\"";
        UUID spot = api.createSpot(owner, hours);
        Instant day = start.truncatedTo(ChronoUnit.DAYS).plus(2, ChronoUnit.DAYS);
        String id = book(driver, spot, day.plus(10, ChronoUnit.HOURS), day.plus(12, ChronoUnit.HOURS))
                .get("id")
                .asString();

        var byOwner = extend(owner, id, day.plus(13, ChronoUnit.HOURS));
        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(byOwner.json().get("detail").asString()).isEqualTo("Only the driver who booked can extend the stay");
        var byStranger = extend(stranger, id, day.plus(13, ChronoUnit.HOURS));
        assertThat(byStranger.status()).isEqualTo(403);
        assertThat(extend(driver, UUID.randomUUID().toString(), day).status()).isEqualTo(404);

        var earlier = extend(driver, id, day.plus(11, ChronoUnit.HOURS));
        assertThat(earlier.status()).isEqualTo(400);
        assertThat(earlier.json().get("detail").asString()).isEqualTo("The new end must be after the current end");
        var closed = extend(driver, id, day.plus(21, ChronoUnit.HOURS));
        assertThat(closed.status()).isEqualTo(400);
        assertThat(closed.json().get("detail").asString()).isEqualTo("Parking spot is closed at the requested time");
        var tooLong = extend(driver, id, day.plus(100, ChronoUnit.DAYS));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("detail").asString()).isEqualTo("Booking cannot last longer than 90 days");

        var other = api.signUp("renter");
        book(other, spot, day.plus(13, ChronoUnit.HOURS), day.plus(14, ChronoUnit.HOURS));
        var conflict = extend(driver, id, day.plus(14, ChronoUnit.HOURS));
        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.json().get("detail").asString()).isEqualTo("Time slot is already booked");
        // back to back with the next booking is fine
        assertThat(extend(driver, id, day.plus(13, ChronoUnit.HOURS)).status()).isEqualTo(200);

        var malformed = http.post("/api/v1/bookings/" + id + "/extend", "{\"end_time\":\"soon\"}", driver.auth());
        assertThat(malformed.status()).isEqualTo(422);
        var missing = http.post("/api/v1/bookings/" + id + "/extend", "{}", driver.auth());
        assertThat(missing.status()).isEqualTo(422);

        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);
        var cancelled = extend(driver, id, day.plus(13, ChronoUnit.HOURS).plus(30, ChronoUnit.MINUTES));
        assertThat(cancelled.status()).isEqualTo(400);
        assertThat(cancelled.json().get("detail").asString()).startsWith("Only confirmed or in-progress bookings");
    }

    @Test
    void concurrentExtensionsOfOneBookingApplyOneAtATimeAndAddUp() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 400");
        Instant start = hoursFromNow(90);
        Instant end = start.plus(1, ChronoUnit.HOURS);
        String id = book(driver, spot, start, end).get("id").asString();
        int threads = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            for (int i = 1; i <= threads; i++) {
                Instant newEnd = end.plus(i * 30L, ChronoUnit.MINUTES);
                results.add(pool.submit(() -> {
                    go.await();
                    return extend(driver, id, newEnd);
                }));
            }
            go.countDown();
            int ok = 0;
            for (Future<Http.Response> result : results) {
                Http.Response r = result.get();
                assertThat(r.status()).as(r.body()).isIn(200, 400);
                if (r.status() == 200) {
                    ok++;
                } else {
                    assertThat(r.json().get("detail").asString())
                            .isEqualTo("The new end must be after the current end");
                }
            }
            assertThat(ok).isPositive();
            int confirmed = jdbc.sql(
                            "SELECT count(*) FROM booking_extensions WHERE booking_id = ? AND status = 'confirmed'")
                    .param(UUID.fromString(id))
                    .query(Integer.class)
                    .single();
            assertThat(confirmed).isEqualTo(ok);
            List<Instant[]> chain = jdbc.sql(
                            "SELECT previous_end_time, new_end_time FROM booking_extensions WHERE booking_id = ?"
                                    + " ORDER BY new_end_time")
                    .param(UUID.fromString(id))
                    .query((rs, n) -> new Instant[] {
                        rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()
                    })
                    .list();
            Instant previous = end;
            for (Instant[] link : chain) {
                assertThat(link[0])
                        .as("each extension starts where the previous one ended")
                        .isEqualTo(previous);
                previous = link[1];
            }
            var booking = http.get("/api/v1/bookings/" + id, driver.auth()).json();
            assertThat(booking.get("end_time").asString()).isEqualTo(previous.toString());
            long minutes = Duration.between(start, previous).toMinutes();
            long subtotal = 400 * minutes / 60;
            assertThat(booking.get("subtotal").asLong()).isEqualTo(subtotal);
            assertThat(booking.get("total_amount").asLong()).isEqualTo(subtotal + Math.round(subtotal * 0.1) + 50);
            int expectedPayments = 1 + ok;
            await(() -> paymentCount(id) == expectedPayments, "a payment per extension");
            assertThat(paymentsTotal(id)).isEqualTo(booking.get("total_amount").asInt());
        }
    }

    @Test
    void anExtensionRacingAnotherDriversBookingOfTheSameTimeLetsExactlyOneWin() throws Exception {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        for (int round = 0; round < 4; round++) {
            var driver = api.signUp("renter");
            var rival = api.signUp("renter");
            Instant start = hoursFromNow(120 + round * 10L);
            Instant end = start.plus(1, ChronoUnit.HOURS);
            String id = book(driver, spot, start, end).get("id").asString();
            CountDownLatch go = new CountDownLatch(1);
            try (ExecutorService pool = Executors.newFixedThreadPool(2)) {
                Future<Http.Response> extension = pool.submit(() -> {
                    go.await();
                    return extend(driver, id, end.plus(2, ChronoUnit.HOURS));
                });
                Future<Http.Response> booking = pool.submit(() -> {
                    go.await();
                    return http.post(
                            "/api/v1/bookings/",
                            "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                                    .formatted(spot, end.plus(1, ChronoUnit.HOURS), end.plus(3, ChronoUnit.HOURS)),
                            rival.auth());
                });
                go.countDown();
                int extended = extension.get().status();
                int booked = booking.get().status();
                assertThat(List.of(extended, booked))
                        .as("round %d: extension %d, booking %d", round, extended, booked)
                        .containsExactlyInAnyOrder(extended == 200 ? 200 : 409, extended == 200 ? 409 : 201);
            }
            int overlapping = jdbc.sql("""
                            SELECT count(*) FROM bookings a JOIN bookings b ON a.parking_spot_id = b.parking_spot_id
                                AND a.id < b.id
                                AND tstzrange(a.start_time, a.end_time) && tstzrange(b.start_time, b.end_time)
                            WHERE a.parking_spot_id = ? AND a.status IN ('confirmed', 'in_progress')
                                AND b.status IN ('confirmed', 'in_progress')""").param(spot).query(Integer.class).single();
            assertThat(overlapping).isZero();
        }
    }
}
