package com.parkingspots.payments.web;

import com.parkingspots.payments.internal.Checkout;
import com.parkingspots.payments.internal.ConnectOnboarding;
import com.parkingspots.payments.internal.Payment;
import com.parkingspots.payments.internal.PaymentProperties;
import com.parkingspots.payments.internal.PaymentQueries;
import com.parkingspots.payments.internal.Payout;
import com.parkingspots.payments.internal.PayoutLedger;
import com.parkingspots.payments.internal.Refunds;
import com.parkingspots.payments.internal.StripeWebhooks;
import com.parkingspots.shared.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** CONTRACT.md 3.7 (with Decisions 16 and 17): intents, confirmation, webhook, refunds, payouts, Connect onboarding. */
@RestController
@RequestMapping("/api/v1/payments")
class PaymentsController {

    /** {@code extension_id}: pay for a pending extension of the booking instead of the booking itself (ADR 0011). */
    record IntentRequest(@NotNull UUID bookingId, @Nullable UUID extensionId) {}

    record RefundRequest(
            @NotNull UUID paymentId,
            @PositiveOrZero @Nullable Integer amount,
            @Size(max = 500) @Nullable String reason) {}

    record ConnectRequest(
            @Pattern(regexp = "[A-Za-z]{2}", message = "country must be a two-letter ISO 3166 code") @Nullable
            String country,

            @Pattern(
                    regexp = "individual|company|non_profit|government_entity",
                    message = "business_type must be individual, company, non_profit or government_entity")
            @Nullable
            String businessType) {}

    record PaymentResponse(
            UUID id,
            UUID bookingId,
            int amount,
            String currency,
            String status,
            @Nullable String paymentMethod,
            @Nullable String lastFour,
            @Nullable String cardBrand,
            Instant createdAt) {}

    record PayoutResponse(
            UUID id,
            UUID ownerId,
            @Nullable UUID bookingId,
            int amount,
            String currency,
            String status,
            @Nullable Instant processedAt,
            Instant createdAt) {}

    record ConnectStatus(
            @Nullable String accountId, boolean chargesEnabled, boolean payoutsEnabled, boolean detailsSubmitted) {}

    record ClientConfig(String provider, @Nullable String publishableKey) {}

    private final Checkout checkout;
    private final Refunds refunds;
    private final PayoutLedger ledger;
    private final ConnectOnboarding connect;
    private final StripeWebhooks webhooks;
    private final PaymentQueries queries;
    private final PaymentProperties properties;

    PaymentsController(
            Checkout checkout,
            Refunds refunds,
            PayoutLedger ledger,
            ConnectOnboarding connect,
            StripeWebhooks webhooks,
            PaymentQueries queries,
            PaymentProperties properties) {
        this.checkout = checkout;
        this.refunds = refunds;
        this.ledger = ledger;
        this.connect = connect;
        this.webhooks = webhooks;
        this.queries = queries;
        this.properties = properties;
    }

    /** Public: which provider the web client should use, and Stripe's publishable key for Stripe.js. */
    @GetMapping("/config")
    ClientConfig config() {
        boolean stripe = properties.stripe().enabled();
        return new ClientConfig(
                stripe ? "stripe" : "offline", stripe ? properties.stripe().publishableKey() : null);
    }

    @PostMapping("/create-payment-intent")
    Checkout.IntentView createPaymentIntent(Caller caller, @Valid @RequestBody IntentRequest request) {
        return checkout.createIntent(caller, request.bookingId(), request.extensionId());
    }

    @PostMapping("/confirm-payment")
    Map<String, String> confirmPayment(Caller caller, @RequestParam("payment_intent_id") String paymentIntentId) {
        checkout.confirm(caller, paymentIntentId);
        return Map.of("message", "Payment confirmed", "status", "succeeded");
    }

    /** Stripe calls this; the body is read raw (never parsed before its signature is checked). */
    @PostMapping("/webhook")
    Map<String, String> webhook(
            @RequestBody(required = false) byte @Nullable [] payload,
            @RequestHeader(name = "Stripe-Signature", required = false) @Nullable String signature) {
        webhooks.handle(payload, signature);
        return Map.of("status", "success");
    }

    @PostMapping("/refund")
    Refunds.RefundView refund(Caller caller, @Valid @RequestBody RefundRequest request) {
        return refunds.request(caller, request.paymentId(), request.amount(), request.reason());
    }

    @GetMapping("/my-payments")
    List<PaymentResponse> myPayments(Caller caller) {
        return queries.paymentsOf(caller.id()).stream()
                .map(PaymentsController::response)
                .toList();
    }

    @GetMapping("/owner/payouts")
    List<PayoutResponse> payouts(Caller caller) {
        return ledger.of(caller.id()).stream().map(PaymentsController::response).toList();
    }

    @GetMapping("/owner/summary")
    Payout.Summary summary(Caller caller) {
        return ledger.summary(caller.id());
    }

    @PostMapping("/connect/create-account")
    ConnectOnboarding.Link createAccount(
            Caller caller, @Valid @RequestBody(required = false) @Nullable ConnectRequest request) {
        String country = request == null || request.country() == null
                ? "US"
                : request.country().toUpperCase(java.util.Locale.ROOT);
        String businessType = request == null || request.businessType() == null ? "individual" : request.businessType();
        return connect.createAccount(caller, country, businessType);
    }

    @GetMapping("/connect/status")
    ConnectStatus connectStatus(Caller caller) {
        return connect.status(caller.id())
                .map(a ->
                        new ConnectStatus(a.accountId(), a.chargesEnabled(), a.payoutsEnabled(), a.detailsSubmitted()))
                .orElse(new ConnectStatus(null, false, false, false));
    }

    private static PaymentResponse response(Payment p) {
        return new PaymentResponse(
                p.id(),
                p.bookingId(),
                p.amount(),
                p.currency(),
                p.status().value(),
                p.paymentMethod(),
                p.lastFour(),
                p.cardBrand(),
                p.createdAt());
    }

    private static PayoutResponse response(Payout p) {
        return new PayoutResponse(
                p.id(),
                p.ownerId(),
                p.bookingId(),
                p.amount(),
                p.currency(),
                p.status(),
                p.processedAt(),
                p.createdAt());
    }
}
