package com.parkingspots.payments.internal;

import com.parkingspots.bookings.PaymentMode;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Fallback;

/**
 * Chooses the provider: Stripe when {@code STRIPE_SECRET_KEY} is set, offline otherwise. The offline provider always
 * exists too, because payments made offline are refunded offline even after a switch to Stripe.
 */
@Configuration(proxyBeanMethods = false)
class PaymentsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentsConfiguration.class);

    /** What new payments go through. */
    record Providers(
            PaymentProvider active,
            PaymentProvider offline,
            @Nullable PaymentProvider stripe) {

        PaymentProvider of(String name) {
            if (PaymentProvider.STRIPE.equals(name)) {
                if (stripe == null) {
                    throw PaymentProviderException.failed(
                            "This payment was made with Stripe, which is not configured on this server");
                }
                return stripe;
            }
            return offline;
        }

        boolean online() {
            return stripe != null;
        }
    }

    @Bean
    Providers paymentProviders(PaymentProperties properties) {
        OfflinePaymentProvider offline = new OfflinePaymentProvider();
        if (!properties.stripe().enabled()) {
            log.info("Payments: offline provider (set STRIPE_SECRET_KEY to take card payments with Stripe)");
            return new Providers(offline, offline, null);
        }
        if (properties.stripe().webhookSecret() == null) {
            log.warn("Payments: STRIPE_WEBHOOK_SECRET is not set, so every Stripe webhook is rejected; bookings are"
                    + " confirmed only by POST /api/v1/payments/confirm-payment");
        }
        log.info("Payments: Stripe provider at {}", properties.stripe().apiBase());
        StripePaymentProvider stripe = new StripePaymentProvider(properties.stripe());
        return new Providers(stripe, offline, stripe);
    }

    /**
     * Tells bookings how new bookings are paid. A fallback, so a test (or a future module) may declare its own mode.
     */
    @Bean
    @Fallback
    PaymentMode paymentMode(Providers providers) {
        PaymentMode.Kind kind = providers.online() ? PaymentMode.Kind.ONLINE : PaymentMode.Kind.OFFLINE;
        return () -> kind;
    }
}
