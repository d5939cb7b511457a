package com.parkingspots.spots.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Where spot reads are answered: by the in-memory marketplace once it is built (no database round trip), by SQL
 * otherwise (while it is built, on a worker, with {@code PARKINGSPOTS_SEARCH_STRATEGY=knn|baseline}, or for a window
 * before the holds it keeps). Counted as {@code parkingspots.spots.cache.requests{cache=search|detail,
 * result=hit|miss}}: a hit was answered from memory, a miss by the database; {@code parkingspots.spots.cache.hit.ratio}
 * is their ratio (the dashboard's "cache hit rate").
 */
@Component
class SpotReads {

    private final MarketplaceSync sync;
    private final Spots spots;
    private final SpotSearch sql;
    private final Counter searchHits;
    private final Counter searchMisses;
    private final Counter detailHits;
    private final Counter detailMisses;

    SpotReads(MarketplaceSync sync, Spots spots, SpotSearch sql, MeterRegistry registry) {
        this.sync = sync;
        this.spots = spots;
        this.sql = sql;
        this.searchHits = counter(registry, "search", "hit");
        this.searchMisses = counter(registry, "search", "miss");
        this.detailHits = counter(registry, "detail", "hit");
        this.detailMisses = counter(registry, "detail", "miss");
        ratio(registry, "search", searchHits, searchMisses);
        ratio(registry, "detail", detailHits, detailMisses);
    }

    List<SpotSummary> search(SearchCriteria criteria) {
        Optional<List<SpotSummary>> answer = sync.marketplace().flatMap(m -> m.search(criteria));
        if (answer.isPresent()) {
            searchHits.increment();
            return answer.get();
        }
        searchMisses.increment();
        return sql.search(criteria);
    }

    Optional<Spot> find(UUID spotId) {
        Optional<Marketplace> marketplace = sync.marketplace();
        if (marketplace.isPresent()) {
            detailHits.increment();
            return marketplace.get().find(spotId).map(Listing::toSpot);
        }
        detailMisses.increment();
        return spots.find(spotId);
    }

    /** Unknown ids are absent from the map. */
    Map<UUID, Spot> findAll(Collection<UUID> spotIds) {
        Map<UUID, Spot> found = new LinkedHashMap<>();
        Optional<Marketplace> marketplace = sync.marketplace();
        if (marketplace.isPresent()) {
            detailHits.increment();
            for (UUID id : spotIds) {
                marketplace.get().find(id).ifPresent(listing -> found.put(id, listing.toSpot()));
            }
            return found;
        }
        detailMisses.increment();
        for (Spot spot : spots.findAll(spotIds)) {
            found.put(spot.id(), spot);
        }
        return found;
    }

    private static Counter counter(MeterRegistry registry, String cache, String result) {
        return Counter.builder("parkingspots.spots.cache.requests")
                .description("Spot reads: answered from the in-memory marketplace (hit) or by the database (miss)")
                .tag("cache", cache)
                .tag("result", result)
                .register(registry);
    }

    private static void ratio(MeterRegistry registry, String cache, Counter hits, Counter misses) {
        Gauge.builder("parkingspots.spots.cache.hit.ratio", () -> {
                    double total = hits.count() + misses.count();
                    return total == 0 ? 0 : hits.count() / total;
                })
                .description("Share of spot reads answered from memory")
                .tag("cache", cache)
                .register(registry);
    }
}
