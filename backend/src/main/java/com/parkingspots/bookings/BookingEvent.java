package com.parkingspots.bookings;

import java.util.UUID;

/**
 * Something happened to a booking. Published in the transaction that made the change and delivered after it commits
 * (Spring Modulith event publication registry), so a rolled-back change never produces an event.
 */
public sealed interface BookingEvent
        permits BookingCreated,
                BookingConfirmed,
                BookingStarted,
                BookingCompleted,
                BookingCancelled,
                BookingRefunded,
                BookingExtended {

    UUID bookingId();

    UUID spotId();

    /** The driver who booked. */
    UUID userId();

    /** The owner of the spot. */
    UUID ownerId();

    /** The booking's status after the change. */
    BookingStatus status();
}
