package com.parkingspots.spots.internal;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.parkingspots.shared.cluster.ClusterEventBus;
import com.parkingspots.shared.web.ApiException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Users' favourite spots ({@code spot_favorites}). Search marks favourites on its list items without a database query:
 * each user's favourite ids are kept in memory, loaded on that user's first marked read, replaced on this instance when
 * the user changes them and dropped on every other instance through the cluster bus (so the next read there loads them
 * again; {@code parkingspots.spots.favorites.loads} counts those reads). At most 50,000 users are kept, each for at most an hour after its last read; after a bus outage every entry is
 * dropped, as messages may have been missed.
 */
@Service
public class Favorites {

    private static final Logger log = LoggerFactory.getLogger(Favorites.class);
    static final String TOPIC = "spot-favorites";
    public static final int MAX_PER_USER = 500;

    private final JdbcClient jdbc;
    private final SpotReads reads;
    private final ClusterEventBus bus;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Cache<UUID, Set<UUID>> cache = Caffeine.newBuilder()
            .maximumSize(50_000)
            .expireAfterAccess(Duration.ofHours(1))
            .build();

    private final Counter loads;

    Favorites(
            JdbcClient jdbc,
            SpotReads reads,
            ClusterEventBus bus,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry registry) {
        this.loads = Counter.builder("parkingspots.spots.favorites.loads")
                .description("Users' favourite spot ids read from the database into memory")
                .register(registry);
        this.jdbc = jdbc;
        this.reads = reads;
        this.bus = bus;
        this.transactions = transactions;
        this.clock = clock;
        bus.subscribe(TOPIC, this::received);
        bus.onPossibleLoss(cache::invalidateAll);
    }

    /** The user's favourite spot ids, from memory after the first call. */
    public Set<UUID> idsOf(UUID userId) {
        return cache.get(userId, this::load);
    }

    /** The user's favourite spots, most recently added first (spots that no longer exist are left out). */
    public List<SpotSummary> of(UUID userId) {
        List<UUID> ids = jdbc.sql(
                        "SELECT spot_id FROM spot_favorites WHERE user_id = ? ORDER BY created_at DESC, spot_id")
                .param(userId)
                .query(UUID.class)
                .list();
        Map<UUID, Spot> spots = reads.findAll(ids);
        return ids.stream()
                .filter(spots::containsKey)
                .map(id -> SpotSummary.of(spots.get(id)))
                .toList();
    }

    /** Idempotent; a spot that does not exist (or is no longer listed) is 404. */
    public void add(UUID userId, UUID spotId) {
        Spot spot = reads.find(spotId).orElseThrow(() -> ApiException.notFound(SpotManagement.NOT_FOUND));
        if (!spot.active()) {
            throw ApiException.notFound(SpotManagement.NOT_FOUND);
        }
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT id FROM users WHERE id = ? FOR UPDATE")
                    .param(userId)
                    .query(UUID.class)
                    .optional();
            int count = jdbc.sql("SELECT count(*) FROM spot_favorites WHERE user_id = ?")
                    .param(userId)
                    .query(Integer.class)
                    .single();
            if (count >= MAX_PER_USER) {
                throw ApiException.badRequest("You can keep at most " + MAX_PER_USER + " favourite spots");
            }
            jdbc.sql("""
                            INSERT INTO spot_favorites (user_id, spot_id, created_at) VALUES (?, ?, ?)
                            ON CONFLICT DO NOTHING""")
                    .params(userId, spotId, Timestamp.from(clock.instant()))
                    .update();
            changed(userId);
        });
    }

    /** Idempotent: removing a spot that is not a favourite changes nothing. */
    public void remove(UUID userId, UUID spotId) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("DELETE FROM spot_favorites WHERE user_id = ? AND spot_id = ?")
                    .params(userId, spotId)
                    .update();
            changed(userId);
        });
    }

    private Set<UUID> load(UUID userId) {
        loads.increment();
        return Set.copyOf(new HashSet<>(jdbc.sql("SELECT spot_id FROM spot_favorites WHERE user_id = ?")
                .param(userId)
                .query(UUID.class)
                .list()));
    }

    /** After the commit: this instance reloads at once, the others drop the user's entry. */
    private void changed(UUID userId) {
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                bus.publish(TOPIC, userId.toString());
                cache.put(userId, load(userId));
            }
        });
    }

    private void received(String message) {
        try {
            cache.invalidate(UUID.fromString(message));
        } catch (IllegalArgumentException e) {
            log.warn("Ignoring a malformed favourites change message");
        }
    }
}
