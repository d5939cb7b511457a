package com.parkingspots.identity;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A vehicle a driver saved in their profile; {@code plate} is upper case without spaces. */
public record Vehicle(
        UUID id,
        UUID userId,
        String plate,
        @Nullable String make,
        @Nullable String model,
        @Nullable String color,
        boolean isDefault,
        Instant createdAt) {}
