package com.parkingspots.bookings;

import java.util.UUID;

/** The stay ended: the driver checked out, or the end time came. The owner earns {@code ownerPayout}. */
public record BookingCompleted(
        UUID bookingId, UUID spotId, UUID userId, UUID ownerId, BookingStatus status, int ownerPayout, String currency)
        implements BookingEvent {}
