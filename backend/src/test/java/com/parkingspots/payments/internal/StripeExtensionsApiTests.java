package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.github.kagkarlsson.scheduler.task.TaskInstanceId;
import com.parkingspots.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** ADR 0011 with Stripe: an extension is held until its own PaymentIntent (the difference) succeeds. */
class StripeExtensionsApiTests extends StripeApiTest {

    @Autowired
    SchedulerClient scheduler;

    record Extension(String bookingId, String extensionId, String intentId, int amount) {}

    private Intent paidBooking(Api.Session driver, UUID spot, Instant start) {
        var intent = bookAndCreateIntent(driver, spot, start, start.plus(Duration.ofHours(2)));
        assertThat(paidByWebhook(intent).status()).isEqualTo(200);
        support.awaitStatus(driver, intent.bookingId(), "confirmed");
        return intent;
    }

    private Extension askAndCreateIntent(Api.Session driver, Intent booking, Instant newEnd) {
        var response = http.post(
                "/api/v1/bookings/" + booking.bookingId() + "/extend",
                "{\"end_time\":\"%s\"}".formatted(newEnd),
                driver.auth());
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        JsonNode extension = response.json().get("extension");
        assertThat(extension.get("status").asString()).isEqualTo("pending");
        String extensionId = extension.get("id").asString();
        int amount = extension.get("total_amount").asInt();
        String intentId = "pi_ext_" + extensionId.replace("-", "").substring(0, 16);
        STRIPE.intentCreated(
                StripeIdempotencyKeys.extensionPaymentIntent(UUID.fromString(extensionId)),
                intentId,
                amount,
                booking.currency());
        var created = http.post(
                "/api/v1/payments/create-payment-intent",
                "{\"booking_id\":\"%s\",\"extension_id\":\"%s\"}".formatted(booking.bookingId(), extensionId),
                driver.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("amount").asInt()).isEqualTo(amount);
        return new Extension(booking.bookingId(), extensionId, intentId, amount);
    }

    private void extensionPaid(Extension e, String currency) {
        STRIPE.intent(e.intentId(), e.amount(), currency, "succeeded", "visa", "4242");
        var response = webhook(event("evt_" + UUID.randomUUID(), "payment_intent.succeeded", """
                {"id": "%s", "object": "payment_intent", "amount": %d, "currency": "%s", "status": "succeeded",
                 "latest_charge": "ch_%s", "metadata": {"booking_id": "%s", "extension_id": "%s"}}""".formatted(
                        e.intentId(), e.amount(), currency, e.intentId(), e.bookingId(), e.extensionId())));
        assertThat(response.status()).isEqualTo(200);
    }

    private int bookFor(Api.Session who, UUID spot, Instant start, Instant end) {
        return http.post(
                        "/api/v1/bookings/",
                        "{\"parking_spot_id\":\"%s\",\"start_time\":\"%s\",\"end_time\":\"%s\"}"
                                .formatted(spot, start, end),
                        who.auth())
                .status();
    }

    @Test
    void theExtraTimeIsHeldWhileTheDifferenceIsPaidAndAppliedWhenItIs() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var rival = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        Instant start = PaymentsApiSupport.inMinutes(40 * 60);
        var booking = paidBooking(driver, spot, start);
        var extension = askAndCreateIntent(driver, booking, start.plus(Duration.ofHours(3)));
        assertThat(extension.amount()).isEqualTo(550);

