package com.parkingspots.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A listener that did not complete (here: payments' recording of an offline booking's payment, as when it found no
 * database connection under overload) is delivered again by the resubmission task, and only once it is stale.
 */
class EventPublicationMaintenanceTests extends ApiTest {

    @Autowired
    EventPublicationMaintenance maintenance;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aStaleIncompletePublicationIsDeliveredAgainAndItsEffectHappens() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
        var booked = http.post(
                "/api/v1/bookings",
                "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                        .formatted(spot, start, start.plus(2, ChronoUnit.HOURS)),
                driver.auth());
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        UUID booking = UUID.fromString(booked.json().get("id").asString());
        await("the offline payment", () -> payments(booking) == 1);
        // and its publication marked completed (a transaction after the listener's), or that mark would land after
        // the reopening below and complete the publication again
        await("the publication completed", () -> incomplete(booking) == 0);

        // the listener's work is lost and its publication left incomplete, as if it had failed
        jdbc.sql("DELETE FROM payments WHERE booking_id = ?").param(booking).update();
        int reopened = jdbc.sql("""
                        UPDATE event_publication SET completion_date = NULL, status = 'PUBLISHED'
                        WHERE listener_id LIKE '%BookingPaymentsListener%' AND event_type LIKE '%BookingCreated'
                          AND serialized_event LIKE ?""").param("%" + booking + "%").update();
        assertThat(reopened).isEqualTo(1);

        maintenance.resubmitStale();
        Thread.sleep(500);
        assertThat(payments(booking))
                .as("a fresh incomplete publication is left to its listener")
                .isZero();

        jdbc.sql("UPDATE event_publication SET publication_date = now() - interval '10 minutes'"
                        + " WHERE completion_date IS NULL AND serialized_event LIKE ?")
                .param("%" + booking + "%")
                .update();
        maintenance.resubmitStale();
        await("the payment recorded again", () -> payments(booking) == 1);
        await("the publication completed again", () -> incomplete(booking) == 0);
    }

    private long incomplete(UUID booking) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                        + " AND serialized_event LIKE ?")
                .param("%" + booking + "%")
                .query(Long.class)
                .single();
    }

    private long payments(UUID booking) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE booking_id = ?")
                .param(booking)
                .query(Long.class)
                .single();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 10 s");
            }
            Thread.sleep(50);
        }
    }
}
