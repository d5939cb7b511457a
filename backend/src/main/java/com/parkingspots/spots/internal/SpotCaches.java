package com.parkingspots.spots.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.parkingspots.shared.cluster.CacheInvalidations;
import com.parkingspots.shared.cluster.SharedCache;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * In-process caches of search results and spot details, invalidated (never left to expire) whenever a spot, its rules,
 * its occupancy or its rating changes, once that change is committed. A booking (occupancy) changes only what a search
 * for a time window answers, so it moves only the occupancy generation that such entries also carry: under a steady
 * stream of bookings, details and plain searches stay cached.
 *
 * <p>Every entry remembers the generation it was computed in, and a change bumps the generation: an entry from an
 * older generation is a miss. So a search that ran while a change was committing can never be served afterwards, even
 * if it stored its result after the invalidation. Hits and misses are counted as
 * {@code parkingspots.spots.cache.requests{cache, result}}, with the ratio as {@code parkingspots.spots.cache.hit.ratio}.
 *
 * <p>An invalidation is broadcast through {@link CacheInvalidations}, so with several instances (Redis) every instance
 * drops its entries, not only the one that made the change.
 *
 * <p>Under the local level lies a {@link SharedCache} (Redis, when configured): a local miss asks it before the
 * database, and a value computed here is offered to the other instances. Values travel as JSON; the shared level has
 * its own generations, moved by every invalidation before it is broadcast. Its answers are counted as
 * {@code parkingspots.spots.cache.shared.requests{cache, result}}; {@code parkingspots.spots.cache.requests} counts a
 * hit when either level answered and a miss when the database did.
 */
@Component
class SpotCaches {

    /** {@code occupancy} is the occupancy generation the value depends on, or {@link #ANY} when it depends on none. */
    private record Entry<T>(long generation, long occupancy, T value) {}

    private static final long ANY = -1;

    static final String CACHE = "spots";
    static final String OCCUPANCY = "spots-occupancy";
    private static final String SEARCH = "spots-search-v1";
    private static final String WINDOW_SEARCH = "spots-window-search-v1";
    private static final String DETAIL = "spots-detail-v1";
    private static final TypeReference<List<SpotSummary>> SUMMARIES = new TypeReference<>() {};
    private static final TypeReference<Spot> SPOT = new TypeReference<>() {};

    private final AtomicLong generation = new AtomicLong();
    private final AtomicLong occupancyGeneration = new AtomicLong();
    private final Cache<SearchCriteria, Entry<List<SpotSummary>>> search;
    private final Cache<UUID, Entry<Spot>> details;
    private final boolean enabled;
    private final Counter searchHits;
    private final Counter searchMisses;
    private final Counter detailHits;
    private final Counter detailMisses;
    private final Counter sharedSearchHits;
    private final Counter sharedSearchMisses;
    private final Counter sharedDetailHits;
    private final Counter sharedDetailMisses;
    private final CacheInvalidations invalidations;
    private final SharedCache shared;
    private final JsonMapper json;

    SpotCaches(
            SpotsProperties properties,
            MeterRegistry registry,
            CacheInvalidations invalidations,
            SharedCache shared,
            JsonMapper json) {
        this.invalidations = invalidations;
        this.shared = shared;
        this.json = json;
        invalidations.onInvalidation(CACHE, this::dropLocalEntries);
        invalidations.onInvalidation(OCCUPANCY, occupancyGeneration::incrementAndGet);
        this.enabled = properties.cacheEntries() > 0;
        this.search =
                Caffeine.newBuilder().maximumSize(properties.cacheEntries()).build();
        this.details =
                Caffeine.newBuilder().maximumSize(properties.cacheEntries()).build();
        this.searchHits = counter(registry, "search", "hit");
        this.searchMisses = counter(registry, "search", "miss");
        this.detailHits = counter(registry, "detail", "hit");
        this.detailMisses = counter(registry, "detail", "miss");
        this.sharedSearchHits = sharedCounter(registry, "search", "hit");
        this.sharedSearchMisses = sharedCounter(registry, "search", "miss");
        this.sharedDetailHits = sharedCounter(registry, "detail", "hit");
        this.sharedDetailMisses = sharedCounter(registry, "detail", "miss");
        gauge(registry, "search", searchHits, searchMisses);
        gauge(registry, "detail", detailHits, detailMisses);
    }

