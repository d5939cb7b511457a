package com.parkingspots.payments.internal;

import com.parkingspots.shared.web.ClientSettings;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/** Tells the web client ({@code GET /api/v1/config}) which payment provider is active and Stripe's publishable key. */
@Component
class PaymentsClientSettings implements ClientSettings {

    private final PaymentProperties.Stripe stripe;

    PaymentsClientSettings(PaymentProperties properties) {
        this.stripe = properties.stripe();
    }

    @Override
    public Map<String, Object> clientSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put("payment_provider", stripe.enabled() ? PaymentProvider.STRIPE : PaymentProvider.OFFLINE);
        settings.put("stripe_publishable_key", stripe.enabled() ? stripe.publishableKey() : null);
        return settings;
    }
}
