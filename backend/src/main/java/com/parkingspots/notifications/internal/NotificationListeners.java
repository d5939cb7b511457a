package com.parkingspots.notifications.internal;

import com.parkingspots.bookings.BookingCancelled;
import com.parkingspots.bookings.BookingCompleted;
import com.parkingspots.bookings.BookingConfirmed;
import com.parkingspots.bookings.BookingCreated;
import com.parkingspots.bookings.BookingExtended;
import com.parkingspots.bookings.BookingStatus;
import com.parkingspots.bookings.BookingView;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.payments.RefundIssued;
import com.parkingspots.reviews.OwnerResponded;
import com.parkingspots.reviews.ReviewPublished;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Committed domain events become notifications and reminders. Each listener runs after the causing transaction
 * committed, in its own transaction, and the event publication registry (written in the causing transaction) delivers
 * it again after a crash; the notices' dedupe keys make a second delivery write nothing. The booking request path
 * gains no statement (ADR 0014).
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

    @ApplicationModuleListener
    void on(BookingCreated event) {
        if (event.status() == BookingStatus.CONFIRMED) {
            confirmed(event.bookingId());
        }
    }

    @ApplicationModuleListener
    void on(BookingConfirmed event) {
        confirmed(event.bookingId());
    }

    private void confirmed(UUID bookingId) {
        notices.bookingConfirmed(bookingId);
        bookings.find(bookingId).ifPresent(this::scheduleReminders);
    }

    private void scheduleReminders(BookingView booking) {
        Instant now = clock.instant();
        Instant startsSoon = booking.startTime().minus(STARTS_SOON_BEFORE);
        if (startsSoon.isAfter(now)) {
            reminders.schedule(booking.id(), Reminders.STARTS_SOON, startsSoon);
        }
        Instant endsSoon = booking.endTime().minus(ENDS_SOON_BEFORE);
        if (endsSoon.isAfter(booking.startTime())) {
            reminders.schedule(booking.id(), Reminders.ENDS_SOON, endsSoon);
        }
    }

    @ApplicationModuleListener
    void on(BookingExtended event) {
        reminders.schedule(
                event.bookingId(), Reminders.ENDS_SOON, event.newEndTime().minus(ENDS_SOON_BEFORE));
    }

    @ApplicationModuleListener
    void on(BookingCancelled event) {
        reminders.cancelAll(event.bookingId());
        notices.bookingCancelled(event);
    }

    @ApplicationModuleListener
    void on(BookingCompleted event) {
        reminders.cancelAll(event.bookingId());
        notices.bookingCompleted(event);
    }

    @ApplicationModuleListener
    void on(RefundIssued event) {
        notices.refundIssued(event);
    }

    @ApplicationModuleListener
    void on(ReviewPublished event) {
        notices.newReview(event);
    }

    @ApplicationModuleListener
    void on(OwnerResponded event) {
        notices.ownerResponded(event);
    }
}
