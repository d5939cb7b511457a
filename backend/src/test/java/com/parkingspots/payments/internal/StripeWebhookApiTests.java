package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import com.parkingspots.support.Http;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The webhook: real HMAC signatures over the raw body; each event acts once, in any order, any number of times. */
class StripeWebhookApiTests extends StripeApiTest {

    /** The driver of the last {@link #pendingIntent}. */
    private Api.Session driver;

    private Intent pendingIntent(int hoursAhead) {
        var owner = api.signUp("owner");
        driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 400");
        Instant start = PaymentsApiSupport.inMinutes(hoursAhead * 60L);
        return bookAndCreateIntent(driver, spot, start, start.plus(Duration.ofHours(2)));
    }

    private Api.Session driver() {
        return driver;
    }

    @Test
    void aSignedSucceededEventConfirmsTheBookingAndRecordsTheCard() {
        var intent = pendingIntent(30);
        var response = paidByWebhook(intent);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("success");

        var booking = support.booking(driver(), intent.bookingId());
        assertThat(booking.get("status").asString()).isEqualTo("confirmed");
        assertThat(booking.get("payment_status").asString()).isEqualTo("paid");
        var payment = paymentOf(driver(), intent.bookingId());
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("card_brand").asString()).isEqualTo("visa");
        assertThat(payment.get("last_four").asString()).isEqualTo("4242");
    }

    @Test
    void aTamperedBodyAStaleSignatureOrAnotherSecretIsRejected() {
        var intent = pendingIntent(31);
        String eventId = "evt_" + UUID.randomUUID();
        String payload = succeededEvent(eventId, intent);
        long now = Instant.now().getEpochSecond();
        String signature = "t=" + now + ",v1=" + WebhookSignature.sign(payload.getBytes(), now, WEBHOOK_SECRET);

        var tampered = http.post(
                "/api/v1/payments/webhook",
                payload.replace("\"amount\": ", "\"amount\": 1"),
                "Stripe-Signature",
                signature);
        assertThat(tampered.status()).isEqualTo(400);
        assertThat(tampered.json().get("detail").asString()).isEqualTo("Invalid signature");

        var stale = webhookSignedAt(payload, now - 301);
        assertThat(stale.status()).isEqualTo(400);
        assertThat(stale.json().get("detail").asString()).isEqualTo("Invalid signature");

        var otherSecret = http.post(
                "/api/v1/payments/webhook",
                payload,
                "Stripe-Signature",
                WebhookSignature.header(payload.getBytes(), now, "whsec_someone_else"));
        assertThat(otherSecret.status()).isEqualTo(400);

        var unsigned = http.post("/api/v1/payments/webhook", payload);
        assertThat(unsigned.status()).isEqualTo(400);
        assertThat(unsigned.json().get("detail").asString()).isEqualTo("Invalid signature");

        assertThat(support.status(driver(), intent.bookingId())).isEqualTo("pending");
        assertThat(jdbc.sql("SELECT count(*) FROM stripe_events WHERE id = :id")
                        .param("id", eventId)
                        .query(Integer.class)
                        .single())
                .isZero();
    }

    @Test
    void aSignedBodyThatIsNotAnEventIsAnInvalidPayload() {
        for (String payload :
                new String[] {"not json", "[]", "{\"id\": \"evt_x\"}", "{\"type\": \"x\", \"data\": {}}"}) {
            var response = webhook(payload);
            assertThat(response.status()).as(payload).isEqualTo(400);
            assertThat(response.json().get("detail").asString()).isEqualTo("Invalid payload");
        }
    }

    @Test
    void aDuplicatedEventIsProcessedOnceEvenWhenDeliveredConcurrently() throws Exception {
        var intent = pendingIntent(32);
        STRIPE.intent(intent.intentId(), intent.amount(), intent.currency(), "succeeded", "visa", "4242");
        String payload = succeededEvent("evt_dup_" + UUID.randomUUID(), intent);

        int deliveries = 8;
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Http.Response>> results = new ArrayList<>();
        try (var pool = Executors.newFixedThreadPool(deliveries)) {
            for (int i = 0; i < deliveries; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return webhook(payload);
                }));
            }
            go.countDown();
            for (var result : results) {
                assertThat(result.get().status()).isEqualTo(200);
            }
        }
        assertThat(webhook(payload).status()).as("and once more, later").isEqualTo(200);
        // a second event about the same success (Stripe may send several) changes nothing either
        assertThat(webhook(succeededEvent("evt_other_" + UUID.randomUUID(), intent))
                        .status())
                .isEqualTo(200);

        assertThat(support.status(driver(), intent.bookingId())).isEqualTo("confirmed");
        assertThat(support.transitionsTo(intent.bookingId(), "confirmed")).isOne();
    }

    @Test
    void theWebhookBeforeTheConfirmCallConfirmsOnceAndTheCallStillSucceeds() {
        var intent = pendingIntent(33);
        assertThat(paidByWebhook(intent).status()).isEqualTo(200);
        var confirm = http.post(
                "/api/v1/payments/confirm-payment?payment_intent_id=" + intent.intentId(), "", driver().auth());
        assertThat(confirm.status()).as(confirm.body()).isEqualTo(200);
        assertThat(confirm.json().get("status").asString()).isEqualTo("succeeded");
        assertThat(support.transitionsTo(intent.bookingId(), "confirmed")).isOne();
    }

    @Test
    void aFailureArrivingAfterTheSuccessChangesNothingAndABareFailureIsRecorded() {
        var paid = pendingIntent(34);
        assertThat(paidByWebhook(paid).status()).isEqualTo(200);
        String failedObject = """
                {"id": "%s", "object": "payment_intent", "status": "requires_payment_method",
                 "last_payment_error": {"message": "Your card was declined."}, "metadata": {}}""";
        assertThat(webhook(event(
                                "evt_" + UUID.randomUUID(),
                                "payment_intent.payment_failed",
                                failedObject.formatted(paid.intentId())))
                        .status())
                .isEqualTo(200);
        assertThat(paymentOf(driver(), paid.bookingId()).get("status").asString())
                .isEqualTo("succeeded");
        assertThat(support.status(driver(), paid.bookingId())).isEqualTo("confirmed");

        var declined = pendingIntent(35);
        assertThat(webhook(event(
                                "evt_" + UUID.randomUUID(),
                                "payment_intent.payment_failed",
                                failedObject.formatted(declined.intentId())))
                        .status())
                .isEqualTo(200);
        assertThat(paymentOf(driver(), declined.bookingId()).get("status").asString())
                .isEqualTo("failed");
        assertThat(support.status(driver(), declined.bookingId()))
                .as("the hold stays until it expires")
                .isEqualTo("pending");
    }

    @Test
    void eventsForUnknownBookingsAndUnknownTypesAreAcknowledgedAndIgnored() {
        var unknownBooking = new Intent(UUID.randomUUID().toString(), "pi_unknown_" + UUID.randomUUID(), 1000, "usd");
        STRIPE.intent(unknownBooking.intentId(), 1000, "usd", "succeeded", "visa", "4242");
        var response = webhook(succeededEvent("evt_" + UUID.randomUUID(), unknownBooking));
        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("status").asString()).isEqualTo("success");
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE payment_intent_id = :pi")
                        .param("pi", unknownBooking.intentId())
                        .query(Integer.class)
                        .single())
                .isZero();

        var unknownType = webhook(event("evt_" + UUID.randomUUID(), "customer.created", "{\"id\": \"cus_1\"}"));
        assertThat(unknownType.status()).isEqualTo(200);
        assertThat(unknownType.json().get("status").asString()).isEqualTo("success");
    }

    @Test
    void aSuccessWhoseBookingHoldAlreadyExpiredIsRefundedInFull() {
        var intent = pendingIntent(36);
        // the hold expires (the lifecycle job does this at the end of PAYMENT_HOLD_MINUTES); then the money arrives
        jdbc.sql("UPDATE bookings SET hold_expires_at = now() - interval '1 second' WHERE id = :id")
                .param("id", UUID.fromString(intent.bookingId()))
                .update();
        STRIPE.intentCancellable(intent.intentId());
        var cancel = http.post("/api/v1/bookings/" + intent.bookingId() + "/cancel", "{}", driver().auth());
        assertThat(cancel.status()).isEqualTo(200);
        PaymentsApiSupport.await(
                () -> !STRIPE.posts("/v1/payment_intents/" + intent.intentId() + "/cancel")
                        .isEmpty(),
                "the unpaid intent to be cancelled at Stripe");

        // Stripe had already taken the money (the cancel raced the payment): the success still arrives
        assertThat(paidByWebhook(intent).status()).isEqualTo(200);
        support.awaitStatus(driver(), intent.bookingId(), "refunded");
        var refunds = refundsSent(intent.bookingId());
        assertThat(refunds).hasSize(1);
        assertThat(refunds.getFirst())
                .containsEntry("amount", String.valueOf(intent.amount()))
                .containsEntry("payment_intent", intent.intentId());
        assertThat(support.transitionsTo(intent.bookingId(), "confirmed")).isZero();
    }
}
