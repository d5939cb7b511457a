package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** stripe-java against the local stub: what goes over the wire, and how Stripe's answers and failures come back. */
class StripePaymentProviderTests {

    private static StripeStub stub;
    private StripePaymentProvider stripe;

    @BeforeAll
    static void start() {
        stub = new StripeStub();
    }

    @AfterAll
    static void stop() {
        stub.close();
    }

    @BeforeEach
    void connect() {
        stub.reset();
        stripe = new StripePaymentProvider(new PaymentProperties.Stripe(
                "sk_test_stub",
                "pk_test_stub",
                "whsec_stub",
                stub.baseUrl(),
                Duration.ofSeconds(300),
                "http://localhost:8000/owner/payouts?onboarding=complete",
                "http://localhost:8000/owner/payouts?onboarding=refresh",
                0,
                Duration.ofSeconds(5)));
    }

    @Test
    void createsADestinationChargeWithTheApplicationFeeAndOurIdempotencyKey() {
        UUID booking = UUID.randomUUID();
        UUID driver = UUID.randomUUID();
        stub.intentCreated(StripeIdempotencyKeys.paymentIntent(booking), "pi_dest", 4450, "eur");

        var intent = stripe.createIntent(new PaymentProvider.IntentRequest(
                booking, driver, 4450, "eur", 450, "acct_owner", StripeIdempotencyKeys.paymentIntent(booking)));

        assertThat(intent.id()).isEqualTo("pi_dest");
        assertThat(intent.clientSecret()).isEqualTo("pi_dest_secret_stub");
        var sent = stub.posts("/v1/payment_intents");
        assertThat(sent).hasSize(1);
        assertThat(sent.getFirst().getHeader("Idempotency-Key")).isEqualTo("pi-create-" + booking);
        assertThat(sent.getFirst().getHeader("Authorization")).isEqualTo("Bearer sk_test_stub");
        assertThat(StripeStub.form(sent.getFirst()))
                .containsEntry("amount", "4450")
                .containsEntry("currency", "eur")
                .containsEntry("application_fee_amount", "450")
                .containsEntry("transfer_data[destination]", "acct_owner")
                .containsEntry("automatic_payment_methods[enabled]", "true")
                .containsEntry("metadata[booking_id]", booking.toString())
                .containsEntry("metadata[user_id]", driver.toString());
    }

    @Test
    void withoutAConnectAccountThePlatformKeepsTheWholeCharge() {
        UUID booking = UUID.randomUUID();
        stub.intentCreated(StripeIdempotencyKeys.paymentIntent(booking), "pi_plain", 710, "usd");
        stripe.createIntent(new PaymentProvider.IntentRequest(
                booking, UUID.randomUUID(), 710, "usd", 110, null, StripeIdempotencyKeys.paymentIntent(booking)));
        var form = StripeStub.form(stub.posts("/v1/payment_intents").getFirst());
        assertThat(form).containsEntry("amount", "710").doesNotContainKey("application_fee_amount");
        assertThat(form.keySet()).noneMatch(k -> k.startsWith("transfer_data"));
    }

    @Test
    void readsTheCardFromTheExpandedLatestCharge() {
        stub.intent("pi_card", 4450, "usd", "succeeded", "visa", "4242");
        var intent = stripe.retrieveIntent("pi_card");
        assertThat(intent.succeeded()).isTrue();
        assertThat(intent.chargeId()).isEqualTo("ch_pi_card");
        assertThat(intent.card()).isEqualTo(new PaymentProvider.CardDetails("card", "visa", "4242"));
    }

    @Test
    void refundsReverseTheTransferWithAKeyPerRefund() {
        UUID payment = UUID.randomUUID();
        var result = stripe.refund(new PaymentProvider.RefundRequest(
                payment, UUID.randomUUID(), "pi_r", 2225, true, StripeIdempotencyKeys.refund(payment, 2)));
        assertThat(result.status()).isEqualTo("succeeded");
        assertThat(result.id()).startsWith("re_");
        var sent = stub.posts("/v1/refunds").getFirst();
        assertThat(sent.getHeader("Idempotency-Key")).isEqualTo("refund-" + payment + "-2");
        assertThat(StripeStub.form(sent))
                .containsEntry("payment_intent", "pi_r")
                .containsEntry("amount", "2225")
                .containsEntry("reverse_transfer", "true")
                .containsEntry("reason", "requested_by_customer")
                .containsEntry("metadata[payment_id]", payment.toString());
    }

    @Test
    void createsAnExpressAccountAndAnOnboardingLinkFromConfiguration() {
        UUID owner = UUID.randomUUID();
        stub.accountCreated(StripeIdempotencyKeys.connectAccount(owner), "acct_new");
        String account =
                stripe.createConnectAccount(owner, "GR", "individual", StripeIdempotencyKeys.connectAccount(owner));
        assertThat(account).isEqualTo("acct_new");
        assertThat(StripeStub.form(stub.posts("/v1/accounts").getFirst()))
                .containsEntry("type", "express")
                .containsEntry("country", "GR")
                .containsEntry("business_type", "individual")
                .containsEntry("capabilities[transfers][requested]", "true");

        String url = stripe.onboardingUrl("acct_new", "acct-link-test");
        assertThat(url).startsWith("https://connect.stripe.test/setup/e/");
        var link = stub.posts("/v1/account_links").getFirst();
        assertThat(link.getHeader("Idempotency-Key")).isEqualTo("acct-link-test");
        assertThat(StripeStub.form(link))
                .containsEntry("account", "acct_new")
                .containsEntry("type", "account_onboarding")
                .containsEntry("return_url", "http://localhost:8000/owner/payouts?onboarding=complete")
                .containsEntry("refresh_url", "http://localhost:8000/owner/payouts?onboarding=refresh");
    }

    @Test
    void stripeErrorsBecome400WithStripesMessage() {
        stub.intentCreationRejected("No such destination: 'acct_gone'");
        assertThatThrownBy(() -> stripe.createIntent(new PaymentProvider.IntentRequest(
                        UUID.randomUUID(), UUID.randomUUID(), 100, "usd", 10, "acct_gone", "k1")))
                .isInstanceOfSatisfying(PaymentProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
                    assertThat(e.detail()).isEqualTo("No such destination: 'acct_gone'");
                    assertThat(e.outcomeUnknown()).isFalse();
                });
    }

    @Test
    void anUnreachableStripeIs503WithAnUnknownOutcome() {
        stub.intentCreationUnreachable();
        assertThatThrownBy(() -> stripe.createIntent(new PaymentProvider.IntentRequest(
                        UUID.randomUUID(), UUID.randomUUID(), 100, "usd", 10, null, "k2")))
                .isInstanceOfSatisfying(PaymentProviderException.class, e -> {
                    assertThat(e.status()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
                    assertThat(e.outcomeUnknown()).isTrue();
                });
    }
}
