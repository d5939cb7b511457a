package com.parkingspots.bookings;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A booking as other modules (payments, reviews, realtime) read it. Amounts in minor units of {@code currency}. */
public record BookingView(
        UUID id,
        UUID userId,
        UUID spotId,
        UUID ownerId,
        BookingStatus status,
        Instant startTime,
        Instant endTime,
        String currency,
        int subtotal,
        int serviceFee,
        int totalAmount,
        int ownerPayout,
        String paymentStatus,
        @Nullable String paymentIntentId,
        @Nullable Instant checkedOutAt,
        @Nullable Instant cancelledAt,
        @Nullable UUID cancelledBy) {}
