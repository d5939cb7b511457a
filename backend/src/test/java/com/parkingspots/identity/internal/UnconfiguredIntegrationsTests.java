package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.shared.config.PlatformProperties;
import com.parkingspots.support.ApiTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The test profile's defaults, as a person trying the product has them: no Google or Facebook settings (sign-in with
 * them answers 400, never 500) and no SMTP (emails are written to files in
 * the data directory's outbox, and only their recipient and subject to the log).
 */
@ExtendWith(OutputCaptureExtension.class)
class UnconfiguredIntegrationsTests extends ApiTest {

    @Test
    void signInWithAnUnconfiguredProviderIs400() {
        var google = http.post("/api/v1/oauth/google", "{\"token\": \"x.y.z\", \"role\": \"renter\"}");
        assertThat(google.status()).isEqualTo(400);
        assertThat(google.json().get("detail").asString()).isEqualTo("Google sign-in is not configured");
        var facebook = http.post("/api/v1/oauth/facebook", "{\"access_token\": \"abc\", \"role\": \"renter\"}");
        assertThat(facebook.status()).isEqualTo(400);
        assertThat(facebook.json().get("detail").asString()).isEqualTo("Facebook sign-in is not configured");
    }

    @Test
    void providersAndGoogleConfigSayNothingIsConfigured() {
        var providers = http.get("/api/v1/auth/providers");
        assertThat(providers.status()).isEqualTo(200);
        assertThat(providers.json().get("google_client_id").isNull()).isTrue();
        assertThat(providers.json().get("facebook_app_id").isNull()).isTrue();
        var config = http.get("/api/v1/oauth/google/config");
        assertThat(config.json().get("client_id").isNull()).isTrue();
    }

    @Autowired
    PlatformProperties platform;

    @Test
    void withoutSmtpTheEmailGoesToTheOutboxAndOnlyItsSubjectToTheLog(CapturedOutput output)
            throws InterruptedException, IOException {
        var user = api.signUp("renter");
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!output.getOut().contains(user.email()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(output.getOut())
                .containsPattern("Email \\(not sent, no SMTP_HOST\\) to " + Pattern.quote(user.email())
                        + ": \"Confirm your email address for ParkingSpots\" written to .*outbox")
                .doesNotContain("verify-email?token=");
        List<String> emails;
        try (Stream<Path> files = Files.list(platform.dataDir().resolve("outbox"))) {
            emails = files.map(file -> {
                        try {
                            return Files.readString(file);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .filter(text -> text.contains("To: " + user.email()))
                    .toList();
        }
        assertThat(emails)
                .singleElement()
                .asString()
                .containsPattern(Pattern.quote("http://localhost:8000/verify-email?token=") + "[A-Za-z0-9_-]{43}");
        var forgot = http.post("/api/v1/auth/forgot-password", "{\"email\": \"someone@example.com\"}");
        assertThat(forgot.status()).isEqualTo(200);
    }
}
