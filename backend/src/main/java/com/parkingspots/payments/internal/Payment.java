package com.parkingspots.payments.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * A booking's payment: for the booking itself ({@code extensionId} null) or for one of its extensions (ADR 0011).
 * {@code refundedAmount} sums its succeeded refunds. Amounts in minor units of currency.
 */
public record Payment(
        UUID id,
        UUID bookingId,
        UUID userId,
        UUID ownerId,
        String provider,
        int amount,
        String currency,
        int ownerPayout,
        int applicationFee,
        Status status,
        @Nullable String paymentIntentId,
        @Nullable String destinationAccount,
        @Nullable String chargeId,
        @Nullable String paymentMethod,
        @Nullable String cardBrand,
        @Nullable String lastFour,
        @Nullable String failureMessage,
        int refundedAmount,
        @Nullable Instant paidAt,
        Instant createdAt,
        Instant updatedAt,
        @Nullable UUID extensionId) {

    /** The payment of a booking itself. */
    public Payment(
            UUID id,
            UUID bookingId,
            UUID userId,
            UUID ownerId,
            String provider,
            int amount,
            String currency,
            int ownerPayout,
            int applicationFee,
            Status status,
            @Nullable String paymentIntentId,
            @Nullable String destinationAccount,
            @Nullable String chargeId,
            @Nullable String paymentMethod,
            @Nullable String cardBrand,
            @Nullable String lastFour,
            @Nullable String failureMessage,
            int refundedAmount,
            @Nullable Instant paidAt,
            Instant createdAt,
            Instant updatedAt) {
        this(
                id,
                bookingId,
                userId,
                ownerId,
                provider,
                amount,
                currency,
                ownerPayout,
                applicationFee,
                status,
                paymentIntentId,
                destinationAccount,
                chargeId,
                paymentMethod,
                cardBrand,
                lastFour,
                failureMessage,
                refundedAmount,
                paidAt,
                createdAt,
                updatedAt,
                null);
    }

    Payment forExtension(UUID extension) {
        return new Payment(
                id,
                bookingId,
                userId,
                ownerId,
                provider,
                amount,
                currency,
                ownerPayout,
                applicationFee,
                status,
                paymentIntentId,
                destinationAccount,
                chargeId,
                paymentMethod,
                cardBrand,
                lastFour,
                failureMessage,
                refundedAmount,
                paidAt,
                createdAt,
                updatedAt,
                extension);
    }

    /** CONTRACT.md section 5, payment {@code status}. */
    public enum Status {
        PENDING,
        PROCESSING,
        SUCCEEDED,
        FAILED,
        REFUNDED,
        PARTIALLY_REFUNDED;

        public String value() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Status of(String value) {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        }

        static Status afterRefunds(int amount, int refunded) {
            if (refunded <= 0) {
                return SUCCEEDED;
            }
            return refunded >= amount ? REFUNDED : PARTIALLY_REFUNDED;
        }
    }

    /** Money was taken (and maybe partly given back). */
    public boolean captured() {
        return status == Status.SUCCEEDED || status == Status.PARTIALLY_REFUNDED || status == Status.REFUNDED;
    }

    public boolean refundable() {
        return status == Status.SUCCEEDED || status == Status.PARTIALLY_REFUNDED;
    }
}
