package com.parkingspots.payments.internal;

import com.parkingspots.shared.web.ClientSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Tells the web client ({@code GET /api/v1/config}) which payment provider is active, Stripe's publishable key and the
 * cancellation policy (shown on the spot page and in the booking form).
 */
@Component
class PaymentsClientSettings implements ClientSettings {

    private final PaymentProperties.Stripe stripe;
    private final RefundPolicy policy;

    PaymentsClientSettings(PaymentProperties properties) {
        this.stripe = properties.stripe();
        this.policy = properties.refunds().policy();
    }

    @Override
    public Map<String, Object> clientSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("payment_provider", stripe.enabled() ? PaymentProvider.STRIPE : PaymentProvider.OFFLINE);
        settings.put("stripe_publishable_key", stripe.enabled() ? stripe.publishableKey() : null);
        settings.put(
                "cancellation_policy",
                Map.of(
                        "full_refund_before_minutes", policy.fullBefore().toMinutes(),
                        "partial_refund_percent", policy.partialPercent(),
                        "text", RefundQuotes.text(policy)));
        return settings;
    }
}
