package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The embedded default (no Stripe setting at all): every payments screen and sum works with the offline provider. */
class OfflinePaymentsApiTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    private PaymentsApiSupport support;

    @BeforeEach
    void support() {
        support = new PaymentsApiSupport(http, api, jdbc);
    }

    @Test
    void theClientIsToldPaymentsAreOffline() {
        var config = http.get("/api/v1/payments/config");
        assertThat(config.status()).isEqualTo(200);
        assertThat(config.json().get("provider").asString()).isEqualTo("offline");
        assertThat(config.json().get("publishable_key").isNull()).isTrue();
        var client = http.get("/api/v1/config").json();
        assertThat(client.get("payment_provider").asString()).isEqualTo("offline");
        assertThat(client.get("stripe_publishable_key").isNull()).isTrue();
    }

    @Test
    void anOfflineBookingHasASucceededOfflinePayment() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        Instant start = PaymentsApiSupport.inMinutes(48 * 60);
        var booking = support.book(driver, spot, start, start.plus(Duration.ofHours(8)));
        assertThat(booking.get("status").asString()).isEqualTo("confirmed");
        String id = booking.get("id").asString();

        var payment = support.awaitPayment(driver, id, "succeeded");
        assertThat(payment.get("amount").asInt()).isEqualTo(4450);
        assertThat(payment.get("currency").asString())
                .isEqualTo(booking.get("currency").asString());
        assertThat(payment.get("payment_method").asString()).isEqualTo("offline");
        assertThat(payment.get("last_four").isNull()).isTrue();
        assertThat(payment.get("card_brand").isNull()).isTrue();
        assertThat(payment.get("created_at").asString()).endsWith("Z");
        assertThat(payment.has("id")).isTrue();
        assertThat(http.get("/api/v1/payments/my-payments", owner.auth()).json().size())
                .as("the owner paid nothing")
                .isZero();
    }

    @Test
    void cancellingEarlyRefundsEverythingAsALedgerEntry() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 300");
        Instant start = PaymentsApiSupport.inMinutes(3 * 60);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(2)))
                .get("id")
                .asString();
        support.awaitPayment(driver, id, "succeeded");
        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);

        support.awaitStatus(driver, id, "refunded");
        support.awaitPayment(driver, id, "refunded");
        assertThat(support.refunded(id)).isEqualTo(710);
    }

    @Test
    void cancellingWithinTheHourRefundsHalfAndAskingAgainReturnsTheSameRefund() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 300");
        Instant start = PaymentsApiSupport.inMinutes(30);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(2)))
                .get("id")
                .asString();
        var payment = support.awaitPayment(driver, id, "succeeded");
        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);
        support.awaitStatus(driver, id, "refunded");
        support.awaitPayment(driver, id, "partially_refunded");
        assertThat(support.refunded(id)).isEqualTo(355);

        var again = http.post(
                "/api/v1/payments/refund",
                "{\"payment_id\":\"%s\"}".formatted(payment.get("id").asString()),
                driver.auth());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
        assertThat(again.json().get("id").asString())
                .isEqualTo(payment.get("id").asString());
        assertThat(again.json().get("original_amount").asInt()).isEqualTo(710);
        assertThat(again.json().get("refund_amount").asInt()).isEqualTo(355);
        assertThat(again.json().get("status").asString()).isEqualTo("partially_refunded");
        assertThat(again.json().get("refunded_at").asString()).endsWith("Z");
        assertThat(support.refundRows(id)).isOne();
    }

    @Test
    void theOwnerCancellingRefundsEverythingEvenAtTheLastMinute() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 300");
        Instant start = PaymentsApiSupport.inMinutes(10);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(1)))
                .get("id")
                .asString();
        support.awaitPayment(driver, id, "succeeded");
        assertThat(http.post("/api/v1/bookings/" + id + "/cancel", "{}", owner.auth())
                        .status())
                .isEqualTo(200);
        support.awaitPayment(driver, id, "refunded");
        support.awaitStatus(driver, id, "refunded");
        assertThat(support.refunded(id)).isEqualTo(380);
    }

    @Test
    void theBookerAskingForARefundCancelsTheBookingAndGetsThePolicyAmount() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        Instant start = PaymentsApiSupport.inMinutes(5 * 60);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(8)))
                .get("id")
                .asString();
        String paymentId =
                support.awaitPayment(driver, id, "succeeded").get("id").asString();

        var stranger = api.signUp("renter");
        var denied =
                http.post("/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(paymentId), stranger.auth());
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.json().get("detail").asString()).isEqualTo("Not authorized");
        var byOwner =
                http.post("/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(paymentId), owner.auth());
        assertThat(byOwner.status()).isEqualTo(403);

        var refund = http.post(
                "/api/v1/payments/refund",
                "{\"payment_id\":\"%s\",\"reason\":\"plans changed\"}".formatted(paymentId),
                driver.auth());
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(refund.json().get("refund_amount").asInt()).isEqualTo(4450);
        assertThat(refund.json().get("status").asString()).isEqualTo("refunded");
        assertThat(support.status(driver, id)).isEqualTo("refunded");
        assertThat(support.booking(driver, id).get("cancellation_reason").asString())
                .isEqualTo("plans changed");

        var twice = http.post("/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(paymentId), driver.auth());
        assertThat(twice.status()).isEqualTo(400);
        assertThat(twice.json().get("detail").asString()).isEqualTo("Can only refund successful payments");
        assertThat(support.refundRows(id)).isOne();
    }

    @Test
    void aCompletedStayEarnsTheOwnerAPayoutAndTheSummaryAddsUp() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 600");
        Instant start = PaymentsApiSupport.inMinutes(5);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(1)))
                .get("id")
                .asString();
        support.awaitPayment(driver, id, "succeeded");
        support.checkInAndOut(driver, id);

        var payout = support.awaitPayout(owner, id);
        assertThat(payout.get("owner_id").asString()).isEqualTo(owner.id().toString());
        assertThat(payout.get("amount").asInt()).isEqualTo(600);
        assertThat(payout.get("status").asString()).isEqualTo("paid");
        assertThat(payout.get("processed_at").asString()).endsWith("Z");
        assertThat(payout.get("currency").asString()).isNotBlank();

        var summary = http.get("/api/v1/payments/owner/summary", owner.auth()).json();
        assertThat(summary.get("total_earnings").asLong()).isEqualTo(600);
        assertThat(summary.get("pending_payouts").asLong()).isZero();
        assertThat(summary.get("completed_payouts").asLong()).isOne();
        assertThat(summary.get("this_month_earnings").asLong()).isEqualTo(600);
        assertThat(http.get("/api/v1/payments/owner/payouts", driver.auth())
                        .json()
                        .size())
                .as("only the owner sees the payout")
                .isZero();
        var drivers = http.get("/api/v1/payments/owner/summary", driver.auth()).json();
        assertThat(drivers.get("total_earnings").asLong()).isZero();
    }

    @Test
    void anAdminRefundsAnyAmountUpToWhatRemains() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var admin = support.admin();
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        Instant start = PaymentsApiSupport.inMinutes(24 * 60);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(8)))
                .get("id")
                .asString();
        String paymentId =
                support.awaitPayment(driver, id, "succeeded").get("id").asString();

        var partial = http.post(
                "/api/v1/payments/refund",
                "{\"payment_id\":\"%s\",\"amount\":1000}".formatted(paymentId),
                admin.auth());
        assertThat(partial.status()).as(partial.body()).isEqualTo(200);
        assertThat(partial.json().get("refund_amount").asInt()).isEqualTo(1000);
        assertThat(partial.json().get("status").asString()).isEqualTo("partially_refunded");
        assertThat(support.status(driver, id))
                .as("an admin refund does not cancel")
                .isEqualTo("confirmed");

        var tooMuch = http.post(
                "/api/v1/payments/refund",
                "{\"payment_id\":\"%s\",\"amount\":3451}".formatted(paymentId),
                admin.auth());
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().get("detail").asString()).contains("3450");

        var rest = http.post("/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(paymentId), admin.auth());
        assertThat(rest.status()).as(rest.body()).isEqualTo(200);
        assertThat(rest.json().get("refund_amount").asInt()).isEqualTo(3450);
        assertThat(rest.json().get("status").asString()).isEqualTo("refunded");
        assertThat(support.refunded(id)).isEqualTo(4450);
    }

    @Test
    void stripeOnlyCallsExplainThemselvesAndTheWebhookIsRefused() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "");
        Instant start = PaymentsApiSupport.inMinutes(72 * 60);
        String id = support.book(driver, spot, start, start.plus(Duration.ofHours(1)))
                .get("id")
                .asString();
        var intent = http.post(
                "/api/v1/payments/create-payment-intent", "{\"booking_id\":\"%s\"}".formatted(id), driver.auth());
        assertThat(intent.status()).isEqualTo(400);
        assertThat(intent.json().get("detail").asString()).isEqualTo("Booking is not in pending state");

        var connect = http.post("/api/v1/payments/connect/create-account", "{}", owner.auth());
        assertThat(connect.status()).isEqualTo(400);
        assertThat(connect.json().get("detail").asString()).contains("STRIPE_SECRET_KEY");
        var status = http.get("/api/v1/payments/connect/status", owner.auth()).json();
        assertThat(status.get("account_id").isNull()).isTrue();
        assertThat(status.get("charges_enabled").asBoolean()).isFalse();

        var webhook = http.post("/api/v1/payments/webhook", "{\"id\":\"evt_1\"}", "Stripe-Signature", "t=1,v1=00");
        assertThat(webhook.status()).isEqualTo(400);
        assertThat(webhook.json().get("detail").asString()).isEqualTo("Invalid signature");

        var unknown = http.post("/api/v1/payments/confirm-payment?payment_intent_id=pi_nope", "", driver.auth());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("detail").asString()).isEqualTo("Payment not found");
        var unknownRefund = http.post(
                "/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(UUID.randomUUID()), driver.auth());
        assertThat(unknownRefund.status()).isEqualTo(404);
        assertThat(unknownRefund.json().get("detail").asString()).isEqualTo("Payment not found");
    }

    @Test
    void everyPaymentsEndpointButConfigAndWebhookNeedsSignIn() {
        for (String path : new String[] {
            "/api/v1/payments/my-payments",
            "/api/v1/payments/owner/payouts",
            "/api/v1/payments/owner/summary",
            "/api/v1/payments/connect/status"
        }) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(http.post("/api/v1/payments/refund", "{}").status()).isEqualTo(401);
        assertThat(http.post("/api/v1/payments/create-payment-intent", "{}").status())
                .isEqualTo(401);
    }
}
