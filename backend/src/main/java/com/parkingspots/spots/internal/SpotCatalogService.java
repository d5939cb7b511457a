package com.parkingspots.spots.internal;

import com.parkingspots.spots.SpotCatalog;
import com.parkingspots.spots.SpotOccupancy;
import com.parkingspots.spots.SpotRatings;
import com.parkingspots.spots.SpotSnapshot;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The spots module's API for other modules. Reads come from the in-memory marketplace once it is built; writes join
 * the caller's transaction (bookings, reviews) and reach the marketplace when that transaction commits.
 */
@Service
class SpotCatalogService implements SpotCatalog, SpotOccupancy, SpotRatings {

    private final Spots spots;
    private final SpotReads reads;
    private final MarketplaceSync marketplace;

    SpotCatalogService(Spots spots, SpotReads reads, MarketplaceSync marketplace) {
        this.spots = spots;
        this.reads = reads;
        this.marketplace = marketplace;
    }

    @Override
    public Optional<SpotSnapshot> find(UUID spotId) {
        return reads.find(spotId).map(Spot::snapshot);
    }

    @Override
    public Map<UUID, SpotSnapshot> findAll(Collection<UUID> spotIds) {
        return reads.findAll(spotIds).values().stream()
                .map(Spot::snapshot)
                .collect(Collectors.toMap(SpotSnapshot::id, Function.identity()));
    }

    @Override
    public List<UUID> spotIdsOwnedBy(UUID ownerId) {
        return spots.idsOwnedBy(ownerId);
    }

    /** The same SQL functions as the search's time-window filter: one rule for both. */
    @Override
    public Optional<String> unavailabilityReason(UUID spotId, Instant start, Instant end) {
        if (!end.isAfter(start)) {
            return Optional.of("End time must be after start time");
        }
        var bookability = spots.bookability(spotId, start, end);
        if (bookability.isEmpty()) {
            return Optional.of("Parking spot not found");
        }
        if (!bookability.get().listed()) {
            return Optional.of("Parking spot is not available");
        }
        if (!bookability.get().open()) {
            return Optional.of("Parking spot is closed at the requested time");
        }
        if (bookability.get().blocked()) {
            return Optional.of("Parking spot is blocked by its owner at the requested time");
        }
        return Optional.empty();
    }

    @Override
    @Transactional
    public void occupy(UUID spotId, UUID bookingId, Instant start, Instant end) {
        spots.occupy(spotId, bookingId, start, end);
        marketplace.occupied(spotId, bookingId, start, end);
    }

    @Override
    @Transactional
    public void release(UUID bookingId) {
        if (spots.release(bookingId)) {
            marketplace.released(bookingId);
        }
    }

    @Override
    @Transactional
    public void recordCompletedStay(UUID spotId) {
        spots.incrementTotalBookings(spotId);
        marketplace.spotFiguresChanged();
    }

    @Override
    @Transactional
    public void lockForUpdate(UUID spotId) {
        spots.lockRatings(spotId);
    }

    @Override
    @Transactional
    public void record(UUID spotId, double averageRating, int totalReviews) {
        spots.recordRatings(spotId, Math.round(averageRating * 100) / 100.0, totalReviews);
        marketplace.spotFiguresChanged();
    }
}
