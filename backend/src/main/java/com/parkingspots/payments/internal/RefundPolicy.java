package com.parkingspots.payments.internal;

import java.time.Duration;
import java.time.Instant;

/**
 * CONTRACT.md Decision 17: how much of a payment a cancellation gives back. Everything when the owner (or the system)
 * cancelled, or when the driver cancelled at least {@code fullBefore} before the start; {@code partialPercent} (half
 * up, to the cent) when the driver cancelled later but before the start; nothing from the start on.
 */
public record RefundPolicy(Duration fullBefore, int partialPercent) {

    public enum Tier {
        FULL,
        PARTIAL,
        NONE
    }

    public RefundPolicy {
        if (fullBefore.isNegative() || partialPercent < 0 || partialPercent > 100) {
            throw new IllegalArgumentException("invalid refund policy");
        }
    }

    public Tier tier(Instant startTime, Instant cancelledAt, boolean byDriver) {
        if (!byDriver || !cancelledAt.isAfter(startTime.minus(fullBefore))) {
            return Tier.FULL;
        }
        return cancelledAt.isBefore(startTime) ? Tier.PARTIAL : Tier.NONE;
    }

    /** The refund due on {@code paid} (minor units). */
    public long refundable(long paid, Instant startTime, Instant cancelledAt, boolean byDriver) {
        return switch (tier(startTime, cancelledAt, byDriver)) {
            case FULL -> paid;
            case PARTIAL -> Fees.percentOf(paid, partialPercent);
            case NONE -> 0;
        };
    }
}
