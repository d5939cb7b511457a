package com.parkingspots.bookings;

import java.time.Instant;
import java.util.UUID;

/**
 * A stay was extended: the booking now ends at {@code newEndTime} and costs {@code extensionTotal} more. Published when
 * the extension takes effect (at once offline, when its payment succeeds with Stripe). {@code paymentStatus} is the
 * extension's: {@code completed} (offline: payments records it as paid), {@code paid}, or {@code none} (nothing due).
 */
public record BookingExtended(
        UUID bookingId,
        UUID spotId,
        UUID userId,
        UUID ownerId,
        BookingStatus status,
        UUID extensionId,
        Instant previousEndTime,
        Instant newEndTime,
        int extensionTotal,
        String currency,
        String paymentStatus)
        implements BookingEvent {}
