package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class StripeIdempotencyKeysTests {

    private static final UUID ID = UUID.fromString("0b8f5a3e-6c1d-4c8e-9d7a-2f3b4c5d6e7f");

    @Test
    void keysAreDerivedFromOurIdsSoARetrySendsTheSameKey() {
        assertThat(StripeIdempotencyKeys.paymentIntent(ID)).isEqualTo("pi-create-" + ID);
        assertThat(StripeIdempotencyKeys.paymentIntent(ID)).isEqualTo(StripeIdempotencyKeys.paymentIntent(ID));
        assertThat(StripeIdempotencyKeys.refund(ID, 1)).isEqualTo("refund-" + ID + "-1");
        assertThat(StripeIdempotencyKeys.connectAccount(ID)).isEqualTo("acct-create-" + ID);
        assertThat(StripeIdempotencyKeys.cancelPaymentIntent(ID)).isEqualTo("pi-cancel-" + ID);
    }

    @Test
    void differentOperationsNeverShareAKey() {
        assertThat(StripeIdempotencyKeys.refund(ID, 1)).isNotEqualTo(StripeIdempotencyKeys.refund(ID, 2));
        assertThat(StripeIdempotencyKeys.accountLink("acct_1", UUID.randomUUID()))
                .isNotEqualTo(StripeIdempotencyKeys.accountLink("acct_1", UUID.randomUUID()));
        assertThatThrownBy(() -> StripeIdempotencyKeys.refund(ID, 0)).isInstanceOf(IllegalArgumentException.class);
        // Stripe accepts keys up to 255 characters
        assertThat(StripeIdempotencyKeys.accountLink("acct_" + "x".repeat(40), ID))
                .hasSizeLessThan(255);
    }
}
