package com.parkingspots.spots;

import java.util.UUID;

/**
 * A spot became bookable or stopped being bookable: its {@code is_available} or {@code is_active} changed, or it was
 * deleted ({@code isAvailable} false). Published after the change, for real-time fan-out.
 */
public record SpotAvailabilityChanged(
        UUID spotId, UUID ownerId, boolean isAvailable, double latitude, double longitude) {}
