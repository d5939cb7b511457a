package com.parkingspots.realtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.bookings.Bookings;
import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** Decision 20 over real WebSocket connections to the running application (no Redis: in-process fan-out). */
class RealtimeApiTests extends ApiTest {

    /** How long "nothing arrives" is watched after the events that did arrive. */
    private static final Duration QUIET = Duration.ofMillis(1500);

    /**
     * Heraklion, not the default Athens address: this context is shared, and DemoMarketplaceTests expects only its own
     * spots near central Athens.
     */
    private static final String HERAKLION = "\"latitude\": 35.3387, \"longitude\": 25.1442";

    @Autowired
    Bookings bookings;

    @Autowired
    TransactionTemplate transactions;

    private String book(Api.Session driver, UUID spot, Instant start) {
        var response = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plus(1, ChronoUnit.HOURS)),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static Instant tomorrow() {
        return Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    }

    private static boolean is(JsonNode data, String field, Object value) {
        return data.has(field) && data.get(field).asString().equals(String.valueOf(value));
    }

    @Test
    void anInvalidTokenIsRefusedAtTheHandshake() {
        assertThat(WsClient.refusedStatus(port, "?token=not-a-token")).isEqualTo(401);
        var refresh = api.signUp("renter").refreshToken();
        assertThat(WsClient.refusedStatus(port, "?token=" + refresh))
                .as("a refresh token is not an access token")
                .isEqualTo(401);
    }

    @Test
    void aConnectionIsClosedWhenItsTokenExpiresUnlessTheClientSentAFreshOne() {
        var user = api.signUp("renter");
        String shortLived = accessToken(user.id(), Instant.now().plusSeconds(2));
        try (var expiring = WsClient.connect(port, "?token=" + shortLived);
                var refreshed = WsClient.connect(port, "?token=" + shortLived)) {
            expiring.await("connected", d -> true);
            refreshed.await("connected", d -> true);
            refreshed.send("{\"type\":\"auth\",\"token\":\"%s\"}".formatted(user.accessToken()));
            refreshed.await("connected", d -> true);

            var closed = expiring.awaitClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Token expired");
            assertThat(refreshed.isClosed())
                    .as("the connection that re-authenticated stays open")
                    .isFalse();
        }
    }

    @Test
    void aConnectionIsClosedWhenItsAccountIsDeactivated() {
        var user = api.signUp("renter");
        try (var client = WsClient.connect(port, user)) {
            client.await("connected", d -> true);
            assertThat(http.send("DELETE", "/api/v1/users/me", null, user.auth())
                            .status())
                    .isEqualTo(200);
            var closed = client.awaitClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Inactive user");
        }
    }

