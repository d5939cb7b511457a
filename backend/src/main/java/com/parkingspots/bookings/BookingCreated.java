package com.parkingspots.bookings;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A booking was made (pending with online payment, confirmed with the offline provider). It carries the figures of
 * the booking's payment and its times, so that listeners record and announce it without reading the booking again;
 * {@code ownerPayout}, {@code startTime} and {@code endTime} are null in events stored before they existed.
 */
public record BookingCreated(
        UUID bookingId,
        UUID spotId,
        UUID userId,
        UUID ownerId,
        BookingStatus status,
        int totalAmount,
        String currency,
        @Nullable Integer ownerPayout,
        @Nullable Instant startTime,
        @Nullable Instant endTime)
        implements BookingEvent {}
