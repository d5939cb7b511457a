package com.parkingspots.bookings.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.parkingspots.shared.db.Housekeeping;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Idempotency keys are replayed for 24 hours and deleted an hour later, in batches, by the real scheduler. */
class BookingHousekeepingTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    MeterRegistry meters;

    private void keys(UUID user, String prefix, int count, String age) {
        jdbc.sql("""
                        INSERT INTO booking_idempotency_keys (user_id, key, request_hash, response_body, created_at)
                        SELECT ?, ? || n, 'hash', '{}', now() - CAST(? AS interval) FROM generate_series(1, ?) n""").params(user, prefix, age, count).update();
    }

    private long keys(UUID user, String prefix) {
        return jdbc.sql("SELECT count(*) FROM booking_idempotency_keys WHERE user_id = ? AND key LIKE ?")
                .params(user, prefix + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void keysPastTheirDayAndMarginAreDeletedInBatchesAndRecentOnesKept() throws InterruptedException {
        UUID user = UUID.randomUUID();
        int old = 12_345; // more than two batches
        keys(user, "old-", old, "26 hours");
        keys(user, "expired-", 3, "24 hours 30 minutes");
        keys(user, "live-", 2, "23 hours");

        Jobs.runNow(scheduler, jdbc, BookingHousekeeping.TASK, () -> keys(user, "old-") == 0);

        assertThat(keys(user, "expired-")).as("within the margin").isEqualTo(3);
        assertThat(keys(user, "live-")).isEqualTo(2);
        assertThat(meters.get(Housekeeping.PENDING_GAUGE)
                        .tag("kind", "idempotency_keys")
                        .gauge()
                        .value())
                .isGreaterThanOrEqualTo(3);
        assertThat(meters.get(Housekeeping.PURGED_COUNTER)
                        .tag("kind", "idempotency_keys")
                        .counter()
                        .count())
                .isGreaterThanOrEqualTo(old);
    }
}