    /** An access token signed with the test profile's secret key, as identity would issue it. */
    private static String accessToken(UUID subject, Instant expires) {
        try {
            var b64 = Base64.getUrlEncoder().withoutPadding();
            String header = "{\"alg\":\"HS256\",\"typ\":\"JWT\"}";
            String claims =
                    "{\"sub\":\"%s\",\"exp\":%d,\"type\":\"access\"}".formatted(subject, expires.getEpochSecond());
            String input = b64.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                    + b64.encodeToString(claims.getBytes(StandardCharsets.UTF_8));
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    "test-secret-key-that-is-long-enough-for-hs256".getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return input + "." + b64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aTicketOpensOneConnectionOnceAndStandsInForTheToken() {
        var user = api.signUp("renter");
        var issued = http.post("/api/v1/ws/ticket", "", user.auth());
        assertThat(issued.status()).as(issued.body()).isEqualTo(200);
        assertThat(issued.header("Cache-Control")).contains("no-store");
        String ticket = issued.json().get("ticket").asString();
        assertThat(issued.json().get("expires_in").asInt()).isEqualTo(30);
        assertThat(ticket).matches("[A-Za-z0-9_-]{43}").doesNotContain(user.accessToken());

        try (var client = WsClient.connect(port, "?ticket=" + ticket)) {
            var connected = client.await("connected", d -> true);
            assertThat(connected.get("data").get("user_id").asString())
                    .isEqualTo(user.id().toString());
        }
        assertThat(WsClient.refusedStatus(port, "?ticket=" + ticket))
                .as("a ticket works once")
                .isEqualTo(401);
        assertThat(WsClient.refusedStatus(port, "?ticket=" + ticket.substring(1) + "A"))
                .isEqualTo(401);
        assertThat(WsClient.refusedStatus(port, "?ticket=" + user.accessToken()))
                .as("a token is no ticket")
                .isEqualTo(401);
    }

    @Test
    void onlyASignedInCallerGetsATicket() {
        var anonymous = http.post("/api/v1/ws/ticket", "");
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.json().get("detail").asString()).isEqualTo("Not authenticated");
        var forged = http.post("/api/v1/ws/ticket", "", "Authorization", "Bearer not-a-token");
        assertThat(forged.status()).isEqualTo(401);
        assertThat(forged.json().get("detail").asString()).isEqualTo("Could not validate credentials");
    }

    @Test
    void aTicketOfASessionEndedBeforeItsUseIsRefused() {
        var user = api.signUp("renter");
        String ticket = http.post("/api/v1/ws/ticket", "", user.auth())
                .json()
                .get("ticket")
                .asString();
        assertThat(http.post("/api/v1/auth/logout-all", "", user.auth()).status())
                .isEqualTo(200);
        assertThat(WsClient.refusedStatus(port, "?ticket=" + ticket)).isEqualTo(401);
    }

    @Test
    void everyConnectionOfAUserClosesWhenTheirSessionsEndAndOthersStayOpen() {
        var user = api.signUp("renter");
        var other = api.signUp("renter");
        String ticket = http.post("/api/v1/ws/ticket", "", user.auth())
                .json()
                .get("ticket")
                .asString();
        try (var byTicket = WsClient.connect(port, "?ticket=" + ticket);
                var byToken = WsClient.connect(port, user);
                var someoneElse = WsClient.connect(port, other)) {
            byTicket.await("connected", d -> true);
            assertThat(http.post("/api/v1/auth/logout-all", "", user.auth()).status())
                    .isEqualTo(200);
            for (var client : java.util.List.of(byTicket, byToken)) {
                var closed = client.awaitClose();
                assertThat(closed.code()).isEqualTo(1008);
                assertThat(closed.reason()).isEqualTo("Token revoked");
            }
            someoneElse.send("{\"type\":\"ping\"}");
            someoneElse.await("pong", d -> true);
            assertThat(someoneElse.isClosed()).isFalse();
        }
    }

    @Test
    void withoutATokenTheFirstMessageMustAuthenticate() {
        try (var anonymous = WsClient.connect(port, "")) {
            anonymous.send("{\"type\":\"subscribe\",\"spot_ids\":[]}");
            var closed = anonymous.awaitClose();
            assertThat(closed.code()).isEqualTo(1008);
            assertThat(closed.reason()).isEqualTo("Not authenticated");
            assertThat(anonymous.events()).isEmpty();
        }
        try (var forged = WsClient.connect(port, "/")) {
            forged.send("{\"type\":\"auth\",\"token\":\"forged\"}");
            assertThat(forged.awaitClose().code()).isEqualTo(1008);
        }
        var user = api.signUp("renter");
        try (var client = WsClient.connect(port, "/")) {
            client.send("{\"type\":\"auth\",\"token\":\"%s\"}".formatted(user.accessToken()));
            var connected = client.await("connected", d -> true);
            assertThat(connected.get("data").get("user_id").asString())
                    .isEqualTo(user.id().toString());
            client.send("{\"type\":\"ping\"}");
            client.await("pong", d -> true);
        }
    }

    @Test
    void aBookingNotifiesItsOwnerAndItsBookerAndNobodyElse() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        UUID spot = api.createSpot(owner, HERAKLION);
        try (var ownerWs = WsClient.connect(port, owner);
                var driverWs = WsClient.connect(port, driver);
                var strangerWs = WsClient.connect(port, stranger)) {
            strangerWs.send("{\"type\":\"subscribe\",\"spot_ids\":[\"%s\"],\"bbox\":[25,35,26,36]}".formatted(spot));
            strangerWs.await("subscribed", d -> d.get("spot_ids").size() == 1);

            String booking = book(driver, spot, tomorrow());

            var created = ownerWs.await("new_booking", d -> is(d, "booking_id", booking));
            assertThat(created.get("data").get("spot_id").asString()).isEqualTo(spot.toString());
            assertThat(created.get("seq").asLong()).isPositive();
            var update = driverWs.await("booking_update", d -> is(d, "booking_id", booking));
            assertThat(update.get("data").get("status").asString()).isEqualTo("confirmed");

            var cancelled = http.post("/api/v1/bookings/" + booking + "/cancel", "{}", driver.auth());
            assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
            ownerWs.await("booking_update", d -> is(d, "status", "cancelled"));
            var driverCancelled = driverWs.await("booking_update", d -> is(d, "status", "cancelled"));
            assertThat(driverCancelled.get("seq").asLong())
                    .isGreaterThan(update.get("seq").asLong());

            Thread.sleep(QUIET);
            assertThat(strangerWs.events()).as("never someone else's booking").isEmpty();
            assertThat(driverWs.frames("new_booking")).isEmpty();
        }
    }

