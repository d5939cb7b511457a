package com.parkingspots.payments.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTests {

    private static final String SECRET = "whsec_test_secret";
    private static final Duration TOLERANCE = Duration.ofSeconds(300);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final byte[] BODY =
            "{\"id\":\"evt_1\",\"type\":\"payment_intent.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    @Test
    void acceptsStripesSchemeOnTheRawBody() {
        String header = WebhookSignature.header(BODY, NOW.getEpochSecond(), SECRET);
        assertThat(WebhookSignature.isValid(BODY, header, SECRET, NOW, TOLERANCE))
                .isTrue();
    }

    @Test
    void matchesAKnownHmacSha256Vector() {
        // HMAC-SHA256(key "whsec_test_secret", "1772366400.{}"), computed independently with openssl
        assertThat(WebhookSignature.sign("{}".getBytes(StandardCharsets.UTF_8), 1772366400L, SECRET))
                .isEqualTo(OPENSSL_HMAC);
    }

    @Test
    void stripeJavaAcceptsWhatWeSign() throws Exception {
        long t = Instant.now().getEpochSecond();
        String payload = new String(BODY, StandardCharsets.UTF_8);
        assertThat(com.stripe.net.Webhook.Signature.verifyHeader(
                        payload, WebhookSignature.header(BODY, t, SECRET), SECRET, 300))
                .isTrue();
    }

    @Test
    void rejectsATamperedBody() {
        String header = WebhookSignature.header(BODY, NOW.getEpochSecond(), SECRET);
        byte[] tampered = new String(BODY, StandardCharsets.UTF_8)
                .replace("succeeded", "payment_failed")
                .getBytes(StandardCharsets.UTF_8);
        assertThat(WebhookSignature.isValid(tampered, header, SECRET, NOW, TOLERANCE))
                .isFalse();
    }

    @Test
    void rejectsAnotherSecret() {
        String header = WebhookSignature.header(BODY, NOW.getEpochSecond(), "whsec_other");
        assertThat(WebhookSignature.isValid(BODY, header, SECRET, NOW, TOLERANCE))
                .isFalse();
    }

    @Test
    void toleratesFiveMinutesEitherWayAndNoMore() {
        long now = NOW.getEpochSecond();
        for (long t : new long[] {now - 300, now + 300}) {
            assertThat(WebhookSignature.isValid(BODY, WebhookSignature.header(BODY, t, SECRET), SECRET, NOW, TOLERANCE))
                    .as("t = now %+d s", t - now)
                    .isTrue();
        }
        for (long t : new long[] {now - 301, now + 301}) {
            assertThat(WebhookSignature.isValid(BODY, WebhookSignature.header(BODY, t, SECRET), SECRET, NOW, TOLERANCE))
                    .as("t = now %+d s", t - now)
                    .isFalse();
        }
    }

    @Test
    void acceptsAnyOfSeveralSignaturesDuringASecretRoll() {
        long t = NOW.getEpochSecond();
        String header = "t=" + t + ",v1=" + WebhookSignature.sign(BODY, t, "whsec_old") + ",v1="
                + WebhookSignature.sign(BODY, t, SECRET) + ",v0=ignored";
        assertThat(WebhookSignature.isValid(BODY, header, SECRET, NOW, TOLERANCE))
                .isTrue();
    }

    @Test
    void rejectsMalformedHeaders() {
        long t = NOW.getEpochSecond();
        String v1 = WebhookSignature.sign(BODY, t, SECRET);
        for (String header : new String[] {
            null, "", "garbage", "t=" + t, "v1=" + v1, "t=abc,v1=" + v1, "t=" + t + ",v1=", "t=" + t + ",v0=" + v1
        }) {
            assertThat(WebhookSignature.isValid(BODY, header, SECRET, NOW, TOLERANCE))
                    .as(String.valueOf(header))
                    .isFalse();
        }
    }

    private static final String OPENSSL_HMAC = "312d04e5e3636c21acd134cc8f3fef3bd662cc75e813fdfb216e0094b52e5507";
}
