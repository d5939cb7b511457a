package com.parkingspots.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class IdentityPropertiesTests {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(IdentityProperties.class)
    static class PropertiesOnly {}

    private final ApplicationContextRunner runner =
            new ApplicationContextRunner().withUserConfiguration(PropertiesOnly.class);

    IdentityProperties defaults() {
        IdentityProperties[] bound = new IdentityProperties[1];
        runner.run(context -> bound[0] = context.getBean(IdentityProperties.class));
        return bound[0];
    }

    @Test
    void emailAbuseAndProviderDefaultsAreSafe() {
        IdentityProperties properties = defaults();
        assertThat(properties.authRateLimitPerMinute()).isEqualTo(5);
        assertThat(properties.trustedProxyList()).isEmpty();
        assertThat(properties.passwordResetTokenLifetime()).hasMinutes(30);
        assertThat(properties.verificationTokenLifetime()).hasHours(48);
        assertThat(properties.publicBaseUrl()).isEqualTo("http://localhost:8000");
        assertThat(properties.mail().smtpConfigured()).isFalse();
        assertThat(properties.mail().smtpPort()).isEqualTo(587);
        assertThat(properties.mail().smtpStarttls()).isTrue();
        assertThat(properties.mail().from()).isEqualTo("ParkingSpots <no-reply@parkingspots.local>");
        assertThat(properties.google().clientId()).isNull();
        assertThat(properties.google().jwksUrl()).isEqualTo("https://www.googleapis.com/oauth2/v3/certs");
        assertThat(properties.facebook().configured()).isFalse();
        assertThat(properties.facebook().graphUrl()).isEqualTo("https://graph.facebook.com");
        assertThat(properties.adminEmail()).isNull();
    }

    @Test
    void secretsNeverAppearInToString() {
        runner.withPropertyValues(
                        "parkingspots.identity.admin-password=admin-secret-value",
                        "parkingspots.identity.mail.smtp-password=smtp-secret-value",
                        "parkingspots.identity.facebook.app-secret=facebook-secret-value")
                .run(context -> {
                    String text = context.getBean(IdentityProperties.class).toString();
                    assertThat(text)
                            .doesNotContain("admin-secret-value")
                            .doesNotContain("smtp-secret-value")
                            .doesNotContain("facebook-secret-value")
                            .contains("adminPassword=******");
                });
    }

    @Test
    void defaultsAreTheSpecsThirtyMinutesSevenDaysAndBcryptCost12() {
        runner.run(context -> {
            IdentityProperties properties = context.getBean(IdentityProperties.class);
            assertThat(properties.accessTokenExpireMinutes()).isEqualTo(30);
            assertThat(properties.refreshTokenExpireDays()).isEqualTo(7);
            assertThat(properties.bcryptCost()).isEqualTo(12);
        });
    }
}
