package com.parkingspots.spots;

import java.time.ZoneId;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** What other modules read about a spot: enough to price, authorise and display a booking. */
public record SpotSnapshot(
        UUID id,
        UUID ownerId,
        String title,
        String address,
        String city,
        String state,
        String zipCode,
        double latitude,
        double longitude,
        boolean active,
        boolean available,
        int hourlyRate,
        @Nullable Integer dailyRate,
        @Nullable Integer monthlyRate,
        String currency,
        ZoneId timeZone,
        @Nullable String accessInstructions) {}
