package com.parkingspots.notifications.internal;

import com.parkingspots.bookings.BookingCancelled;
import com.parkingspots.bookings.BookingCompleted;
import com.parkingspots.bookings.BookingConfirmed;
import com.parkingspots.bookings.BookingCreated;
import com.parkingspots.bookings.BookingExtended;
import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.payments.RefundIssued;
import com.parkingspots.reviews.OwnerResponded;
import com.parkingspots.reviews.ReviewPublished;
import com.parkingspots.shared.config.AsyncListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Committed domain events become notifications and reminders. Each listener runs after the causing transaction
 * committed, in its own transaction, and the event publication registry (written in the causing transaction) delivers
 * it again after a crash; the notices' dedupe keys make a second delivery write nothing. They run on task threads,
 * never on the request's, and read no booking back after a booking request (ADR 0014, ADR 0012).
 */
@Component
class NotificationListeners {

    static final Duration STARTS_SOON_BEFORE = Duration.ofHours(1);
    static final Duration ENDS_SOON_BEFORE = Duration.ofMinutes(15);

    private final Notices notices;
    private final Reminders reminders;
    private final Bookings bookings;
    private final Clock clock;

    NotificationListeners(Notices notices, Reminders reminders, Bookings bookings, Clock clock) {
        this.notices = notices;
        this.reminders = reminders;
        this.bookings = bookings;
        this.clock = clock;
    }

    /** Offline payments confirm at once; the event carries what the notices need, so the booking is not read again. */
    @AsyncListener
    @ApplicationModuleListener
    void on(BookingCreated event) {
        if (event.status() != BookingStatus.CONFIRMED) {
            return;
        }
        if (event.startTime() == null || event.endTime() == null || event.ownerPayout() == null) {
            bookings.find(event.bookingId()).map(Notices.BookingFacts::of).ifPresent(this::confirmed);
            return;
        }
        confirmed(new Notices.BookingFacts(
                event.bookingId(),
                event.userId(),
                event.ownerId(),
                event.spotId(),
                event.startTime(),
                event.endTime(),
                event.totalAmount(),
                event.ownerPayout(),
                event.currency()));
    }

    @AsyncListener
    @ApplicationModuleListener
    void on(BookingConfirmed event) {
        bookings.find(event.bookingId()).map(Notices.BookingFacts::of).ifPresent(this::confirmed);
    }

    private void confirmed(Notices.BookingFacts booking) {
        notices.bookingConfirmed(booking);
        Instant now = clock.instant();
        Instant startsSoon = booking.startTime().minus(STARTS_SOON_BEFORE);
        if (startsSoon.isAfter(now)) {
            reminders.schedule(booking.bookingId(), Reminders.STARTS_SOON, startsSoon);
        }
        Instant endsSoon = booking.endTime().minus(ENDS_SOON_BEFORE);
        if (endsSoon.isAfter(booking.startTime())) {
            reminders.schedule(booking.bookingId(), Reminders.ENDS_SOON, endsSoon);
        }
    }

    @AsyncListener
    @ApplicationModuleListener
    void on(BookingExtended event) {
        reminders.schedule(
                event.bookingId(), Reminders.ENDS_SOON, event.newEndTime().minus(ENDS_SOON_BEFORE));
        notices.bookingExtended(event);
    }

    @AsyncListener
    @ApplicationModuleListener
    void on(BookingCancelled event) {
        reminders.cancelAll(event.bookingId());
        notices.bookingCancelled(event);
    }

    @AsyncListener
    @ApplicationModuleListener
    void on(BookingCompleted event) {
        reminders.cancelAll(event.bookingId());
        notices.bookingCompleted(event);
    }

    @AsyncListener
    @ApplicationModuleListener
    void on(RefundIssued event) {
        notices.refundIssued(event);
    }

    @AsyncListener
    @ApplicationModuleListener
    void on(ReviewPublished event) {
        notices.newReview(event);
    }

    @AsyncListener
    @ApplicationModuleListener
    void on(OwnerResponded event) {
        notices.ownerResponded(event);
    }
}
