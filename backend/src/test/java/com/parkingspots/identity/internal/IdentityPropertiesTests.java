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

    @Test
    void defaultsAreTheSpecsThirtyMinutesSevenDaysAndBcryptCost12() {
        runner.run(context -> {
            IdentityProperties properties = context.getBean(IdentityProperties.class);
            assertThat(properties.accessTokenExpireMinutes()).isEqualTo(30);
            assertThat(properties.refreshTokenExpireDays()).isEqualTo(7);
            assertThat(properties.bcryptCost()).isEqualTo(12);
            assertThat(new Passwords(properties).hash("any-password")).startsWith("$2a$12$");
        });
    }
}
