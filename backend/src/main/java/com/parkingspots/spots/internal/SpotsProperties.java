package com.parkingspots.spots.internal;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * @param defaultCurrency ISO 4217 code of spots created without one; {@code DEFAULT_CURRENCY}
 * @param defaultTimeZone IANA zone in which the hours of spots created without one are read; {@code DEFAULT_TIME_ZONE}
 * @param demoData {@code auto} (demo marketplace on the embedded database only), {@code true} or {@code false};
 *     {@code PARKINGSPOTS_DEMO_DATA}
 * @param maxImageBytes largest accepted photo; {@code SPOT_IMAGE_MAX_BYTES}
 * @param maxImagesPerSpot photos a spot may carry
 * @param searchStrategy {@code memory} (the in-memory marketplace, ADR 0010), or, for the benchmark's comparison,
 *     SQL: {@code knn} (GiST KNN, ADR 0002) or {@code baseline} (haversine over a B-tree box); {@code
 *     PARKINGSPOTS_SEARCH_STRATEGY}
 * @param catchUpInterval how often the in-memory marketplace catches up from the change log whatever the cluster bus
 *     announced: the longest a change can take to reach an instance that missed its announcement
 * @param changeLogRetention how long change log entries are kept; an instance that could not catch up for half of
 *     it builds its marketplace anew
 */
@Validated
@ConfigurationProperties("parkingspots.spots")
public record SpotsProperties(
        @DefaultValue("usd") @Pattern(regexp = "[A-Za-z]{3}")
        String defaultCurrency,

        @DefaultValue("UTC") String defaultTimeZone,

        @DefaultValue("auto") @Pattern(regexp = "auto|true|false")
        String demoData,

        @DefaultValue("5242880") @Min(1024) long maxImageBytes,
        @DefaultValue("10") @Min(1) @Max(100) int maxImagesPerSpot,

        @DefaultValue("memory") @Pattern(regexp = "memory|knn|baseline")
        String searchStrategy,

        @DefaultValue("2s") Duration catchUpInterval,
        @DefaultValue("1h") Duration changeLogRetention) {

    public SpotsProperties {
        defaultCurrency = defaultCurrency.toLowerCase(Locale.ROOT);
        if (catchUpInterval.isNegative() || catchUpInterval.isZero() || changeLogRetention.toMinutes() < 2) {
            throw new IllegalArgumentException("the marketplace's catch-up interval must be positive and the change"
                    + " log kept for at least 2 minutes");
        }
        if (!TimeZones.isValid(defaultTimeZone)) {
            throw new IllegalArgumentException(
                    "DEFAULT_TIME_ZONE '" + defaultTimeZone + "' is not an IANA time zone name (e.g. Europe/Athens)");
        }
    }

    public ZoneId timeZone() {
        return ZoneId.of(defaultTimeZone);
    }
}
