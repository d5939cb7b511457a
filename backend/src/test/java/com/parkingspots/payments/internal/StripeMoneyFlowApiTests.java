package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.Api;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Decision 17 end to end against the stub: Connect onboarding, destination charges with the platform's fee, refunds by
 * the policy with {@code reverse_transfer}, and the owner's payout ledger.
 */
class StripeMoneyFlowApiTests extends StripeApiTest {

    /** An owner whose Express account Stripe says can take charges. */
    private String onboard(Api.Session owner) {
        String accountId = "acct_" + owner.id().toString().replace("-", "").substring(0, 16);
        STRIPE.accountCreated(StripeIdempotencyKeys.connectAccount(owner.id()), accountId);
        var created = http.post(
                "/api/v1/payments/connect/create-account",
                "{\"country\":\"gr\",\"business_type\":\"individual\"}",
                owner.auth());
        assertThat(created.status()).as(created.body()).isEqualTo(200);
        assertThat(created.json().get("account_id").asString()).isEqualTo(accountId);
        assertThat(created.json().get("onboarding_url").asString()).startsWith("https://connect.stripe.test/");

        var updated = webhook(event("evt_" + UUID.randomUUID(), "account.updated", """
                {"id": "%s", "object": "account", "charges_enabled": true, "payouts_enabled": true,
                 "details_submitted": true}""".formatted(accountId)));
        assertThat(updated.status()).isEqualTo(200);
        return accountId;
    }

    private Intent paid(Api.Session driver, UUID spot, Instant start, Duration length) {
        var intent = bookAndCreateIntent(driver, spot, start, start.plus(length));
        assertThat(paidByWebhook(intent).status()).isEqualTo(200);
        assertThat(support.status(driver, intent.bookingId())).isEqualTo("confirmed");
        return intent;
    }

    @Test
    void bookPayCheckInCompleteAndTheOwnerIsPaidThroughConnect() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        String account = onboard(owner);
        var status = http.get("/api/v1/payments/connect/status", owner.auth()).json();
        assertThat(status.get("account_id").asString()).isEqualTo(account);
        assertThat(status.get("charges_enabled").asBoolean()).isTrue();
        assertThat(status.get("payouts_enabled").asBoolean()).isTrue();

        UUID spot = api.createSpot(owner, "\"hourly_rate\": 600");
        Instant start = PaymentsApiSupport.inMinutes(5);
        var intent = paid(driver, spot, start, Duration.ofHours(1));

        var charge = STRIPE.posts("/v1/payment_intents").stream()
                .filter(r -> ("pi-create-" + intent.bookingId()).equals(r.getHeader("Idempotency-Key")))
                .map(StripeStub::form)
                .toList();
        assertThat(charge).hasSize(1);
        // 1 h at 600: subtotal 600, fee 10 % + 50 = 110, total 710; the owner's 600 goes to their account
        assertThat(charge.getFirst())
                .containsEntry("amount", "710")
                .containsEntry("application_fee_amount", "110")
                .containsEntry("transfer_data[destination]", account);

        support.checkInAndOut(driver, intent.bookingId());
        var payout = support.awaitPayout(owner, intent.bookingId());
        assertThat(payout.get("amount").asInt()).isEqualTo(600);
        assertThat(payout.get("status").asString()).isEqualTo("paid");
        assertThat(payout.get("currency").asString()).isEqualTo(intent.currency());
        var summary = http.get("/api/v1/payments/owner/summary", owner.auth()).json();
        assertThat(summary.get("total_earnings").asLong()).isEqualTo(600);
        assertThat(summary.get("completed_payouts").asLong()).isOne();
        assertThat(summary.get("this_month_earnings").asLong()).isEqualTo(600);
        assertThat(summary.get("pending_payouts").asLong()).isZero();

