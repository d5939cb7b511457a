package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** Shortcuts the payments HTTP tests share: booking, polling for asynchronous effects, admins. */
final class PaymentsApiSupport {

    private final Http http;
    private final Api api;
    private final JdbcClient jdbc;

    PaymentsApiSupport(Http http, Api api, JdbcClient jdbc) {
        this.http = http;
        this.api = api;
        this.jdbc = jdbc;
    }

    /** A start time {@code minutes} from now, on a whole minute. */
    static Instant inMinutes(long minutes) {
        return Instant.now().truncatedTo(ChronoUnit.MINUTES).plus(minutes + 1, ChronoUnit.MINUTES);
    }

    JsonNode book(Api.Session driver, UUID spot, Instant start, Instant end) {
        var response = http.post(
                "/api/v1/bookings/",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}".formatted(spot, start, end),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    JsonNode booking(Api.Session who, String bookingId) {
        var response = http.get("/api/v1/bookings/" + bookingId, who.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    String status(Api.Session who, String bookingId) {
        return booking(who, bookingId).get("status").asString();
    }

    void awaitStatus(Api.Session who, String bookingId, String status) {
        await(() -> status.equals(status(who, bookingId)), "booking " + bookingId + " to be " + status);
    }

    /** The driver's payment of a booking, once it exists ({@code my-payments}). */
    JsonNode awaitPayment(Api.Session driver, String bookingId, String status) {
        JsonNode[] found = new JsonNode[1];
        await(
                () -> {
                    for (JsonNode p : http.get("/api/v1/payments/my-payments", driver.auth())
                            .json()) {
                        if (p.get("booking_id").asString().equals(bookingId)
                                && p.get("status").asString().equals(status)) {
                            found[0] = p;
                            return true;
                        }
                    }
                    return false;
                },
                "a " + status + " payment for booking " + bookingId);
        return found[0];
    }

    /** Cents refunded so far on a booking's payment (succeeded refunds). */
    int refunded(String bookingId) {
        return jdbc.sql("SELECT refunded_amount FROM payments WHERE booking_id = :b")
                .param("b", UUID.fromString(bookingId))
                .query(Integer.class)
                .single();
    }

    int refundRows(String bookingId) {
        return jdbc.sql("""
                        SELECT count(*) FROM payment_refunds r JOIN payments p ON p.id = r.payment_id
                        WHERE p.booking_id = :b""")
                .param("b", UUID.fromString(bookingId))
                .query(Integer.class)
                .single();
    }

    int transitionsTo(String bookingId, String status) {
        return jdbc.sql("SELECT count(*) FROM booking_transitions WHERE booking_id = :b AND to_status = :s")
                .param("b", UUID.fromString(bookingId))
                .param("s", status)
                .query(Integer.class)
                .single();
    }

    JsonNode awaitPayout(Api.Session owner, String bookingId) {
        JsonNode[] found = new JsonNode[1];
        await(
                () -> {
                    for (JsonNode p : http.get("/api/v1/payments/owner/payouts", owner.auth())
                            .json()) {
                        if (bookingId.equals(p.get("booking_id").asString())) {
                            found[0] = p;
                            return true;
                        }
                    }
                    return false;
                },
                "a payout for booking " + bookingId);
        return found[0];
    }

    Api.Session admin() {
        var user = api.signUp("renter");
        jdbc.sql("UPDATE users SET role = 'admin' WHERE id = :id")
                .param("id", user.id())
                .update();
        var login = api.login(user.email(), Api.PASSWORD);
        return new Api.Session(
                user.id(),
                user.email(),
                login.json().get("access_token").asString(),
                login.json().get("refresh_token").asString());
    }

    JsonNode checkInAndOut(Api.Session driver, String bookingId) {
        var in = http.post("/api/v1/bookings/" + bookingId + "/check-in", "", driver.auth());
        assertThat(in.status()).as(in.body()).isEqualTo(200);
        var out = http.post("/api/v1/bookings/" + bookingId + "/check-out", "", driver.auth());
        assertThat(out.status()).as(out.body()).isEqualTo(200);
        return out.json();
    }

    static void await(Supplier<Boolean> condition, String what) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (!condition.get()) {
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
}
