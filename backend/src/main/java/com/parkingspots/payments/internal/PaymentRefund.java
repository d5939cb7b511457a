package com.parkingspots.payments.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * One refund of a payment. {@code kind}: {@code policy} (the cancellation policy's refund, at most one per payment) or
 * {@code admin} (any amount up to what remains). A {@code pending} refund already counts against what remains.
 */
public record PaymentRefund(
        UUID id,
        UUID paymentId,
        int sequence,
        String kind,
        int amount,
        String status,
        @Nullable String reason,
        @Nullable UUID requestedBy,
        @Nullable String providerRefundId,
        @Nullable String failureMessage,
        Instant createdAt,
        Instant updatedAt) {

    public static final String POLICY = "policy";
    public static final String ADMIN = "admin";
    public static final String PENDING = "pending";
    public static final String SUCCEEDED = "succeeded";
    public static final String FAILED = "failed";

    public boolean pending() {
        return PENDING.equals(status);
    }

    public boolean succeeded() {
        return SUCCEEDED.equals(status);
    }
}
