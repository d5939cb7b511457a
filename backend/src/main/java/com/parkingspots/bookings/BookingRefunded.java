package com.parkingspots.bookings;

import java.util.UUID;

/** A cancelled booking's payment was refunded. */
public record BookingRefunded(UUID bookingId, UUID spotId, UUID userId, UUID ownerId, BookingStatus status)
        implements BookingEvent {}
