package com.parkingspots.spots.web;

import com.parkingspots.spots.internal.Slot;
import java.time.format.DateTimeFormatter;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** CONTRACT.md 2.8: times as HH:MM, the date as YYYY-MM-DD. */
record SlotResponse(
        @Nullable Integer dayOfWeek,
        @Nullable String specificDate,
        String startTime,
        String endTime,
        boolean isAvailable,
        UUID id,
        UUID parkingSpotId) {

    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    static SlotResponse of(Slot slot) {
        return new SlotResponse(
                slot.dayOfWeek(),
                slot.specificDate() == null ? null : slot.specificDate().toString(),
                HH_MM.format(slot.startTime()),
                HH_MM.format(slot.endTime()),
                slot.available(),
                slot.id(),
                slot.spotId());
    }
}
