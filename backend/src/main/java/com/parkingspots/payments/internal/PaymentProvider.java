package com.parkingspots.payments.internal;

import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Where money moves. {@code offline}: nowhere (the driver pays the owner directly; we keep the ledger). {@code stripe}:
 * Stripe Connect destination charges. A payment remembers its provider, so its refunds go back the same way.
 */
public interface PaymentProvider {

    String OFFLINE = "offline";
    String STRIPE = "stripe";

    String name();

    /** A charge to create: {@code destination} null keeps it all on the platform account (no transfer). */
    record IntentRequest(
            UUID bookingId,
            UUID userId,
            long amount,
            String currency,
            long applicationFee,
            @Nullable String destination,
            String idempotencyKey,
            @Nullable UUID extensionId) {

        /** The charge of a booking itself. */
        IntentRequest(
                UUID bookingId,
                UUID userId,
                long amount,
                String currency,
                long applicationFee,
                @Nullable String destination,
                String idempotencyKey) {
            this(bookingId, userId, amount, currency, applicationFee, destination, idempotencyKey, null);
        }
    }

    /** A PaymentIntent as we need it; {@code card} once a charge exists. */
    record Intent(
            String id,
            @Nullable String clientSecret,
            long amount,
            String currency,
            String status,
            @Nullable String chargeId,
            @Nullable CardDetails card,
            @Nullable Long applicationFee,
            @Nullable String destination,
            Map<String, String> metadata) {

        public boolean succeeded() {
            return "succeeded".equals(status);
        }
    }

    record CardDetails(
            @Nullable String method,
            @Nullable String brand,
            @Nullable String lastFour) {}

    record RefundRequest(
            UUID paymentId,
            UUID bookingId,
            @Nullable String paymentIntentId,
            long amount,
            boolean reverseTransfer,
            String idempotencyKey) {}

    /** {@code status}: {@code succeeded}, {@code pending} (settles later, by webhook) or {@code failed}. */
    record RefundResult(String id, String status, @Nullable String failureReason) {}

    record OnboardingLink(String accountId, String url) {}

    Intent createIntent(IntentRequest request);

    Intent retrieveIntent(String intentId);

    /** Stops an unpaid intent from being paid later; false when it can no longer be cancelled. */
    boolean cancelIntent(String intentId, String idempotencyKey);

    RefundResult refund(RefundRequest request);

    String createConnectAccount(UUID userId, String country, String businessType, String idempotencyKey);

    String onboardingUrl(String accountId, String idempotencyKey);
}
