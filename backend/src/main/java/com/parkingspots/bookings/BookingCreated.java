package com.parkingspots.bookings;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A booking was made (pending with online payment, confirmed with the offline provider). It carries the figures of
 * the booking's payment, so that listeners record it without reading the booking again; {@code ownerPayout} is null
 * in events stored before it existed.
 */
public record BookingCreated(
        UUID bookingId,
        UUID spotId,
        UUID userId,
        UUID ownerId,
        BookingStatus status,
        int totalAmount,
        String currency,
        @Nullable Integer ownerPayout)
        implements BookingEvent {}
