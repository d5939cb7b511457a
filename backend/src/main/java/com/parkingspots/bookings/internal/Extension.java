package com.parkingspots.bookings.internal;

import com.parkingspots.bookings.ExtensionView;
import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code booking_extensions}: amounts are what the extension adds to its booking. */
public record Extension(
        UUID id,
        UUID bookingId,
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

    public static final String PENDING = "pending";
    public static final String CONFIRMED = "confirmed";
    public static final String EXPIRED = "expired";
    public static final String CANCELLED = "cancelled";

    public boolean pending() {
        return PENDING.equals(status);
    }

    ExtensionView view(Booking booking) {
        return new ExtensionView(
                id,
                bookingId,
                booking.userId(),
                booking.ownerId(),
                previousEndTime,
                newEndTime,
                status,
                currency,
                subtotal,
                serviceFee,
                totalAmount,
                ownerPayout,
                paymentStatus,
                holdExpiresAt,
                createdAt,
                updatedAt);
    }
}
