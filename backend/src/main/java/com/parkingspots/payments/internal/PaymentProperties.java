package com.parkingspots.payments.internal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Payment settings (README, "Payments"). The Stripe provider is active exactly when {@code STRIPE_SECRET_KEY} is set;
 * otherwise payments are offline.
 *
 * @param stripe Stripe keys, endpoints and Connect onboarding URLs
 * @param refunds the cancellation policy (CONTRACT.md Decision 17)
 */
@Validated
@ConfigurationProperties("parkingspots.payments")
public record PaymentProperties(
        @DefaultValue @Valid Stripe stripe,
        @DefaultValue @Valid Refunds refunds) {

    /**
     * @param secretKey {@code STRIPE_SECRET_KEY}; empty: the offline provider
     * @param publishableKey {@code STRIPE_PUBLISHABLE_KEY}, handed to the web client by {@code GET /payments/config}
     * @param webhookSecret {@code STRIPE_WEBHOOK_SECRET}: the endpoint's signing secret ({@code whsec_…})
     * @param apiBase {@code STRIPE_API_BASE}: Stripe's API, or a local stub in tests
     * @param webhookTolerance how old a signed webhook may be
     * @param connectReturnUrl {@code STRIPE_CONNECT_RETURN_URL}: where Stripe sends an owner after onboarding
     * @param connectRefreshUrl {@code STRIPE_CONNECT_REFRESH_URL}: where Stripe sends an owner whose link expired
     * @param maxNetworkRetries retries of a Stripe call after a network failure (same idempotency key)
     * @param timeout connect and read timeout of a Stripe call
     */
    public record Stripe(
            @Nullable String secretKey,
            @Nullable String publishableKey,
            @Nullable String webhookSecret,

            @DefaultValue(STRIPE_API) String apiBase,

            @DefaultValue("300s") Duration webhookTolerance,

            @DefaultValue(RETURN_URL) String connectReturnUrl,
            @DefaultValue(REFRESH_URL) String connectRefreshUrl,

            @DefaultValue("2") @Min(0) @Max(10) int maxNetworkRetries,
            @DefaultValue("20s") Duration timeout) {

        static final String STRIPE_API = "https://api.stripe.com";
        static final String RETURN_URL = "http://localhost:8000/owner/payouts?onboarding=complete";
        static final String REFRESH_URL = "http://localhost:8000/owner/payouts?onboarding=refresh";

        /** An empty variable means its default, like an unset one. */
        public Stripe {
            apiBase = apiBase == null || apiBase.isBlank() ? STRIPE_API : apiBase.strip();
            connectReturnUrl =
                    connectReturnUrl == null || connectReturnUrl.isBlank() ? RETURN_URL : connectReturnUrl.strip();
            connectRefreshUrl =
                    connectRefreshUrl == null || connectRefreshUrl.isBlank() ? REFRESH_URL : connectRefreshUrl.strip();
            secretKey = blankToNull(secretKey);
            publishableKey = blankToNull(publishableKey);
            webhookSecret = blankToNull(webhookSecret);
        }

        public boolean enabled() {
            return secretKey != null;
        }
    }

    /**
     * @param fullBefore {@code REFUND_FULL_BEFORE_MINUTES}: a driver who cancels at least this long before the start
     *     gets everything back
     * @param partialPercent {@code REFUND_PARTIAL_PERCENT}: what a later cancellation (still before the start) gets
     *     back
     * @param resendAfter how long a refund the provider never answered (timeout, crash) waits before the next refund
     *     request for the same payment sends it again, with the same idempotency key
     */
    public record Refunds(
            @DefaultValue("60m") Duration fullBefore,
            @DefaultValue("50") @Min(0) @Max(100) int partialPercent,
            @DefaultValue("60s") Duration resendAfter) {

        public RefundPolicy policy() {
            return new RefundPolicy(fullBefore, partialPercent);
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
