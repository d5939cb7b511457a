package com.parkingspots.operations.internal;

import java.time.Duration;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param metricsToken {@code METRICS_TOKEN}: a scraper sending {@code Authorization: Bearer <token>} reads
 *     {@code /actuator/prometheus} on the public port; unset, nobody does there (use {@code MANAGEMENT_PORT})
 * @param window the admin dashboard's window for request and cache figures
 */
@ConfigurationProperties("parkingspots.operations")
public record OperationsProperties(
        @Nullable String metricsToken, @DefaultValue("10s") Duration window) {

    public OperationsProperties {
        if (metricsToken != null && metricsToken.isBlank()) {
            metricsToken = null;
        }
        if (metricsToken != null && metricsToken.length() < 16) {
            throw new IllegalStateException("METRICS_TOKEN must be at least 16 characters long");
        }
        if (window.toSeconds() < 1 || window.toSeconds() > 60) {
            throw new IllegalStateException("parkingspots.operations.window must be between 1 s and 60 s");
        }
    }

    public int windowSeconds() {
        return (int) window.toSeconds();
    }
}
