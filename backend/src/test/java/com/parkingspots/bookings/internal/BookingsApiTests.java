package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** CONTRACT.md 3.5 and 3.9 with Decisions 11–16 (offline payments), over real HTTP on the embedded PostgreSQL. */
class BookingsApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    /** Whole hours from now, at a minute boundary in the future (days ahead so no other test's slot is near). */
    private static Instant hoursFromNow(long hours) {
        return Instant.now().truncatedTo(ChronoUnit.HOURS).plus(hours + 2, ChronoUnit.HOURS);
    }

    private static String body(UUID spotId, Instant start, Instant end) {
        return """
                {"parking_spot_id": "%s", "start_time": "%s", "end_time": "%s", "vehicle_plate": "ZAK1234",
                 "vehicle_make": "Toyota", "vehicle_model": "Yaris", "vehicle_color": "Red"}""".formatted(spotId, start, end);
    }

    private Http.Response book(Api.Session driver, UUID spotId, Instant start, Instant end) {
        return http.post("/api/v1/bookings/", body(spotId, start, end), driver.auth());
    }

    private JsonNode booked(Api.Session driver, UUID spotId, Instant start, Instant end) {
        var response = book(driver, spotId, start, end);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    // --- price ---

    @Test
    void calculatePriceIsPublicAndExact() {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        Instant start = hoursFromNow(24);
        var price = http.post(
                "/api/v1/bookings/calculate-price",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plus(8, ChronoUnit.HOURS)));
        assertThat(price.status()).isEqualTo(200);
        var json = price.json();
        assertThat(json.get("subtotal").asLong()).isEqualTo(4000);
        assertThat(json.get("service_fee").asLong()).isEqualTo(450);
        assertThat(json.get("total").asLong()).isEqualTo(4450);
        assertThat(json.get("owner_payout").asLong()).isEqualTo(4000);
        assertThat(json.get("duration_hours").asDouble()).isEqualTo(8.0);
        assertThat(json.get("duration_hours").isFloatingPointNumber()).isTrue();

        UUID daily = api.createSpot(owner, "\"hourly_rate\": 300, \"daily_rate\": 2000");
        var thirtyHours = http.post(
                "/api/v1/bookings/calculate-price",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(daily, start, start.plus(30, ChronoUnit.HOURS)));
        assertThat(thirtyHours.json().get("subtotal").asLong()).isEqualTo(3800);
    }

    @Test
    void calculatePriceRejectsUnknownSpotsAndBackwardsTimes() {
        Instant start = hoursFromNow(24);
        var unknown = http.post(
                "/api/v1/bookings/calculate-price",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(UUID.randomUUID(), start, start.plusSeconds(3600)));
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Parking spot not found");
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        var backwards = http.post(
                "/api/v1/bookings/calculate-price",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}".formatted(spot, start, start));
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().get("detail").asString()).isEqualTo("End time must be after start time");
        var malformed = http.post(
                "/api/v1/bookings/calculate-price",
                "{\"parking_spot_id\":\"nope\",\"start_time\":\"%s\",\"end_time\":\"%s\"}".formatted(start, start));
        assertThat(malformed.status()).isEqualTo(422);
    }

    // --- create ---

    @Test
    void offlineBookingIsConfirmedAtOnceWithTheFullContractShape() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 300");
        Instant start = hoursFromNow(30);
        var response = book(driver, spot, start, start.plus(2, ChronoUnit.HOURS));
        assertThat(response.status()).isEqualTo(201);
        var b = response.json();
        assertThat(b.get("status").asString()).isEqualTo("confirmed");
        assertThat(b.get("payment_status").asString()).isEqualTo("completed");
        assertThat(b.get("total_amount").asInt()).isEqualTo(710);
        assertThat(b.get("service_fee").asInt()).isEqualTo(110);
        assertThat(b.get("owner_payout").asInt()).isEqualTo(600);
        assertThat(b.get("user_id").asString()).isEqualTo(driver.id().toString());
        assertThat(b.get("parking_spot_id").asString()).isEqualTo(spot.toString());
        assertThat(b.get("start_time").asString()).isEqualTo(start.toString());
        assertThat(b.get("vehicle_plate").asString()).isEqualTo("ZAK1234");
        assertThat(b.has("cancellation_reason")).isTrue();
        assertThat(b.get("cancellation_reason").isNull()).isTrue();
        assertThat(b.get("checked_in_at").isNull()).isTrue();
        assertThat(b.get("created_at").asString()).endsWith("Z");
        var nested = b.get("parking_spot");
        assertThat(nested.get("id").asString()).isEqualTo(spot.toString());
        assertThat(nested.get("state").asString()).isEqualTo("Central Macedonia");
        assertThat(nested.get("prefecture").asString()).isEqualTo("Central Macedonia");
        assertThat(nested.get("city").asString()).isEqualTo("Thessaloniki");
    }

    @Test
    void naiveDatetimesAreReadAsUtc() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(40);
        String naiveStart = start.toString().replace("Z", "");
        String naiveEnd = start.plus(1, ChronoUnit.HOURS).toString().replace("Z", "");
        var response = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, naiveStart, naiveEnd),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        assertThat(response.json().get("start_time").asString()).isEqualTo(start.toString());
    }

    @Test
    void checksRunInTheContractsOrderWithItsMessages() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(50);

        assertDetail(book(driver, UUID.randomUUID(), start, start.minusSeconds(60)), 404, "Parking spot not found");
        assertDetail(book(driver, spot, start, start), 400, "End time must be after start time");
        assertDetail(book(driver, spot, start, start.minusSeconds(3600)), 400, "End time must be after start time");
        Instant past = Instant.now().minus(2, ChronoUnit.HOURS);
        assertDetail(book(driver, spot, past, past.plusSeconds(3600)), 400, "Cannot book in the past");
        assertDetail(
                book(driver, spot, start, start.plusSeconds(10 * 60)), 400, "Booking must last at least 30 minutes");
        assertDetail(
                book(driver, spot, start, start.plus(91, ChronoUnit.DAYS)),
                400,
                "Booking cannot last longer than 90 days");

        var paused = http.send("PUT", "/api/v1/parking-spots/" + spot, "{\"is_available\": false}", owner.auth());
        assertThat(paused.status()).isEqualTo(200);
        assertDetail(book(driver, spot, start, start.plusSeconds(3600)), 400, "Parking spot is not available");
    }

    @Test
    void operatingHoursAreEnforced() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        String hours = "{"
                + String.join(
                        ", ",
                        List.of("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday").stream()
                                .map(d -> "\"" + d + "\": {\"open\": \"08:00\", \"close\": \"20:00\"}")
                                .toList())
                + "}";
        UUID spot = api.createSpot(owner, "\"time_zone\": \"UTC\", \"operating_hours\": " + hours);
        Instant day = Instant.now().truncatedTo(ChronoUnit.DAYS).plus(3, ChronoUnit.DAYS);
        var night = book(driver, spot, day.plus(21, ChronoUnit.HOURS), day.plus(23, ChronoUnit.HOURS));
        assertThat(night.status()).as(night.body()).isEqualTo(400);
        var overlapsClosing = book(driver, spot, day.plus(19, ChronoUnit.HOURS), day.plus(21, ChronoUnit.HOURS));
        assertThat(overlapsClosing.status()).isEqualTo(400);
        assertThat(book(driver, spot, day.plus(9, ChronoUnit.HOURS), day.plus(11, ChronoUnit.HOURS))
                        .status())
                .isEqualTo(201);
    }

    @Test
    void overlappingBookingIs409ButBackToBackIsFine() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var other = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(60);
        booked(driver, spot, start, start.plus(2, ChronoUnit.HOURS));
        assertDetail(
                book(other, spot, start.plus(1, ChronoUnit.HOURS), start.plus(3, ChronoUnit.HOURS)),
                409,
                "Time slot is already booked");
        assertDetail(
                book(other, spot, start.minus(1, ChronoUnit.HOURS), start.plus(3, ChronoUnit.HOURS)),
                409,
                "Time slot is already booked");
        assertThat(book(other, spot, start.plus(2, ChronoUnit.HOURS), start.plus(3, ChronoUnit.HOURS))
                        .status())
                .isEqualTo(201);
        assertThat(book(other, spot, start.minus(1, ChronoUnit.HOURS), start).status())
                .isEqualTo(201);
    }

    @Test
    void invalidBodiesAre422AndWriteNothing() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(70);
        long before = count();
        var plate = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\",\"vehicle_plate\":\"%s\"}"
                        .formatted(spot, start, start.plusSeconds(3600), "P".repeat(21)),
                driver.auth());
        assertThat(plate.status()).isEqualTo(422);
        assertThat(plate.json().get("detail").get(0).get("loc").get(1).asString())
                .isEqualTo("vehicle_plate");
        assertThat(http.post("/api/v1/bookings", "{\"parking_spot_id\":\"%s\"}".formatted(spot), driver.auth())
                        .status())
                .isEqualTo(422);
        assertThat(http.post(
                                "/api/v1/bookings",
                                "{\"parking_spot_id\":\"%s\",\"start_time\":\"tomorrow\",\"end_time\":\"%s\"}"
                                        .formatted(spot, start),
                                driver.auth())
                        .status())
                .isEqualTo(422);
        assertThat(count()).isEqualTo(before);
        assertThat(book(driver, spot, start, start.plusSeconds(3600)).status()).isEqualTo(201);
        assertThat(http.post("/api/v1/bookings", body(spot, start, start.plusSeconds(3600)))
                        .status())
                .as("anonymous")
                .isEqualTo(401);
    }

    // --- reads ---

    @Test
    void bookingsAreVisibleToTheDriverTheOwnerAndAdminsOnly() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(80);
        String id =
                booked(driver, spot, start, start.plusSeconds(3600)).get("id").asString();

        assertThat(http.get("/api/v1/bookings/" + id, driver.auth()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/bookings/" + id, owner.auth()).status()).isEqualTo(200);
        assertDetail(http.get("/api/v1/bookings/" + id, stranger.auth()), 403, "Not authorized to view this booking");
        assertDetail(http.get("/api/v1/bookings/" + UUID.randomUUID(), driver.auth()), 404, "Booking not found");
        assertDetail(http.get("/api/v1/bookings/not-a-uuid", driver.auth()), 404, "Booking not found");
        assertThat(http.get("/api/v1/bookings/" + id).status()).isEqualTo(401);

        var mine = http.get("/api/v1/bookings/", driver.auth()).json();
        assertThat(mine).extracting(b -> b.get("id").asString()).containsExactly(id);
        assertThat(http.get("/api/v1/bookings", stranger.auth()).json()).isEmpty();
        var onMySpots = http.get("/api/v1/bookings/owner", owner.auth()).json();
        assertThat(onMySpots).extracting(b -> b.get("id").asString()).containsExactly(id);
        // the owner sees who parks (display name only), the driver's own list does not need it
        assertThat(onMySpots.get(0).get("driver_name").asString()).isEqualTo("Test renter");
        assertThat(onMySpots.get(0).toString()).doesNotContain(driver.email()).doesNotContain("+3021");
        assertThat(http.get("/api/v1/bookings/owner", stranger.auth()).json()).isEmpty();
        assertThat(http.get("/api/v1/bookings?status_filter=confirmed", driver.auth())
                        .json())
                .hasSize(1);
        assertThat(http.get("/api/v1/bookings?status_filter=cancelled", driver.auth())
                        .json())
                .isEmpty();
        assertThat(http.get("/api/v1/bookings?status_filter=bogus", driver.auth())
                        .status())
                .isEqualTo(422);

        String adminEmail = Api.uniqueEmail("admin");
        api.register(adminEmail, Api.PASSWORD, "An Admin", "renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE email = ?")
                .param(adminEmail)
                .update();
        String adminToken =
                api.login(adminEmail, Api.PASSWORD).json().get("access_token").asString();
        assertThat(http.get("/api/v1/bookings/" + id, "Authorization", "Bearer " + adminToken)
                        .status())
                .isEqualTo(200);
    }

    // --- transitions ---

    @Test
    void driverCancelsThroughTheWebClientsCallAndTheSlotIsFreed() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var other = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(90);
        String id =
                booked(driver, spot, start, start.plusSeconds(3600)).get("id").asString();

        assertDetail(
                http.post("/api/v1/bookings/" + id + "/cancel", "{\"cancellation_reason\":\"x\"}", other.auth()),
                403,
                "Not authorized");
        var cancelled = http.post(
                "/api/v1/bookings/" + id + "/cancel", "{\"cancellation_reason\":\"Plans changed\"}", driver.auth());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("cancelled");
        assertThat(cancelled.json().get("cancellation_reason").asString()).isEqualTo("Plans changed");
        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .as("twice")
                .isEqualTo(400);
        assertThat(book(other, spot, start, start.plusSeconds(3600)).status()).isEqualTo(201);
    }

    @Test
    void statusEndpointGuardsEveryTransition() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(100);
        String id =
                booked(driver, spot, start, start.plusSeconds(3600)).get("id").asString();
        String path = "/api/v1/bookings/" + id + "/status";

        assertDetail(
                http.send("PUT", path, "{\"status\":\"confirmed\"}", driver.auth()),
                403,
                "Only the owner can confirm bookings");
        assertThat(http.send("PUT", path, "{\"status\":\"confirmed\"}", owner.auth())
                        .status())
                .as("already confirmed")
                .isEqualTo(400);
        assertThat(http.send("PUT", path, "{\"status\":\"pending\"}", owner.auth())
                        .status())
                .isEqualTo(400);
        assertThat(http.send("PUT", path, "{\"status\":\"refunded\"}", owner.auth())
                        .status())
                .isEqualTo(400);
        assertThat(http.send("PUT", path, "{\"status\":\"in_progress\"}", driver.auth())
                        .status())
                .as("check-in too early")
                .isEqualTo(400);
        assertThat(http.send("PUT", path, "{\"status\":\"teleported\"}", driver.auth())
                        .status())
                .isEqualTo(422);
        var cancelled = http.send(
                "PUT", path, "{\"status\":\"cancelled\",\"cancellation_reason\":\"Owner needs it\"}", owner.auth());
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("cancellation_reason").asString()).isEqualTo("Owner needs it");
        assertThat(http.send("PUT", path, "{\"status\":\"confirmed\"}", owner.auth())
                        .status())
                .as("a cancelled booking is not confirmed again")
                .isEqualTo(400);
        // (payments then refunds the cancelled offline booking by itself, asynchronously: cancelled → refunded)
        assertThat(jdbc.sql("""
                        SELECT count(*) FROM booking_transitions
                        WHERE booking_id = ?::uuid AND to_status <> 'refunded'""").param(id).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void checkInOpensFifteenMinutesBeforeStartAndCheckOutCompletes() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant soon = Instant.now().plus(10, ChronoUnit.MINUTES);
        String id = booked(driver, spot, soon, soon.plus(1, ChronoUnit.HOURS))
                .get("id")
                .asString();
        Instant later = hoursFromNow(110);
        String laterId =
                booked(driver, spot, later, later.plusSeconds(3600)).get("id").asString();

        assertDetail(
                http.post("/api/v1/bookings/" + laterId + "/check-in", null, driver.auth()),
                400,
                "Check-in opens 15 minutes before the start time");
        assertDetail(
                http.post("/api/v1/bookings/" + id + "/check-out", null, driver.auth()),
                400,
                "Must be checked in before checking out");
        assertDetail(http.post("/api/v1/bookings/" + id + "/check-in", null, owner.auth()), 403, "Not authorized");
        var in = http.post("/api/v1/bookings/" + id + "/check-in", null, driver.auth());
        assertThat(in.status()).isEqualTo(200);
        assertThat(in.json().get("status").asString()).isEqualTo("in_progress");
        assertThat(in.json().get("checked_in_at").isNull()).isFalse();
        assertDetail(
                http.post("/api/v1/bookings/" + id + "/check-in", null, driver.auth()),
                400,
                "Booking must be confirmed before check-in");
        var out = http.post("/api/v1/bookings/" + id + "/check-out", null, driver.auth());
        assertThat(out.status()).isEqualTo(200);
        assertThat(out.json().get("status").asString()).isEqualTo("completed");
        assertThat(http.get("/api/v1/parking-spots/" + spot)
                        .json()
                        .get("total_bookings")
                        .asInt())
                .isEqualTo(1);
        assertThat(book(
                                driver,
                                spot,
                                Instant.now().plus(20, ChronoUnit.MINUTES),
                                Instant.now().plus(60, ChronoUnit.MINUTES))
                        .status())
                .as("checking out early frees the rest of the slot")
                .isEqualTo(201);
    }

    // --- idempotency ---

    @Test
    void idempotencyKeyReplaysTheFirstResponseAndRefusesADifferentBody() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(120);
        String key = UUID.randomUUID().toString();
        String body = body(spot, start, start.plusSeconds(3600));
        var first = http.post(
                "/api/v1/bookings", body, "Authorization", "Bearer " + driver.accessToken(), "Idempotency-Key", key);
        var second = http.post(
                "/api/v1/bookings", body, "Authorization", "Bearer " + driver.accessToken(), "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.json().get("id").asString())
                .isEqualTo(first.json().get("id").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE user_id = ?")
                        .param(driver.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        var different = http.post(
                "/api/v1/bookings",
                body(spot, start.plus(5, ChronoUnit.HOURS), start.plus(6, ChronoUnit.HOURS)),
                "Authorization",
                "Bearer " + driver.accessToken(),
                "Idempotency-Key",
                key);
        assertThat(different.status()).isEqualTo(422);
        var otherKey = http.post(
                "/api/v1/bookings",
                body,
                "Authorization",
                "Bearer " + driver.accessToken(),
                "Idempotency-Key",
                "k2-" + key);
        assertThat(otherKey.status())
                .as("a new key is a new request: the slot is taken")
                .isEqualTo(409);
    }

    // --- concurrency ---

    @Test
    void fiftySimultaneousRequestsForOneSlotMakeExactlyOneBooking() throws Exception {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, "");
        Instant start = hoursFromNow(130);
        List<Api.Session> drivers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            drivers.add(api.signUp("renter"));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(50)) {
            for (Api.Session driver : drivers) {
                results.add(pool.submit(() -> {
                    go.await();
                    return book(driver, spot, start, start.plus(2, ChronoUnit.HOURS))
                            .status();
                }));
            }
            go.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
            assertThat(statuses.stream().filter(s -> s == 409)).hasSize(49);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE parking_spot_id = ?")
                        .param(spot)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    @Test
    void thousandsOfRandomOverlappingRequestsNeverDoubleBook() throws Exception {
        var owner = api.signUp("owner");
        List<UUID> spots = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            spots.add(api.createSpot(owner, ""));
        }
        List<Api.Session> drivers = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            drivers.add(api.signUp("renter"));
        }
        Instant base = hoursFromNow(200);
        java.util.Random seeds = new java.util.Random(42);
        int requests = 2000;
        List<Future<Integer>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(16)) {
            for (int i = 0; i < requests; i++) {
                long seed = seeds.nextLong();
                results.add(pool.submit(() -> {
                    java.util.Random r = new java.util.Random(seed);
                    Instant start = base.plus(r.nextInt(48 * 2) * 30L, ChronoUnit.MINUTES);
                    Instant end = start.plus(30L * (1 + r.nextInt(8)), ChronoUnit.MINUTES);
                    return book(drivers.get(r.nextInt(drivers.size())), spots.get(r.nextInt(spots.size())), start, end)
                            .status();
                }));
            }
            for (Future<Integer> result : results) {
                assertThat(result.get()).isIn(201, 409);
            }
        }
        long created = results.stream().filter(f -> f.resultNow() == 201).count();
        assertThat(created).isGreaterThan(10);
        Long overlaps = jdbc.sql("""
                        SELECT count(*) FROM bookings a JOIN bookings b
                          ON a.parking_spot_id = b.parking_spot_id AND a.id < b.id
                         AND tstzrange(a.start_time, a.end_time, '[)') && tstzrange(b.start_time, b.end_time, '[)')
                        WHERE a.status IN ('pending','confirmed','in_progress') AND b.status IN ('pending','confirmed','in_progress')
                          AND a.parking_spot_id = ANY(?)""")
                .param(spots.toArray(UUID[]::new))
                .query(Long.class)
                .single();
        assertThat(overlaps).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE parking_spot_id = ANY(?)")
                        .param(spots.toArray(UUID[]::new))
                        .query(Long.class)
                        .single())
                .isEqualTo(created);
    }

    // --- search sees bookings ---

    @Test
    void searchTimeWindowExcludesBookedSpotsUntilCancelled() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        String city = "Bookedville" + UUID.randomUUID().toString().substring(0, 6);
        UUID spot = api.createSpot(owner, "\"city\": \"" + city + "\"");
        Instant start = hoursFromNow(140);
        String window = "city=%s&start_time=%s&end_time=%s".formatted(city, start, start.plusSeconds(3600));
        assertThat(http.get("/api/v1/parking-spots/?" + window).json()).hasSize(1);
        String id = booked(driver, spot, start.minusSeconds(1800), start.plusSeconds(1800))
                .get("id")
                .asString();
        assertThat(http.get("/api/v1/parking-spots/?" + window).json()).isEmpty();
        String otherWindow = "city=%s&start_time=%s&end_time=%s"
                .formatted(city, start.plus(2, ChronoUnit.HOURS), start.plus(3, ChronoUnit.HOURS));
        assertThat(http.get("/api/v1/parking-spots/?" + otherWindow).json()).hasSize(1);
        http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth());
        assertThat(http.get("/api/v1/parking-spots/?" + window).json()).hasSize(1);
    }

    private long count() {
        return jdbc.sql("SELECT count(*) FROM bookings").query(Long.class).single();
    }

    private static void assertDetail(Http.Response response, int status, String detail) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.json().get("detail").asString()).isEqualTo(detail);
    }
}
