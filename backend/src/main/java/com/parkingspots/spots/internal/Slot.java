package com.parkingspots.spots.internal;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A row of {@code spot_availability}. */
public record Slot(
        UUID id,
        UUID spotId,
        @Nullable Integer dayOfWeek,
        @Nullable LocalDate specificDate,
        LocalTime startTime,
        LocalTime endTime,
        boolean available) {}