    @Test
    void anExtensionSendsABookingUpdateToTheDriverAndTheOwner() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, HERAKLION);
        try (var ownerWs = WsClient.connect(port, owner);
                var driverWs = WsClient.connect(port, driver)) {
            Instant start = tomorrow().plus(5, ChronoUnit.HOURS);
            String booking = book(driver, spot, start);
            long created = driverWs.await("booking_update", d -> is(d, "booking_id", booking))
                    .get("seq")
                    .asLong();
            var extended = http.post(
                    "/api/v1/bookings/" + booking + "/extend",
                    "{\"end_time\":\"%s\"}".formatted(start.plus(3, ChronoUnit.HOURS)),
                    driver.auth());
            assertThat(extended.status()).as(extended.body()).isEqualTo(200);
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (driverWs.frames("booking_update").stream()
                            .noneMatch(f -> is(f.get("data"), "booking_id", booking)
                                    && f.get("seq").asLong() > created)
                    || ownerWs.frames("booking_update").stream()
                            .noneMatch(f -> is(f.get("data"), "booking_id", booking))) {
                assertThat(System.nanoTime())
                        .as("a booking_update after the extension")
                        .isLessThan(deadline);
                Thread.sleep(20);
            }
        }
    }

    @Test
    void aReviewReachesTheOwnerAndTheSubscribersOfItsSpotOrArea() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, HERAKLION);
        String booking = completedStay(driver, spot);
        try (var ownerWs = WsClient.connect(port, owner);
                var bySpot = WsClient.connect(port, api.signUp("renter"));
                var byArea = WsClient.connect(port, api.signUp("renter"));
                var elsewhere = WsClient.connect(port, api.signUp("renter"))) {
            bySpot.send("{\"type\":\"subscribe\",\"spot_ids\":[\"%s\"]}".formatted(spot));
            bySpot.await("subscribed", d -> true);
            byArea.send("{\"type\":\"subscribe\",\"bbox\":[25.1,35.3,25.2,35.4]}");
            byArea.await("subscribed", d -> d.get("bboxes").size() == 1);
            elsewhere.send("{\"type\":\"subscribe\",\"bbox\":[22.9,40.6,23.0,40.7]}");
            elsewhere.await("subscribed", d -> true);

            var review = http.post(
                    "/api/v1/reviews/",
                    "{\"booking_id\":\"%s\",\"overall_rating\":4}".formatted(booking),
                    driver.auth());
            assertThat(review.status()).as(review.body()).isEqualTo(201);
            String reviewId = review.json().get("id").asString();

            for (var client : java.util.List.of(ownerWs, bySpot, byArea)) {
                var event = client.await("new_review", d -> is(d, "review_id", reviewId));
                assertThat(event.get("data").get("spot_id").asString()).isEqualTo(spot.toString());
                assertThat(event.get("data").get("rating").asInt()).isEqualTo(4);
            }
            Thread.sleep(QUIET);
            assertThat(elsewhere.events()).isEmpty();
        }
    }

    @Test
    void availabilityChangesReachSubscribersOfTheSpot() {
        var owner = api.signUp("owner");
        UUID spot = api.createSpot(owner, HERAKLION);
        try (var watcher = WsClient.connect(port, api.signUp("renter"))) {
            watcher.send("{\"type\":\"subscribe\",\"spot_ids\":[\"%s\"]}".formatted(spot));
            watcher.await("subscribed", d -> true);
            var updated = http.send("PUT", "/api/v1/parking-spots/" + spot, "{\"is_available\": false}", owner.auth());
            assertThat(updated.status()).as(updated.body()).isEqualTo(200);
            var event = watcher.await("spot_availability", d -> is(d, "spot_id", spot));
            assertThat(event.get("data").get("is_available").asBoolean()).isFalse();
        }
    }

    @Test
    void aRolledBackChangeProducesNoEvent() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, HERAKLION);
        Instant start = tomorrow().plus(2, ChronoUnit.HOURS);
        try (var ownerWs = WsClient.connect(port, owner);
                var driverWs = WsClient.connect(port, driver)) {
            String booking = book(driver, spot, start);
            ownerWs.await("new_booking", d -> is(d, "booking_id", booking));
            var overlapping = http.post(
                    "/api/v1/bookings",
                    "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                            .formatted(spot, start, start.plus(1, ChronoUnit.HOURS)),
                    api.signUp("renter").auth());
            assertThat(overlapping.status()).isEqualTo(409);
            // (a cancellation, not a refund: payments refunds a cancelled offline booking by itself, after commit)
            UUID id = UUID.fromString(booking);
            transactions.executeWithoutResult(status -> {
                bookings.cancelByDriver(id, driver.id(), "changed my mind");
                status.setRollbackOnly();
            });
            Thread.sleep(QUIET);
            assertThat(driverWs.frames("booking_update"))
                    .as("the cancellation was rolled back")
                    .noneMatch(f -> is(f.get("data"), "status", "cancelled"));
            assertThat(ownerWs.frames("new_booking"))
                    .as("the rejected overlapping booking")
                    .hasSize(1);

            transactions.executeWithoutResult(status -> bookings.cancelByDriver(id, driver.id(), "changed my mind"));
            driverWs.await("booking_update", d -> is(d, "status", "cancelled"));
        }
    }

    @Test
    void badFramesGetAnErrorOrACloseAndLeaveOtherConnectionsAlone() {
        var user = api.signUp("renter");
        try (var other = WsClient.connect(port, api.signUp("renter"));
                var client = WsClient.connect(port, user)) {
            client.send("not json");
            client.await("error", d -> d.get("detail").asString().startsWith("Malformed"));
            client.send("{\"type\":\"dance\"}");
            client.await("error", d -> d.get("detail").asString().startsWith("Unknown message type"));
            client.send("{\"type\":\"subscribe\",\"bbox\":[24,37,23,38]}");
            client.await("error", d -> d.get("detail").asString().contains("bbox"));
            client.send("{\"type\":\"subscribe\",\"spot_ids\":[\"nope\"]}");
            client.await("error", d -> d.get("detail").asString().contains("spot_ids"));
            client.send("{\"type\":\"resume\",\"after_seq\":\"x\"}");
            client.await("error", d -> d.get("detail").asString().contains("after_seq"));
            StringBuilder ids = new StringBuilder();
            for (int i = 0; i < 201; i++) {
                ids.append(i == 0 ? "" : ",")
                        .append('"')
                        .append(UUID.randomUUID())
                        .append('"');
            }
            client.send("{\"type\":\"subscribe\",\"spot_ids\":[" + ids + "]}");
            client.await("error", d -> d.get("detail").asString().contains("spot_ids"));
            client.send("{\"type\":\"ping\"}");
            client.await("pong", d -> true);

            client.send("{\"type\":\"ping\",\"padding\":\"" + "x".repeat(20_000) + "\"}");
            assertThat(client.awaitClose().code()).isEqualTo(1009);

            other.send("{\"type\":\"ping\"}");
            other.await("pong", d -> true);
            assertThat(other.isClosed()).isFalse();
        }
    }

    @Test
    void aReconnectingClientResumesAfterItsLastSequenceNumber() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, HERAKLION);
        long before;
        try (var first = WsClient.connect(port, driver)) {
            before = first.await("connected", d -> true)
                    .get("data")
                    .get("last_seq")
                    .asLong();
        }
        String booking = book(driver, spot, tomorrow().plus(5, ChronoUnit.HOURS));
        try (var again = WsClient.connect(port, driver)) {
            again.send("{\"type\":\"resume\",\"after_seq\":%d}".formatted(before));
            var resumed = again.await("resumed", d -> true);
            assertThat(again.frames("booking_update")).anyMatch(f -> is(f.get("data"), "booking_id", booking));
            assertThat(again.frames("new_booking"))
                    .as("the owner's event is not replayed to the driver")
                    .isEmpty();
            assertThat(resumed.get("data").get("complete").asBoolean()).isTrue();

            again.send("{\"type\":\"resume\",\"after_seq\":1}");
            var tooOld = again.await("resumed", d -> d.get("after_seq").asLong() == 1);
            assertThat(tooOld.get("data").get("complete").asBoolean())
                    .as("events before this process started are unknown: refetch")
                    .isFalse();
        }
    }

    private String completedStay(Api.Session driver, UUID spot) {
        Instant start = Instant.now().plus(1, ChronoUnit.MINUTES);
        var booked = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plus(30, ChronoUnit.MINUTES)),
                driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().get("id").asString();
        assertThat(http.post("/api/v1/bookings/" + id + "/check-in", null, driver.auth())
                        .status())
                .isEqualTo(200);
        assertThat(http.post("/api/v1/bookings/" + id + "/check-out", null, driver.auth())
                        .status())
                .isEqualTo(200);
        return id;
    }
}
