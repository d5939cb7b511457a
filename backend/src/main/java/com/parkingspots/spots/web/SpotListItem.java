package com.parkingspots.spots.web;

import com.parkingspots.spots.internal.SpotSummary;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** CONTRACT.md 2.4 plus the extras of Decision 6, the spot's {@code time_zone} and the caller's {@code is_favorite}. */
record SpotListItem(
        UUID id,
        String title,
        String address,
        String city,
        String state,
        String prefecture,
        double latitude,
        double longitude,
        int hourlyRate,
        String currency,
        String spotType,
        String vehicleSize,
        boolean isAvailable,
        boolean isCovered,
        boolean hasEvCharging,
        boolean hasSecurity,
        boolean hasLighting,
        boolean isHandicapAccessible,
        double averageRating,
        int totalReviews,
        List<String> images,
        String timeZone,
        @Nullable Double distanceKm,
        boolean isFavorite) {

    static SpotListItem of(SpotSummary s) {
        return of(s, false);
    }

    /** {@code isFavorite}: whether the signed-in caller keeps this spot in their favourites (false when anonymous). */
    static SpotListItem of(SpotSummary s, boolean isFavorite) {
        return new SpotListItem(
                s.id(),
                s.title(),
                s.address(),
                s.city(),
                s.state(),
                s.state(),
                s.latitude(),
                s.longitude(),
                s.hourlyRate(),
                s.currency(),
                s.spotType(),
                s.vehicleSize(),
                s.available(),
                s.covered(),
                s.evCharging(),
                s.security(),
                s.lighting(),
                s.handicapAccessible(),
                s.averageRating(),
                s.totalReviews(),
                s.images(),
                s.timeZone(),
                s.distanceKm(),
                isFavorite);
    }
}
