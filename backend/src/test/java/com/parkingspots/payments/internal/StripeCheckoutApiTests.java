package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Decision 16 with Stripe: pending bookings, one intent per booking, confirmation by the booker only. */
class StripeCheckoutApiTests extends StripeApiTest {

    @Test
    void theClientGetsThePublishableKey() {
        var config = http.get("/api/v1/payments/config").json();
        assertThat(config.get("provider").asString()).isEqualTo("stripe");
        assertThat(config.get("publishable_key").asString()).isEqualTo("pk_test_stub");
        var client = http.get("/api/v1/config").json();
        assertThat(client.get("payment_provider").asString()).isEqualTo("stripe");
        assertThat(client.get("stripe_publishable_key").asString()).isEqualTo("pk_test_stub");
    }

    @Test
    void theIntentIsForTheBookingsTotalInTheSpotsCurrencyAndCreatedOnce() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500, \"currency\": \"eur\"");
        Instant start = PaymentsApiSupport.inMinutes(26 * 60);
        var intent = bookAndCreateIntent(driver, spot, start, start.plus(Duration.ofHours(8)));
        assertThat(intent.amount()).isEqualTo(4450);
        assertThat(intent.currency()).isEqualTo("eur");

        String key = "pi-create-" + intent.bookingId();
        var sent = STRIPE.posts("/v1/payment_intents").stream()
                .filter(r -> key.equals(r.getHeader("Idempotency-Key")))
                .toList();
        assertThat(sent).hasSize(1);
        assertThat(StripeStub.form(sent.getFirst()))
                .containsEntry("amount", "4450")
                .containsEntry("currency", "eur")
                .containsEntry("metadata[booking_id]", intent.bookingId())
                .doesNotContainKey("application_fee_amount"); // the owner has no Connect account

        // asking again returns the same intent (read back from Stripe), never a second one
        STRIPE.intent(intent.intentId(), 4450, "eur", "requires_payment_method", "visa", "4242");
        var again = http.post(
                "/api/v1/payments/create-payment-intent",
                "{\"booking_id\":\"%s\"}".formatted(intent.bookingId()),
                driver.auth());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        var json = again.json();
        assertThat(json.get("payment_intent_id").asString()).isEqualTo(intent.intentId());
        assertThat(json.get("client_secret").asString()).isEqualTo(intent.intentId() + "_secret_stub");
        assertThat(json.get("amount").asInt()).isEqualTo(4450);
        assertThat(json.get("currency").asString()).isEqualTo("eur");
        assertThat(STRIPE.posts("/v1/payment_intents").stream().filter(r -> key.equals(r.getHeader("Idempotency-Key"))))
                .hasSize(1);
        assertThat(support.booking(driver, intent.bookingId())
                        .get("payment_intent_id")
                        .asString())
                .isEqualTo(intent.intentId());
        assertThat(paymentOf(driver, intent.bookingId()).get("status").asString())
                .isEqualTo("pending");
    }

    @Test
    void onlyTheBookerCreatesAnIntentForAPendingBooking() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var stranger = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = PaymentsApiSupport.inMinutes(27 * 60);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(1)))
                .get("id")
                .asString();
        String body = "{\"booking_id\":\"%s\"}".formatted(id);
        for (var who : new com.parkingspots.support.Api.Session[] {stranger, owner}) {
            var denied = http.post("/api/v1/payments/create-payment-intent", body, who.auth());
            assertThat(denied.status()).isEqualTo(403);
            assertThat(denied.json().get("detail").asString()).isEqualTo("Not authorized");
        }
        var unknown = http.post(
                "/api/v1/payments/create-payment-intent",
                "{\"booking_id\":\"%s\"}".formatted(UUID.randomUUID()),
                driver.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Booking not found");
        assertThat(http.post("/api/v1/payments/create-payment-intent", "{\"booking_id\":\"nope\"}", driver.auth())
                        .status())
                .isEqualTo(422);

        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);
        var notPending = http.post("/api/v1/payments/create-payment-intent", body, driver.auth());
        assertThat(notPending.status()).isEqualTo(400);
        assertThat(notPending.json().get("detail").asString()).isEqualTo("Booking is not in pending state");
        assertThat(STRIPE.posts("/v1/payment_intents").stream()
                        .filter(r -> ("pi-create-" + id).equals(r.getHeader("Idempotency-Key"))))
                .isEmpty();
    }

    @Test
    void confirmingChecksWithStripeAndConfirmsOnlyForTheBooker() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 300");
        Instant start = PaymentsApiSupport.inMinutes(28 * 60);
        var intent = bookAndCreateIntent(driver, spot, start, start.plus(Duration.ofHours(2)));
        String confirm = "/api/v1/payments/confirm-payment?payment_intent_id=" + intent.intentId();

        STRIPE.intent(intent.intentId(), intent.amount(), intent.currency(), "requires_payment_method", "visa", "1");
        var unpaid = http.post(confirm, "", driver.auth());
        assertThat(unpaid.status()).isEqualTo(400);
        assertThat(unpaid.json().get("detail").asString()).isEqualTo("Payment has not been completed");
        assertThat(support.status(driver, intent.bookingId())).isEqualTo("pending");

        STRIPE.intent(intent.intentId(), intent.amount(), intent.currency(), "succeeded", "mastercard", "4444");
        var byOwner = http.post(confirm, "", owner.auth());
        assertThat(byOwner.status()).isEqualTo(403);
        assertThat(byOwner.json().get("detail").asString()).isEqualTo("Not authorized");
        assertThat(support.status(driver, intent.bookingId())).isEqualTo("pending");

        var ok = http.post(confirm, "", driver.auth());
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.json().get("message").asString()).isEqualTo("Payment confirmed");
        assertThat(ok.json().get("status").asString()).isEqualTo("succeeded");
        var booking = support.booking(driver, intent.bookingId());
        assertThat(booking.get("status").asString()).isEqualTo("confirmed");
        assertThat(booking.get("payment_status").asString()).isEqualTo("paid");
        var payment = paymentOf(driver, intent.bookingId());
        assertThat(payment.get("status").asString()).isEqualTo("succeeded");
        assertThat(payment.get("card_brand").asString()).isEqualTo("mastercard");
        assertThat(payment.get("last_four").asString()).isEqualTo("4444");
        assertThat(payment.get("payment_method").asString()).isEqualTo("card");

        var twice = http.post(confirm, "", driver.auth());
        assertThat(twice.status()).isEqualTo(200);
        assertThat(support.transitionsTo(intent.bookingId(), "confirmed")).isOne();

        var missing = http.post("/api/v1/payments/confirm-payment", "", driver.auth());
        assertThat(missing.status()).isEqualTo(422);
    }

    @Test
    void stripeErrorsAre400WithStripesMessageAndNeverLeaveAPayment() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = PaymentsApiSupport.inMinutes(29 * 60);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(1)))
                .get("id")
                .asString();
        // nothing stubbed for this booking's key: the stub answers like Stripe does for an unknown request
        var response = http.post(
                "/api/v1/payments/create-payment-intent", "{\"booking_id\":\"%s\"}".formatted(id), driver.auth());
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).isEqualTo("Unrecognized request URL (stub)");
        assertThat(http.get("/api/v1/payments/my-payments", driver.auth())
                        .json()
                        .size())
                .isZero();
    }
}
