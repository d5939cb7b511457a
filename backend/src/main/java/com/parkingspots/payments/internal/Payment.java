package com.parkingspots.payments.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A booking's payment. {@code refundedAmount} sums its succeeded refunds. Amounts in minor units of currency. */
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
        Instant updatedAt) {

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
