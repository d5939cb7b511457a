package com.parkingspots.payments.internal;

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
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * The offline payment is recorded after the booking commits (ADR 0014): when its listener fails, the booking stands,
 * the publication stays incomplete, and the registry's redelivery records the payment, exactly once.
 */
class OfflinePaymentAfterCommitTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Test
    void aPaymentListenerThatFailsOnceStillRecordsThePaymentOnRedelivery() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        // the spot in this instance's marketplace (right after a paused test context resumes, it is being rebuilt)
        await(
                "the spot readable",
                () -> http.get("/api/v1/parking-spots/" + spot).status() == 200);
        String name = "test_fail_payment_" + UUID.randomUUID().toString().replace("-", "");
        // a real failure of the listener's insert, once, for this driver only (a sequence survives the rollback)
        jdbc.sql("CREATE SEQUENCE " + name).update();
        jdbc.sql("""
                        CREATE FUNCTION %1$s() RETURNS trigger LANGUAGE plpgsql AS $$
                        BEGIN
                            IF NEW.user_id = '%2$s' AND nextval('%1$s') = 1 THEN
                                RAISE EXCEPTION 'injected failure: the payments listener fails once';
                            END IF;
                            RETURN NEW;
                        END $$""".formatted(name, driver.id())).update();
        jdbc.sql("CREATE TRIGGER %1$s BEFORE INSERT ON payments FOR EACH ROW EXECUTE FUNCTION %1$s()".formatted(name))
                .update();
        try {
            Instant start = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(6, ChronoUnit.DAYS);
            var booked = http.post(
                    "/api/v1/bookings/",
                    "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                            .formatted(spot, start, start.plus(3, ChronoUnit.HOURS)),
                    driver.auth());
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            assertThat(booked.json().get("status").asString()).isEqualTo("confirmed");
            UUID booking = UUID.fromString(booked.json().get("id").asString());

            await("the listener's failure", () -> count("""
                            SELECT count(*) FROM event_publication WHERE listener_id LIKE '%%BookingPaymentsListener%%'
                              AND serialized_event LIKE '%%%s%%' AND status = 'FAILED'""".formatted(booking)) == 1);
            assertThat(count("SELECT count(*) FROM payments WHERE booking_id = '" + booking + "'"))
                    .isZero();
            assertThat(count("SELECT count(*) FROM bookings WHERE id = '" + booking + "' AND status = 'confirmed'"))
                    .as("the booking committed before the listener ran")
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM spot_occupancy WHERE booking_id = '" + booking + "'"))
                    .isEqualTo(1);
            assertThat(count("SELECT count(*) FROM scheduled_tasks WHERE task_instance = '" + booking + "'"))
                    .isEqualTo(2);

            // what the recurring resubmission task does with a publication older than its threshold
            jdbc.sql("UPDATE event_publication SET publication_date = now() - interval '10 minutes'"
                            + " WHERE completion_date IS NULL AND serialized_event LIKE ?")
                    .param("%" + booking + "%")
                    .update();
            incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(2));

            await(
                    "the payment recorded on redelivery",
                    () -> count("SELECT count(*) FROM payments WHERE booking_id = '" + booking + "'") == 1);
            await(
                    "every publication of the booking completed",
                    () -> count("SELECT count(*) FROM event_publication WHERE completion_date IS NULL"
                                    + " AND serialized_event LIKE '%" + booking + "%'")
                            == 0);
            var payment = jdbc.sql("SELECT status, amount, owner_payout, application_fee, provider FROM payments"
                            + " WHERE booking_id = ?")
                    .param(booking)
                    .query((rs, n) -> rs.getString(1) + " " + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getInt(4)
                            + " " + rs.getString(5))
                    .single();
            int total = booked.json().get("total_amount").asInt();
            int payout = booked.json().get("owner_payout").asInt();
            assertThat(payment).isEqualTo("succeeded " + total + " " + payout + " " + (total - payout) + " offline");
        } finally {
            jdbc.sql("DROP TRIGGER IF EXISTS %1$s ON payments".formatted(name)).update();
            jdbc.sql("DROP FUNCTION IF EXISTS %1$s()".formatted(name)).update();
            jdbc.sql("DROP SEQUENCE IF EXISTS " + name).update();
        }
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError(what + " did not happen within 10 s");
            }
            Thread.sleep(20);
        }
    }
}
