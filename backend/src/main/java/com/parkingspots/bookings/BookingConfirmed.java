package com.parkingspots.bookings;

import java.util.UUID;

/** A booking was confirmed (paid, or confirmed by the owner). */
public record BookingConfirmed(UUID bookingId, UUID spotId, UUID userId, UUID ownerId, BookingStatus status)
        implements BookingEvent {}
