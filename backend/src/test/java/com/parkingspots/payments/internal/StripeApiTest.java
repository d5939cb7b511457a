package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Http;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Base of the Stripe-mode HTTP tests: the whole application with the Stripe provider, pointed at one local
 * {@link StripeStub} (one Spring context for all subclasses). Nothing leaves the machine.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "parkingspots.payments.stripe.secret-key=sk_test_stub",
            "parkingspots.payments.stripe.publishable-key=pk_test_stub",
            "parkingspots.payments.stripe.webhook-secret=" + StripeApiTest.WEBHOOK_SECRET,
            "parkingspots.payments.stripe.max-network-retries=0",
            "parkingspots.payments.stripe.timeout=5s",
            "parkingspots.payments.refunds.resend-after=" + StripeApiTest.RESEND_AFTER_SECONDS + "s"
        })
abstract class StripeApiTest extends ApiTest {

    static final String WEBHOOK_SECRET = "whsec_test_payments";
    static final int RESEND_AFTER_SECONDS = 2;
    static final StripeStub STRIPE = new StripeStub();

    @DynamicPropertySource
    static void stripe(DynamicPropertyRegistry registry) {
        registry.add("parkingspots.payments.stripe.api-base", STRIPE::baseUrl);
    }

    @Autowired
    JdbcClient jdbc;

    PaymentsApiSupport support;

    @BeforeEach
    void support() {
        support = new PaymentsApiSupport(http, api, jdbc);
    }

    /** A pending booking and its payment intent (stubbed to answer for exactly this booking). */
    record Intent(String bookingId, String intentId, int amount, String currency) {}

    Intent bookAndCreateIntent(Api.Session driver, UUID spot, Instant start, Instant end) {
        var booking = support.book(driver, spot, start, end);
        assertThat(booking.get("status").asString()).isEqualTo("pending");
        assertThat(booking.get("payment_status").asString()).isEqualTo("pending");
        String bookingId = booking.get("id").asString();
        String intentId = "pi_" + bookingId.replace("-", "").substring(0, 20);
        int amount = booking.get("total_amount").asInt();
        String currency = booking.get("currency").asString();
        STRIPE.intentCreated(
                StripeIdempotencyKeys.paymentIntent(UUID.fromString(bookingId)), intentId, amount, currency);
        var response = http.post(
                "/api/v1/payments/create-payment-intent",
                "{\"booking_id\":\"%s\"}".formatted(bookingId),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("payment_intent_id").asString()).isEqualTo(intentId);
        return new Intent(bookingId, intentId, amount, currency);
    }

    /** Stripe says the intent succeeded (card visa 4242), and sends the webhook. */
    Http.Response paidByWebhook(Intent intent) {
        STRIPE.intent(intent.intentId(), intent.amount(), intent.currency(), "succeeded", "visa", "4242");
        return webhook(succeededEvent("evt_" + UUID.randomUUID(), intent));
    }

    String succeededEvent(String eventId, Intent intent) {
        return event(eventId, "payment_intent.succeeded", """
                {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "%s", "status": "succeeded",
                 "latest_charge": "ch_%s", "metadata": {"booking_id": "%s"}}""".formatted(
                        intent.intentId(), intent.amount(), intent.currency(), intent.intentId(), intent.bookingId()));
    }

    static String event(String id, String type, String object) {
        return """
                {"id": "%s", "object": "event", "type": "%s", "created": %d, "livemode": false,
                 "data": {"object": %s}}""".formatted(id, type, Instant.now().getEpochSecond(), object);
    }

    Http.Response webhook(String payload) {
        return webhookSignedAt(payload, Instant.now().getEpochSecond());
    }

    Http.Response webhookSignedAt(String payload, long timestamp) {
        String signature = WebhookSignature.header(payload.getBytes(StandardCharsets.UTF_8), timestamp, WEBHOOK_SECRET);
        return http.post("/api/v1/payments/webhook", payload, "Stripe-Signature", signature);
    }

    JsonNode paymentOf(Api.Session driver, String bookingId) {
        for (JsonNode p :
                http.get("/api/v1/payments/my-payments", driver.auth()).json()) {
            if (p.get("booking_id").asString().equals(bookingId)) {
                return p;
            }
        }
        throw new AssertionError("no payment for booking " + bookingId);
    }

    /** The refunds we asked Stripe for on this booking's payment. */
    java.util.List<java.util.Map<String, String>> refundsSent(String bookingId) {
        String paymentId = jdbc.sql("SELECT id FROM payments WHERE booking_id = :b")
                .param("b", UUID.fromString(bookingId))
                .query(String.class)
                .single();
        return STRIPE.posts("/v1/refunds").stream()
                .filter(r -> paymentId.equals(StripeStub.form(r).get("metadata[payment_id]")))
                .map(r -> {
                    var form = new java.util.LinkedHashMap<>(StripeStub.form(r));
                    form.put("Idempotency-Key", r.getHeader("Idempotency-Key"));
                    return (java.util.Map<String, String>) form;
                })
                .toList();
    }
}
