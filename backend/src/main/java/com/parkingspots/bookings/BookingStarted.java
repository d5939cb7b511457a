package com.parkingspots.bookings;

import java.util.UUID;

/** The stay began: the driver checked in, or the start time came. */
public record BookingStarted(UUID bookingId, UUID spotId, UUID userId, UUID ownerId, BookingStatus status)
        implements BookingEvent {}
