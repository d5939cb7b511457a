package com.parkingspots.payments.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A line of an owner's earnings ledger: what a completed booking earned them. */
public record Payout(
        UUID id,
        UUID ownerId,
        @Nullable UUID bookingId,
        @Nullable UUID paymentId,
        int amount,
        String currency,
        String status,
        @Nullable Instant processedAt,
        Instant createdAt) {

    public static final String PENDING = "pending";
    public static final String PAID = "paid";

    /** {@code total_earnings}, {@code pending_payouts}, {@code completed_payouts} (a count), {@code this_month_earnings}. */
    public record Summary(long totalEarnings, long pendingPayouts, long completedPayouts, long thisMonthEarnings) {}
}
