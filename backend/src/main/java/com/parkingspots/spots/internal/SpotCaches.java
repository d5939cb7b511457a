package com.parkingspots.spots.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.parkingspots.shared.cluster.CacheInvalidations;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-process caches of search results and spot details, invalidated (never left to expire) whenever a spot, its rules,
 * its occupancy or its rating changes, once that change is committed.
 *
 * <p>Every entry remembers the generation it was computed in, and a change bumps the generation: an entry from an
 * older generation is a miss. So a search that ran while a change was committing can never be served afterwards, even
 * if it stored its result after the invalidation. Hits and misses are counted as
 * {@code parkingspots.spots.cache.requests{cache, result}}, with the ratio as {@code parkingspots.spots.cache.hit.ratio}.
 *
 * <p>An invalidation is broadcast through {@link CacheInvalidations}, so with several instances (Redis) every instance
 * drops its entries, not only the one that made the change.
 */
@Component
class SpotCaches {

    private record Entry<T>(long generation, T value) {}

    static final String CACHE = "spots";

    private final AtomicLong generation = new AtomicLong();
    private final Cache<SearchCriteria, Entry<List<SpotSummary>>> search;
    private final Cache<UUID, Entry<Spot>> details;
    private final boolean enabled;
    private final Counter searchHits;
    private final Counter searchMisses;
    private final Counter detailHits;
    private final Counter detailMisses;
    private final CacheInvalidations invalidations;

    SpotCaches(SpotsProperties properties, MeterRegistry registry, CacheInvalidations invalidations) {
        this.invalidations = invalidations;
        invalidations.onInvalidation(CACHE, this::dropLocalEntries);
        this.enabled = properties.cacheEntries() > 0;
        this.search =
                Caffeine.newBuilder().maximumSize(properties.cacheEntries()).build();
        this.details =
                Caffeine.newBuilder().maximumSize(properties.cacheEntries()).build();
        this.searchHits = counter(registry, "search", "hit");
        this.searchMisses = counter(registry, "search", "miss");
        this.detailHits = counter(registry, "detail", "hit");
        this.detailMisses = counter(registry, "detail", "miss");
        gauge(registry, "search", searchHits, searchMisses);
        gauge(registry, "detail", detailHits, detailMisses);
    }

    List<SpotSummary> search(SearchCriteria criteria, Supplier<List<SpotSummary>> query) {
        if (!enabled) {
            return query.get();
        }
        long current = generation.get();
        Entry<List<SpotSummary>> entry = search.getIfPresent(criteria);
        if (entry != null && entry.generation() == current) {
            searchHits.increment();
            return entry.value();
        }
        searchMisses.increment();
        List<SpotSummary> result = List.copyOf(query.get());
        search.put(criteria, new Entry<>(current, result));
        return result;
    }

    Optional<Spot> detail(UUID spotId, Supplier<Optional<Spot>> query) {
        if (!enabled) {
            return query.get();
        }
        long current = generation.get();
        Entry<Spot> entry = details.getIfPresent(spotId);
        if (entry != null && entry.generation() == current) {
            detailHits.increment();
            return Optional.of(entry.value());
        }
        detailMisses.increment();
        Optional<Spot> spot = query.get();
        spot.ifPresent(s -> details.put(spotId, new Entry<>(current, s)));
        return spot;
    }

    /** Something searchable changed: forget every cached answer once the current transaction (if any) commits. */
    void invalidateAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    invalidate();
                }
            });
        } else {
            invalidate();
        }
    }

    /** Drops the entries here at once and on every other instance within milliseconds. */
    void invalidate() {
        invalidations.broadcast(CACHE);
    }

    private void dropLocalEntries() {
        generation.incrementAndGet();
        search.invalidateAll();
        details.invalidateAll();
    }

    private static Counter counter(MeterRegistry registry, String cache, String result) {
        return Counter.builder("parkingspots.spots.cache.requests")
                .description("Spot cache lookups")
                .tag("cache", cache)
                .tag("result", result)
                .register(registry);
    }

    private static void gauge(MeterRegistry registry, String cache, Counter hits, Counter misses) {
        Gauge.builder("parkingspots.spots.cache.hit.ratio", () -> {
                    double total = hits.count() + misses.count();
                    return total == 0 ? 0 : hits.count() / total;
                })
                .description("Share of spot cache lookups answered from the cache")
                .tag("cache", cache)
                .register(registry);
    }
}