        // onboarding again reuses the stored account: one account, a fresh link
        var again = http.post("/api/v1/payments/connect/create-account", "{}", owner.auth());
        assertThat(again.json().get("account_id").asString()).isEqualTo(account);
        assertThat(STRIPE.posts("/v1/accounts").stream()
                        .filter(r -> ("acct-create-" + owner.id()).equals(r.getHeader("Idempotency-Key"))))
                .hasSize(1);
    }

    @Test
    void withoutAConnectAccountThePayoutWaitsOnThePlatform() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 600");
        var intent = paid(driver, spot, PaymentsApiSupport.inMinutes(6), Duration.ofHours(1));
        support.checkInAndOut(driver, intent.bookingId());
        var payout = support.awaitPayout(owner, intent.bookingId());
        assertThat(payout.get("status").asString()).isEqualTo("pending");
        assertThat(payout.get("processed_at").isNull()).isTrue();
        var summary = http.get("/api/v1/payments/owner/summary", owner.auth()).json();
        assertThat(summary.get("pending_payouts").asLong()).isEqualTo(600);
        assertThat(summary.get("total_earnings").asLong()).isZero();
        assertThat(summary.get("completed_payouts").asLong()).isZero();
    }

    @Test
    void cancellingMoreThanAnHourAheadRefundsEverything() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        var intent = paid(driver, spot, PaymentsApiSupport.inMinutes(3 * 60), Duration.ofHours(8));
        String paymentId = paymentOf(driver, intent.bookingId()).get("id").asString();
        assertThat(http.post("/api/v1/bookings/" + intent.bookingId() + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);

        support.awaitStatus(driver, intent.bookingId(), "refunded");
        var refunds = refundsSent(intent.bookingId());
        assertThat(refunds).hasSize(1);
        assertThat(refunds.getFirst())
                .containsEntry("amount", "4450")
                .containsEntry("payment_intent", intent.intentId())
                .containsEntry("Idempotency-Key", "refund-" + paymentId + "-1")
                .doesNotContainKey("reverse_transfer"); // nothing was transferred
        assertThat(paymentOf(driver, intent.bookingId()).get("status").asString())
                .isEqualTo("refunded");
    }

    @Test
    void cancellingWithinTheHourRefundsHalfAndTheBookerCannotAskForMore() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        String account = onboard(owner);
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        var intent = paid(driver, spot, PaymentsApiSupport.inMinutes(30), Duration.ofHours(8));
        String paymentId = paymentOf(driver, intent.bookingId()).get("id").asString();

        var greedy = http.post(
                "/api/v1/payments/refund",
                "{\"payment_id\":\"%s\",\"amount\":4450}".formatted(paymentId),
                driver.auth());
        assertThat(greedy.status()).isEqualTo(403);
        assertThat(support.status(driver, intent.bookingId()))
                .as("asking for a refund cancels the booking (the policy is decided then); the cancellation's own"
                        + " refund may already have run")
                .isIn("cancelled", "refunded");

        var refund =
                http.post("/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(paymentId), driver.auth());
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(refund.json().get("refund_amount").asInt()).isEqualTo(2225);
        assertThat(refund.json().get("original_amount").asInt()).isEqualTo(4450);
        assertThat(refund.json().get("status").asString()).isEqualTo("partially_refunded");
        support.awaitStatus(driver, intent.bookingId(), "refunded");

        var sent = refundsSent(intent.bookingId());
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst())
                .containsEntry("amount", "2225")
                .containsEntry("reverse_transfer", "true")
                .containsEntry("Idempotency-Key", "refund-" + paymentId + "-1");
        assertThat(account).isNotBlank();
    }

    @Test
    void theOwnerCancellingAtTheLastMinuteRefundsEverythingAndReversesTheTransfer() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        onboard(owner);
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        var intent = paid(driver, spot, PaymentsApiSupport.inMinutes(10), Duration.ofHours(2));
        assertThat(http.post("/api/v1/bookings/" + intent.bookingId() + "/cancel", "{}", owner.auth())
                        .status())
                .isEqualTo(200);
        support.awaitStatus(driver, intent.bookingId(), "refunded");
        var sent = refundsSent(intent.bookingId());
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst())
                .containsEntry("amount", String.valueOf(intent.amount()))
                .containsEntry("reverse_transfer", "true");
    }

    @Test
    void cancellingAfterTheStartRefundsNothingButAnAdminMay() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var admin = support.admin();
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        Instant started = Instant.now().minus(Duration.ofMinutes(2)); // within the booking's "now" grace
        var intent = paid(driver, spot, started, Duration.ofHours(2));
        String paymentId = paymentOf(driver, intent.bookingId()).get("id").asString();
        assertThat(http.post("/api/v1/bookings/" + intent.bookingId() + "/cancel", "{}", driver.auth())
                        .status())
                .isEqualTo(200);

        var asked = http.post("/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(paymentId), driver.auth());
        assertThat(asked.status()).isEqualTo(400);
        assertThat(asked.json().get("detail").asString()).isEqualTo("No refund is due under the cancellation policy");
        assertThat(refundsSent(intent.bookingId())).isEmpty();
        assertThat(support.status(driver, intent.bookingId())).isEqualTo("cancelled");

        var byAdmin = http.post(
                "/api/v1/payments/refund",
                "{\"payment_id\":\"%s\",\"amount\":1000,\"reason\":\"goodwill\"}".formatted(paymentId),
                admin.auth());
        assertThat(byAdmin.status()).as(byAdmin.body()).isEqualTo(200);
        assertThat(byAdmin.json().get("refund_amount").asInt()).isEqualTo(1000);
        assertThat(support.status(driver, intent.bookingId())).isEqualTo("refunded");
        var sent = refundsSent(intent.bookingId());
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst())
                .containsEntry("amount", "1000")
                .containsEntry("Idempotency-Key", "refund-" + paymentId + "-1");

        var beyond = http.post(
                "/api/v1/payments/refund",
                "{\"payment_id\":\"%s\",\"amount\":%d}".formatted(paymentId, intent.amount()),
                admin.auth());
        assertThat(beyond.status()).isEqualTo(400);
        assertThat(refundsSent(intent.bookingId())).hasSize(1);
        var rest = http.post("/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(paymentId), admin.auth());
        assertThat(rest.status()).isEqualTo(200);
        assertThat(rest.json().get("refund_amount").asInt()).isEqualTo(intent.amount() - 1000);
        assertThat(refundsSent(intent.bookingId()))
                .extracting(r -> r.get("Idempotency-Key"))
                .containsExactly("refund-" + paymentId + "-1", "refund-" + paymentId + "-2");
        assertThat(support.refunded(intent.bookingId())).isEqualTo(intent.amount());
    }

    @Test
    void aRefundBeforeCompletionLowersTheOwnersPayoutByTheirShare() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var admin = support.admin();
        onboard(owner);
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 600");
        var intent = paid(driver, spot, PaymentsApiSupport.inMinutes(7), Duration.ofHours(1));
        String paymentId = paymentOf(driver, intent.bookingId()).get("id").asString();
        var refund = http.post(
                "/api/v1/payments/refund", "{\"payment_id\":\"%s\",\"amount\":355}".formatted(paymentId), admin.auth());
        assertThat(refund.status()).as(refund.body()).isEqualTo(200);
        assertThat(refundsSent(intent.bookingId()).getFirst()).containsEntry("reverse_transfer", "true");

        support.checkInAndOut(driver, intent.bookingId());
        // 355 of 710 refunded: the owner's 600 loses its share, 355 × 600 / 710 = 300
        assertThat(support.awaitPayout(owner, intent.bookingId()).get("amount").asInt())
                .isEqualTo(300);
    }

    @Test
    void aPendingRefundSettlesByWebhookAndAFailedOneFreesItsAmount() {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var admin = support.admin();
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        var intent = paid(driver, spot, PaymentsApiSupport.inMinutes(21 * 60), Duration.ofHours(2));
        String paymentId = paymentOf(driver, intent.bookingId()).get("id").asString();
        String first = "re_pending_" + UUID.randomUUID().toString().substring(0, 8);
        STRIPE.refundsPendingFor(paymentId, first);

        var pending = http.post(
                "/api/v1/payments/refund", "{\"payment_id\":\"%s\",\"amount\":500}".formatted(paymentId), admin.auth());
        assertThat(pending.status()).as(pending.body()).isEqualTo(200);
        assertThat(pending.json().get("status").asString()).isEqualTo("processing");
        assertThat(support.refunded(intent.bookingId())).isZero();

        String refundObject = """
                {"id": "%s", "object": "refund", "amount": %d, "status": "%s",
                 "metadata": {"payment_id": "%s"}}""";
        assertThat(webhook(event(
                                "evt_" + UUID.randomUUID(),
                                "refund.updated",
                                refundObject.formatted(first, 500, "succeeded", paymentId)))
                        .status())
                .isEqualTo(200);
        assertThat(support.refunded(intent.bookingId())).isEqualTo(500);
        assertThat(paymentOf(driver, intent.bookingId()).get("status").asString())
                .isEqualTo("partially_refunded");

        String second = "re_pending_" + UUID.randomUUID().toString().substring(0, 8);
        STRIPE.refundsPendingFor(paymentId, second);
        var remaining = intent.amount() - 500;
        assertThat(http.post("/api/v1/payments/refund", "{\"payment_id\":\"%s\"}".formatted(paymentId), admin.auth())
                        .json()
                        .get("refund_amount")
                        .asInt())
                .isEqualTo(remaining);
        assertThat(webhook(event(
                                "evt_" + UUID.randomUUID(),
                                "refund.failed",
                                refundObject.formatted(second, remaining, "failed", paymentId)))
                        .status())
                .isEqualTo(200);
        assertThat(support.refunded(intent.bookingId())).isEqualTo(500);
        // the failed refund no longer counts against what remains
        STRIPE.refundsPendingFor(
                paymentId, "re_again_" + UUID.randomUUID().toString().substring(0, 8));
        var again = http.post(
                "/api/v1/payments/refund",
                "{\"payment_id\":\"%s\",\"amount\":%d}".formatted(paymentId, remaining),
                admin.auth());
        assertThat(again.status()).as(again.body()).isEqualTo(200);
    }

    @Test
    void aRefundThatTimesOutIsSentAgainWithTheSameKey() throws Exception {
        var owner = api.signUp("owner");
        var driver = api.signUp("renter");
        var admin = support.admin();
        UUID spot = api.createSpot(owner, "\"hourly_rate\": 500");
        var intent = paid(driver, spot, PaymentsApiSupport.inMinutes(20 * 60), Duration.ofHours(2));
        String paymentId = paymentOf(driver, intent.bookingId()).get("id").asString();

        var outage = STRIPE.refundsUnreachableFor(paymentId);
        var failed = http.post(
                "/api/v1/payments/refund", "{\"payment_id\":\"%s\",\"amount\":500}".formatted(paymentId), admin.auth());
        assertThat(failed.status()).isEqualTo(503);
        assertThat(failed.json().get("detail").asString()).isNotBlank();
        STRIPE.remove(outage);

        // the reserved refund still counts: what remains is 1150 - 500
        var tooMuch = http.post(
                "/api/v1/payments/refund", "{\"payment_id\":\"%s\",\"amount\":651}".formatted(paymentId), admin.auth());
        assertThat(tooMuch.status()).isEqualTo(400);

        // once the unanswered refund is old enough to be presumed lost, the next request for this payment sends it
        // again
        // first, with the same key
        Thread.sleep(Duration.ofSeconds(RESEND_AFTER_SECONDS).plusMillis(500));
        var next = http.post(
                "/api/v1/payments/refund", "{\"payment_id\":\"%s\",\"amount\":100}".formatted(paymentId), admin.auth());
        assertThat(next.status()).as(next.body()).isEqualTo(200);
        // (the JDK's HTTP client itself may repeat a POST whose connection was reset: the same key makes that safe)
        var sent = refundsSent(intent.bookingId()).stream()
                .map(r -> r.get("Idempotency-Key") + " " + r.get("amount"))
                .toList();
        assertThat(sent.getLast()).isEqualTo("refund-" + paymentId + "-2 100");
        assertThat(sent.subList(0, sent.size() - 1))
                .hasSizeGreaterThanOrEqualTo(2)
                .containsOnly("refund-" + paymentId + "-1 500");
        assertThat(support.refunded(intent.bookingId())).isEqualTo(600);
    }
}