        var pending = support.booking(driver, booking.bookingId());
        assertThat(pending.get("end_time").asString())
                .as("not applied before it is paid")
                .isEqualTo(start.plus(Duration.ofHours(2)).toString());
        assertThat(pending.get("pending_extension").get("id").asString()).isEqualTo(extension.extensionId());
        assertThat(bookFor(rival, spot, start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(3))))
                .as("the extra hour is held")
                .isEqualTo(409);
        var second = http.post(
                "/api/v1/bookings/" + booking.bookingId() + "/extend",
                "{\"end_time\":\"%s\"}".formatted(start.plus(Duration.ofHours(5))),
                driver.auth());
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString())
                .isEqualTo("An extension of this booking is waiting for payment");

        var sent = STRIPE.posts("/v1/payment_intents").stream()
                .filter(r -> StripeIdempotencyKeys.extensionPaymentIntent(UUID.fromString(extension.extensionId()))
                        .equals(r.getHeader("Idempotency-Key")))
                .toList();
        assertThat(sent).hasSize(1);
        assertThat(StripeStub.form(sent.getFirst()))
                .containsEntry("amount", "550")
                .containsEntry("metadata[extension_id]", extension.extensionId());

        extensionPaid(extension, booking.currency());
        PaymentsApiSupport.await(
                () -> support.booking(driver, booking.bookingId())
                        .get("end_time")
                        .asString()
                        .equals(start.plus(Duration.ofHours(3)).toString()),
                "the extension to take effect");
        var extended = support.booking(driver, booking.bookingId());
        assertThat(extended.get("total_amount").asInt()).isEqualTo(booking.amount() + 550);
        assertThat(extended.get("pending_extension").isNull()).isTrue();
        assertThat(jdbc.sql("SELECT status FROM payments WHERE extension_id = ?")
                        .param(UUID.fromString(extension.extensionId()))
                        .query(String.class)
                        .single())
                .isEqualTo("succeeded");
        // a second delivery of the same success changes nothing
        extensionPaid(extension, booking.currency());
        assertThat(support.booking(driver, booking.bookingId())
                        .get("total_amount")
                        .asInt())
                .isEqualTo(booking.amount() + 550);
    }

    @Test
    void anUnpaidExtensionExpiresAndMoneyArrivingAfterwardsIsRefundedInFull() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var rival = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        Instant start = PaymentsApiSupport.inMinutes(44 * 60);
        var booking = paidBooking(driver, spot, start);
        var extension = askAndCreateIntent(driver, booking, start.plus(Duration.ofHours(3)));

        // the hold ends (PAYMENT_HOLD_MINUTES): run the expiry job now
        jdbc.sql("UPDATE booking_extensions SET hold_expires_at = now() - interval '1 second' WHERE id = ?")
                .param(UUID.fromString(extension.extensionId()))
                .update();
        scheduler.reschedule(TaskInstanceId.of("booking-extension-expiry", extension.extensionId()), Instant.now());
        PaymentsApiSupport.await(
                () -> "expired"
                        .equals(jdbc.sql("SELECT status FROM booking_extensions WHERE id = ?")
                                .param(UUID.fromString(extension.extensionId()))
                                .query(String.class)
                                .single()),
                "the extension to expire");
        assertThat(support.booking(driver, booking.bookingId())
                        .get("pending_extension")
                        .isNull())
                .isTrue();
        assertThat(bookFor(rival, spot, start.plus(Duration.ofHours(2)), start.plus(Duration.ofHours(3))))
                .as("the extra hour is free again")
                .isEqualTo(201);

        extensionPaid(extension, booking.currency());
        PaymentsApiSupport.await(
                () -> STRIPE.posts("/v1/refunds").stream()
                        .anyMatch(r ->
                                extension.intentId().equals(StripeStub.form(r).get("payment_intent"))),
                "the late extension payment to be refunded");
        var refund = STRIPE.posts("/v1/refunds").stream()
                .filter(r -> extension.intentId().equals(StripeStub.form(r).get("payment_intent")))
                .findFirst()
                .orElseThrow();
        assertThat(StripeStub.form(refund)).containsEntry("amount", "550");
        var kept = support.booking(driver, booking.bookingId());
        assertThat(kept.get("status").asString()).isEqualTo("confirmed");
        assertThat(kept.get("end_time").asString())
                .isEqualTo(start.plus(Duration.ofHours(2)).toString());
    }
}
