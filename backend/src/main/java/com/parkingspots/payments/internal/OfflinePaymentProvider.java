package com.parkingspots.payments.internal;

import java.util.UUID;

/**
 * No card and no external call: an offline booking is confirmed when made and paid to the owner directly, and a refund
 * is a ledger entry that completes at once.
 */
class OfflinePaymentProvider implements PaymentProvider {

    static final String NOT_ENABLED = "Online payments are not enabled on this server (STRIPE_SECRET_KEY is not set)";

    @Override
    public String name() {
        return OFFLINE;
    }

    @Override
    public Intent createIntent(IntentRequest request) {
        throw PaymentProviderException.rejected(NOT_ENABLED);
    }

    @Override
    public Intent retrieveIntent(String intentId) {
        throw PaymentProviderException.rejected(NOT_ENABLED);
    }

    @Override
    public boolean cancelIntent(String intentId, String idempotencyKey) {
        return false;
    }

    @Override
    public RefundResult refund(RefundRequest request) {
        return new RefundResult("offline_re_" + UUID.randomUUID(), "succeeded", null);
    }

    @Override
    public String createConnectAccount(UUID userId, String country, String businessType, String idempotencyKey) {
        throw PaymentProviderException.rejected(NOT_ENABLED);
    }

    @Override
    public String onboardingUrl(String accountId, String idempotencyKey) {
        throw PaymentProviderException.rejected(NOT_ENABLED);
    }
}
