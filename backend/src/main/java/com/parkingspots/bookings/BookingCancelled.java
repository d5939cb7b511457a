package com.parkingspots.bookings;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A booking was cancelled: by its driver, by the spot's owner, or by the system when an unpaid hold expired
 * ({@code cancelledBy} null). Payments refunds by the policy from this.
 */
public record BookingCancelled(
        UUID bookingId,
        UUID spotId,
        UUID userId,
        UUID ownerId,
        BookingStatus status,
        @Nullable UUID cancelledBy,
        @Nullable String reason,
        Instant startTime,
        Instant cancelledAt)
        implements BookingEvent {

    public boolean byOwner() {
        return ownerId.equals(cancelledBy);
    }
}
