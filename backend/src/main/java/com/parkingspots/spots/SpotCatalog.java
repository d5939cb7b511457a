package com.parkingspots.spots;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Read access to spots for other modules (bookings, reviews, payments, realtime). */
public interface SpotCatalog {

    Optional<SpotSnapshot> find(UUID spotId);

    /** Many spots in one query; unknown ids are absent from the map. */
    Map<UUID, SpotSnapshot> findAll(Collection<UUID> spotIds);

    /** Ids of every spot the user owns, active or not. */
    List<UUID> spotIdsOwnedBy(UUID ownerId);

    /**
     * Whether the spot's own rules allow a stay over {@code [start, end)}: open for the whole interval under its
     * operating hours, in its time zone, and not blocked by an availability slot. Bookings are not considered here
     * (see {@link SpotOccupancy}). Empty when allowed; otherwise a sentence for the user, e.g. "Parking spot is closed
     * at the requested time".
     */
    Optional<String> unavailabilityReason(UUID spotId, Instant start, Instant end);
}
