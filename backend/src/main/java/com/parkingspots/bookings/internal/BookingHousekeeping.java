package com.parkingspots.bookings.internal;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.parkingspots.shared.db.Housekeeping;
import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Bookings' rows that outlive their use: an {@code Idempotency-Key} is replayed for 24 hours (IdempotencyKeys), then
 * deleted an hour later.
 */
@Configuration(proxyBeanMethods = false)
class BookingHousekeeping {

    static final String TASK = "bookings-housekeeping";

    static final List<Housekeeping.Purge> PURGES = List.of(new Housekeeping.Purge(
            "idempotency_keys",
            "booking_idempotency_keys",
            "created_at < now() - interval '25 hours'",
            "created_at < now() - interval '24 hours'"));

    /** Its lag is recorded with the lifecycle jobs' ({@code parkingspots.jobs.lag}). */
    @Bean
    RecurringTask<Void> bookingsHousekeepingTask(Housekeeping housekeeping, LifecycleTasks.Lag lag) {
        return housekeeping.task(TASK, Duration.ofHours(1), PURGES, lag::started);
    }
}
