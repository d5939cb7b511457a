package com.parkingspots.spots.internal;

import com.parkingspots.spots.SpotSnapshot;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code parking_spots}. {@code operatingHours} is the stored JSON text (null when unrestricted). */
public record Spot(
        UUID id,
        UUID ownerId,
        String title,
        @Nullable String description,
        String spotType,
        String vehicleSize,
        String address,
        String city,
        String state,
        String zipCode,
        String country,
        double latitude,
        double longitude,
        int hourlyRate,
        @Nullable Integer dailyRate,
        @Nullable Integer monthlyRate,
        String currency,
        boolean covered,
        boolean evCharging,
        boolean security,
        boolean lighting,
        boolean handicapAccessible,
        @Nullable String accessInstructions,
        @Nullable String operatingHours,
        String timeZone,
        List<String> images,
        boolean active,
        boolean available,
        int totalBookings,
        double averageRating,
        int totalReviews,
        boolean hasHistory,
        Instant createdAt,
        Instant updatedAt) {

    public boolean searchable() {
        return active && available;
    }

    public SpotSnapshot snapshot() {
        return new SpotSnapshot(
                id,
                ownerId,
                title,
                address,
                city,
                state,
                zipCode,
                latitude,
                longitude,
                active,
                available,
                hourlyRate,
                dailyRate,
                monthlyRate,
                currency,
                ZoneId.of(timeZone),
                accessInstructions);
    }
}