    List<SpotSummary> search(SearchCriteria criteria, Supplier<List<SpotSummary>> query) {
        if (!enabled) {
            return query.get();
        }
        long current = generation.get();
        long occupancy = criteria.hasWindow() ? occupancyGeneration.get() : ANY;
        Entry<List<SpotSummary>> entry = search.getIfPresent(criteria);
        if (entry != null && entry.generation() == current && entry.occupancy() == occupancy) {
            searchHits.increment();
            return entry.value();
        }
        String key = searchKey(criteria);
        String sharedCache = criteria.hasWindow() ? WINDOW_SEARCH : SEARCH;
        SharedCache.Lookup lookup = shared.get(sharedCache, key);
        List<SpotSummary> result = decode(lookup.value(), SUMMARIES);
        if (result != null) {
            sharedSearchHits.increment();
            searchHits.increment();
        } else {
            sharedSearchMisses.increment();
            searchMisses.increment();
            result = List.copyOf(query.get());
            shared.put(sharedCache, lookup.generation(), key, json.writeValueAsString(result));
        }
        search.put(criteria, new Entry<>(current, occupancy, result));
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
        String key = spotId.toString();
        SharedCache.Lookup lookup = shared.get(DETAIL, key);
        Spot cached = decode(lookup.value(), SPOT);
        if (cached != null) {
            sharedDetailHits.increment();
            detailHits.increment();
            details.put(spotId, new Entry<>(current, ANY, cached));
            return Optional.of(cached);
        }
        sharedDetailMisses.increment();
        detailMisses.increment();
        Optional<Spot> spot = query.get();
        spot.ifPresent(s -> {
            details.put(spotId, new Entry<>(current, ANY, s));
            shared.put(DETAIL, lookup.generation(), key, json.writeValueAsString(s));
        });
        return spot;
    }

    /** Something searchable changed: forget every cached answer once the current transaction (if any) commits. */
    void invalidateAfterCommit() {
        afterCompletion(this::invalidate);
    }

    /**
     * Only bookings changed (a stay was added or removed): forget the searches for a time window once the current
     * transaction commits. Details and searches without a window do not depend on bookings and stay cached.
     */
    void invalidateOccupancyAfterCommit() {
        afterCompletion(() -> {
            shared.invalidate(WINDOW_SEARCH);
            invalidations.broadcast(OCCUPANCY);
        });
    }

    private static void afterCompletion(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    /**
     * Drops the entries here at once and on every other instance within milliseconds: the shared level moves to a new
     * generation first, so an instance that drops its local entries cannot refill them from the old shared ones.
     */
    void invalidate() {
        shared.invalidate(SEARCH);
        shared.invalidate(WINDOW_SEARCH);
        shared.invalidate(DETAIL);
        invalidations.broadcast(CACHE);
    }

    private <T> @Nullable T decode(@Nullable String value, TypeReference<T> type) {
        if (value == null) {
            return null;
        }
        try {
            return json.readValue(value, type);
        } catch (JacksonException e) {
            return null; // written by another version of the application: recompute and overwrite
        }
    }

    /** Criteria as a short stable key: the SHA-256 of their JSON (a record's components keep their order). */
    private String searchKey(SearchCriteria criteria) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(json.writeValueAsString(criteria).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Counter sharedCounter(MeterRegistry registry, String cache, String result) {
        return Counter.builder("parkingspots.spots.cache.shared.requests")
                .description("Lookups of the shared (Redis) spot cache level after a local miss")
                .tag("cache", cache)
                .tag("result", result)
                .register(registry);
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
