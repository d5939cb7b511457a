package com.parkingspots.bookings.internal;

import com.parkingspots.bookings.BookingCancelled;
import com.parkingspots.bookings.BookingCompleted;
import com.parkingspots.bookings.BookingConfirmed;
import com.parkingspots.bookings.BookingCreated;
import com.parkingspots.bookings.BookingEvent;
import com.parkingspots.bookings.BookingExtended;
import com.parkingspots.bookings.BookingRefunded;
import com.parkingspots.bookings.BookingStarted;
import com.parkingspots.bookings.BookingStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code parkingspots.bookings{event}}: bookings created, confirmed (paid, confirmed by the owner, or confirmed when made
 * with the offline provider), started, completed, cancelled and refunded on this instance, counted when the transition's
 * transaction commits. {@code parkingspots.jobs.lag{task}}: how late each lifecycle job started after its due time.
 */
@Component
class BookingMetrics {

    static final String LAG = "parkingspots.jobs.lag";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Map<String, Timer> lags = new ConcurrentHashMap<>();

    BookingMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (String event :
                List.of("created", "confirmed", "started", "completed", "cancelled", "refunded", "extended")) {
            counter(event); // present (at 0) from the start, so rate() and the dashboard see every series
        }
    }

    // A plain listener, called where the event is published: inside the transition's transaction.
    @EventListener
    void on(BookingEvent event) {
        List<String> names = new ArrayList<>(2);
        switch (event) {
            case BookingCreated created -> {
                names.add("created");
                if (created.status() == BookingStatus.CONFIRMED) {
                    names.add("confirmed");
                }
            }
            case BookingConfirmed confirmed -> names.add("confirmed");
            case BookingStarted started -> names.add("started");
            case BookingCompleted completed -> names.add("completed");
            case BookingCancelled cancelled -> names.add("cancelled");
            case BookingRefunded refunded -> names.add("refunded");
            case BookingExtended extended -> names.add("extended");
        }
        afterCommit(() -> names.forEach(name -> counter(name).increment()));
    }

    /** Records how late a job started: {@code due} is when it was scheduled to run. */
    void jobStarted(String task, Instant due, Instant started) {
        Duration late = Duration.between(due, started);
        lags.computeIfAbsent(
                        task,
                        name -> Timer.builder(LAG)
                                .description("How late scheduled jobs start after their due time")
                                .tag("task", name)
                                // the dashboard's p99 and max cover the last 5 minutes
                                .publishPercentiles(0.99)
                                .distributionStatisticExpiry(Duration.ofMinutes(5))
                                .distributionStatisticBufferLength(5)
                                .register(registry))
                .record(late.isNegative() ? Duration.ZERO : late);
    }

    private Counter counter(String event) {
        return counters.computeIfAbsent(
                event,
                name -> Counter.builder("parkingspots.bookings")
                        .description("Booking transitions on this instance")
                        .tag("event", name)
                        .register(registry));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }
}
