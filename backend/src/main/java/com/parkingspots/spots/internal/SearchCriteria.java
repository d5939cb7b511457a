package com.parkingspots.spots.internal;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A validated search: every filter is optional and combined with AND. A value record, so it is also the cache key.
 *
 * @param minSizeRank the vehicle's size rank (1 motorcycle … 5 oversized): spots of that size or larger fit it
 * @param start with {@code end}: only spots bookable for the whole of {@code [start, end)}
 */
public record SearchCriteria(
        @Nullable Double latitude,
        @Nullable Double longitude,
        double radiusKm,
        @Nullable String spotType,
        @Nullable Integer minSizeRank,
        @Nullable Integer maxHourlyRate,
        @Nullable Boolean evCharging,
        @Nullable Boolean covered,
        @Nullable Boolean security,
        @Nullable Boolean lighting,
        @Nullable Boolean handicapAccessible,
        @Nullable String q,
        @Nullable String city,
        @Nullable String state,
        @Nullable String zipCode,
        @Nullable Instant start,
        @Nullable Instant end,
        int offset,
        int limit) {

    public boolean hasLocation() {
        return latitude != null && longitude != null;
    }

    public boolean hasWindow() {
        return start != null && end != null;
    }
}
