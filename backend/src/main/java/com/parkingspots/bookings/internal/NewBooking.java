package com.parkingspots.bookings.internal;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A validated request to book a spot. */
public record NewBooking(
        UUID spotId,
        Instant startTime,
        Instant endTime,
        @Nullable String vehiclePlate,
        @Nullable String vehicleMake,
        @Nullable String vehicleModel,
        @Nullable String vehicleColor,
        @Nullable String specialRequests) {}
