package com.parkingspots.payments.internal;

import java.util.UUID;

/**
 * The {@code Idempotency-Key} of every Stripe POST, derived from our own ids: a retry of the same operation (after a
 * timeout, a crash, a second click) sends the same key, and Stripe answers with the first result instead of charging,
 * refunding or creating twice.
 */
public final class StripeIdempotencyKeys {

    private StripeIdempotencyKeys() {}

    /** The one PaymentIntent of a booking. */
    public static String paymentIntent(UUID bookingId) {
        return "pi-create-" + bookingId;
    }

    /** Cancelling a cancelled booking's unpaid PaymentIntent. */
    public static String cancelPaymentIntent(UUID bookingId) {
        return "pi-cancel-" + bookingId;
    }

    /** The one PaymentIntent of a booking's extension (the difference it costs). */
    public static String extensionPaymentIntent(UUID extensionId) {
        return "pi-create-ext-" + extensionId;
    }

    /** Cancelling the unpaid PaymentIntent of an extension whose booking was cancelled. */
    public static String cancelExtensionPaymentIntent(UUID extensionId) {
        return "pi-cancel-ext-" + extensionId;
    }

    /** The {@code sequence}-th refund of a payment (1, 2, …). */
    public static String refund(UUID paymentId, int sequence) {
        if (sequence < 1) {
            throw new IllegalArgumentException("refunds are numbered from 1");
        }
        return "refund-" + paymentId + "-" + sequence;
    }

    /** An owner's one Express account. */
    public static String connectAccount(UUID userId) {
        return "acct-create-" + userId;
    }

    /** One onboarding-link request (links are single-use, so each request of ours gets its own). */
    public static String accountLink(String accountId, UUID requestId) {
        return "acct-link-" + accountId + "-" + requestId;
    }
}
