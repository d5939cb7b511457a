package com.parkingspots.bookings;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * An extension of a booking as other modules read it. Amounts are what it adds to the booking (and what its payment
 * charges), in minor units of {@code currency}. {@code status}: {@code pending} (waiting for payment), {@code confirmed},
 * {@code expired}, {@code cancelled}.
 */
public record ExtensionView(
        UUID id,
        UUID bookingId,
        UUID userId,
        UUID ownerId,
        Instant previousEndTime,
        Instant newEndTime,
        String status,
        String currency,
        int subtotal,
        int serviceFee,
        int totalAmount,
        int ownerPayout,
        String paymentStatus,
        @Nullable Instant holdExpiresAt,
        Instant createdAt,
        Instant updatedAt) {

    public boolean pending() {
        return "pending".equals(status);
    }

    public boolean confirmed() {
        return "confirmed".equals(status);
    }
}
