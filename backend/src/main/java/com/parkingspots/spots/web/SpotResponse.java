package com.parkingspots.spots.web;

import com.parkingspots.spots.internal.Spot;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** CONTRACT.md 2.3, with {@code state} beside {@code prefecture} (Decision 6) and the spot's {@code time_zone}. */
record SpotResponse(
        UUID id,
        UUID ownerId,
        String title,
        @Nullable String description,
        String spotType,
        String vehicleSize,
        String address,
        String city,
        String state,
        String prefecture,
        String zipCode,
        String country,
        double latitude,
        double longitude,
        int hourlyRate,
        @Nullable Integer dailyRate,
        @Nullable Integer monthlyRate,
        String currency,
        boolean isCovered,
        boolean hasEvCharging,
        boolean hasSecurity,
        boolean hasLighting,
        boolean isHandicapAccessible,
        @Nullable String accessInstructions,
        @Nullable JsonNode operatingHours,
        String timeZone,
        List<String> images,
        boolean isActive,
        boolean isAvailable,
        int totalBookings,
        double averageRating,
        int totalReviews,
        Instant createdAt,
        Instant updatedAt) {

    static SpotResponse of(Spot s, JsonMapper json) {
        return new SpotResponse(
                s.id(),
                s.ownerId(),
                s.title(),
                s.description(),
                s.spotType(),
                s.vehicleSize(),
                s.address(),
                s.city(),
                s.state(),
                s.state(),
                s.zipCode(),
                s.country(),
                s.latitude(),
                s.longitude(),
                s.hourlyRate(),
                s.dailyRate(),
                s.monthlyRate(),
                s.currency(),
                s.covered(),
                s.evCharging(),
                s.security(),
                s.lighting(),
                s.handicapAccessible(),
                s.accessInstructions(),
                s.operatingHours() == null ? null : json.readTree(s.operatingHours()),
                s.timeZone(),
                s.images(),
                s.active(),
                s.available(),
                s.totalBookings(),
                Math.round(s.averageRating() * 100) / 100.0,
                s.totalReviews(),
                s.createdAt(),
                s.updatedAt());
    }
}
