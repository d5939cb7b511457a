package com.parkingspots.spots.internal;

import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A search result: the list fields of a spot, and its distance when the search had a location. */
public record SpotSummary(
        UUID id,
        String title,
        String address,
        String city,
        String state,
        double latitude,
        double longitude,
        int hourlyRate,
        String currency,
        String spotType,
        String vehicleSize,
        boolean available,
        boolean covered,
        boolean evCharging,
        boolean security,
        boolean lighting,
        boolean handicapAccessible,
        double averageRating,
        int totalReviews,
        List<String> images,
        String timeZone,
        @Nullable Double distanceKm) {

    /** The list fields of a spot read whole (no distance). */
    static SpotSummary of(Spot s) {
        return new SpotSummary(
                s.id(),
                s.title(),
                s.address(),
                s.city(),
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
                Math.round(s.averageRating() * 100) / 100.0,
                s.totalReviews(),
                s.images(),
                s.timeZone(),
                null);
    }
}
