package com.parkingspots.spots.internal;

import com.parkingspots.shared.cluster.ClusterEventBus;
import com.parkingspots.shared.cluster.ClusterProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps this instance's {@link Marketplace} equal to PostgreSQL (ADR 0010).
 *
 * <ul>
 *   <li><b>Build</b>: at start, in the background, from one snapshot of every spot and the holds still ahead; until it
 *       is built, readiness is down and searches and lookups go to the database, so answers are right meanwhile.
 *   <li><b>Own changes</b>: once a transaction that changed a spot commits, the marketplace catches up from the change
 *       log before the request returns (so the next search here sees it); a booking's hold or release is applied
 *       directly, without a query.
 *   <li><b>Other instances' changes</b>: each change is announced on the cluster bus (Redis pub/sub when configured);
 *       an announcement makes this instance catch up within milliseconds.
 *   <li><b>Nothing lost</b>: every {@code catch-up-interval} the marketplace also catches up from the log, whatever
 *       the bus delivered, so a missed announcement (Redis down, a partition) delays a change by that much, no more.
 *       The log ({@code spot_changes}) records the transaction of every change; a catch-up reads the entries of every
 *       transaction at or after the oldest one that was still running at the previous catch-up, so a transaction that
 *       commits late is never skipped. An instance that could not catch up for longer than half the log's retention
 *       builds itself anew.
 * </ul>
 *
 * Figures: {@code parkingspots.spots.marketplace.entries}, {@code .bytes} (estimate), {@code .lag} (seconds since the
 * database state the marketplace reflects), {@code .holds}, and {@code .catchups{result}}.
 */
@Component("marketplace")
class MarketplaceSync implements SmartLifecycle, HealthIndicator {

    static final String TOPIC = "spots-changed";
    private static final Logger log = LoggerFactory.getLogger(MarketplaceSync.class);
    /** Holds are kept from this long ago on; searches for earlier windows go to the database. */
    private static final Duration KEEP_PAST_HOLDS = Duration.ofDays(1);
    /** Announcements closer together than this are caught up in one go. */
    private static final long MIN_GAP_MILLIS = 20;

    private final MarketplaceRows rows;
    private final ClusterEventBus bus;
    private final Clock clock;
    private final String instanceId;
    private final boolean enabled;
    private final Duration interval;
    private final Duration retention;
    private final ReentrantLock catchUpLock = new ReentrantLock();
    private final AtomicLong requested = new AtomicLong();
    private final AtomicBoolean announced = new AtomicBoolean();
    private final Counter caughtUp;
    private final Counter failed;
    private final Timer catchUpTime;

    private volatile @Nullable Marketplace marketplace;
    private volatile boolean running;
    private volatile @Nullable String buildFailure;
    private volatile long covered;
    private volatile long xmin;
    /** When the snapshot the marketplace reflects was taken. */
    private volatile Instant reflects = Instant.EPOCH;

    private volatile Instant lastCatchUp = Instant.EPOCH;
    private volatile long lastAnnouncedRun;
    private @Nullable ScheduledExecutorService executor;

    MarketplaceSync(
            MarketplaceRows rows,
            ClusterEventBus bus,
            ClusterProperties cluster,
            SpotsProperties properties,
            MeterRegistry meters,
            Clock clock) {
        this.rows = rows;
        this.bus = bus;
        this.clock = clock;
        this.instanceId = cluster.instanceId();
        this.enabled = cluster.instanceRole().servesApi()
                && properties.searchStrategy().equals("memory");
        this.interval = properties.catchUpInterval();
        this.retention = properties.changeLogRetention();
        this.caughtUp = Counter.builder("parkingspots.spots.marketplace.catchups")
                .description("Catch-ups of the in-memory marketplace from the change log")
                .tag("result", "ok")
                .register(meters);
        this.failed = Counter.builder("parkingspots.spots.marketplace.catchups")
                .description("Catch-ups of the in-memory marketplace from the change log")
                .tag("result", "failed")
                .register(meters);
        this.catchUpTime = Timer.builder("parkingspots.spots.marketplace.catchup.time")
                .description("Time of one catch-up from the change log")
                .register(meters);
        Gauge.builder("parkingspots.spots.marketplace.entries", () -> figure(Marketplace::size))
                .description("Spots held in memory")
                .register(meters);
        Gauge.builder("parkingspots.spots.marketplace.bytes", () -> figure(Marketplace::bytes))
                .description("Estimated heap held by the in-memory marketplace")
                .baseUnit("bytes")
                .register(meters);
        Gauge.builder("parkingspots.spots.marketplace.holds", () -> figure(Marketplace::holds))
                .description("Booking holds (ahead, or ended in the last day) held in memory")
                .register(meters);
        Gauge.builder("parkingspots.spots.marketplace.lag", this::lagSeconds)
                .description("Seconds since the database state the in-memory marketplace reflects")
                .baseUnit("seconds")
                .register(meters);
        bus.subscribe(TOPIC, this::announcement);
        bus.onPossibleLoss(this::catchUpSoon);
    }

    /** The marketplace, once built; empty while it is being built, on a worker, or when search runs in SQL. */
    Optional<Marketplace> marketplace() {
        return Optional.ofNullable(marketplace);
    }

    boolean enabled() {
        return enabled;
    }

    // --- changes made here ---

    /** A spot's row, rules or photos changed in the current transaction: catch up once it commits, and announce it. */
    void spotChanged() {
        afterCommit(() -> {
            catchUpNow();
            announce();
        });
    }

    /**
     * A spot's figures changed in another module's transaction (a rating, a completed stay): as {@link #spotChanged},
     * so the next read of the spot here shows them.
     */
    void spotFiguresChanged() {
        spotChanged();
    }

    /** A booking holds the interval (in the current transaction): apply it once that commits. */
    void occupied(UUID spotId, UUID bookingId, Instant start, Instant end) {
        afterCommit(() -> {
            requested.incrementAndGet(); // a build replacing the marketplace now catches up for it
            Marketplace current = marketplace;
            if (current != null) {
                current.occupy(spotId, bookingId, start, end);
            }
            announce();
        });
    }

    /** A booking released its interval (in the current transaction): apply it once that commits. */
    void released(UUID bookingId) {
        afterCommit(() -> {
            requested.incrementAndGet();
            Marketplace current = marketplace;
            if (current != null) {
                current.release(bookingId);
            }
            announce();
        });
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private void announce() {
        if (enabled) {
            bus.publish(TOPIC, instanceId);
        }
    }

    private void announcement(String origin) {
        if (!origin.equals(instanceId)) {
            catchUpSoon();
        }
    }

    // --- catching up ---

    /**
     * Catches up from the change log, covering every change committed before this call; a caller that arrives while
     * another's catch-up runs waits for it and, if that one started too early to cover its change, runs one more.
     */
    void catchUpNow() {
        long ticket = requested.incrementAndGet();
        if (marketplace == null) {
            return; // the build catches up once more after it serves, for every ticket taken meanwhile
        }
        catchUpLock.lock();
        try {
            if (covered >= ticket) {
                return;
            }
            long upTo = requested.get();
            if (catchUp()) {
                covered = upTo;
            }
        } finally {
            catchUpLock.unlock();
        }
    }

    private void catchUpSoon() {
        ScheduledExecutorService scheduler = executor;
        if (scheduler == null || !announced.compareAndSet(false, true)) {
            return;
        }
        long wait = Math.max(0, lastAnnouncedRun + MIN_GAP_MILLIS - System.currentTimeMillis());
        scheduler.schedule(
                () -> {
                    announced.set(false);
                    lastAnnouncedRun = System.currentTimeMillis();
                    catchUpNow();
                },
                wait,
                TimeUnit.MILLISECONDS);
    }

    private void tick() {
        try {
            if (marketplace == null) {
                if (buildFailure != null) {
                    build(); // the database was not there at start: try again
                    buildFailure = null;
                }
                return;
            }
            if (Duration.between(lastCatchUp, clock.instant()).compareTo(retention.dividedBy(2)) > 0) {
                log.warn("The marketplace could not catch up for {}: building it anew", retention.dividedBy(2));
                build();
                return;
            }
            catchUpNow();
            Marketplace current = marketplace;
            Instant keepFrom = clock.instant().minus(KEEP_PAST_HOLDS);
            if (current != null
                    && Duration.between(current.occupancyFrom(), keepFrom).toMinutes() >= 60) {
                current.forgetOccupancyBefore(keepFrom);
            }
        } catch (RuntimeException e) {
            if (marketplace == null) {
                buildFailure = e.toString();
            }
            log.warn("Marketplace synchronisation failed: {}", e.toString());
        }
    }

    /** One catch-up, under the lock; false when the database could not be read. */
    private boolean catchUp() {
        Marketplace current = marketplace;
        if (current == null) {
            return false;
        }
        long started = System.nanoTime();
        Instant now = clock.instant();
        try {
            MarketplaceRows.CatchUp catchUp = rows.catchUp(xmin, current.occupancyFrom());
            apply(current, catchUp);
            xmin = catchUp.changes().xmin();
            reflects = now;
            lastCatchUp = now;
            caughtUp.increment();
            return true;
        } catch (RuntimeException e) {
            failed.increment();
            log.warn("The marketplace could not catch up from the database: {}", e.toString());
            return false;
        } finally {
            catchUpTime.record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
        }
    }

    private static void apply(Marketplace marketplace, MarketplaceRows.CatchUp catchUp) {
        java.util.Set<UUID> present = new java.util.HashSet<>();
        for (Listing listing : catchUp.listings()) {
            marketplace.put(listing);
            present.add(listing.id());
        }
        for (UUID spot : catchUp.changes().spots()) {
            if (!present.contains(spot)) {
                marketplace.remove(spot);
            }
        }
        for (Map.Entry<UUID, Map<UUID, Instant[]>> spot :
                catchUp.holds().bySpot().entrySet()) {
            marketplace.replaceOccupancy(spot.getKey(), spot.getValue());
        }
    }

    /** Builds a marketplace from one snapshot, catches it up, then serves it (replacing any older one). */
    private void build() {
        long started = System.nanoTime();
        Instant now = clock.instant();
        Instant holdsFrom = now.minus(KEEP_PAST_HOLDS);
        Marketplace fresh = new Marketplace(1024, holdsFrom);
        long snapshotXmin = rows.loadAll(
                holdsFrom, fresh::put, hold -> fresh.occupy(hold.spotId(), hold.bookingId(), hold.start(), hold.end()));
        fresh.compact();
        catchUpLock.lock();
        try {
            // what was committed before this read is in the catch-up below; what commits after it is caught up below
            long upTo = requested.get();
            MarketplaceRows.CatchUp catchUp = rows.catchUp(snapshotXmin, holdsFrom);
            apply(fresh, catchUp);
            xmin = catchUp.changes().xmin();
            covered = upTo;
            reflects = now;
            lastCatchUp = now;
            marketplace = fresh;
            long since = requested.get();
            if (since > upTo && catchUp()) {
                covered = since;
            }
        } finally {
            catchUpLock.unlock();
        }
        log.info(
                "Marketplace in memory: {} spots, {} holds, ~{} MB, built in {} ms",
                fresh.size(),
                fresh.holds(),
                fresh.bytes() / (1024 * 1024),
                (System.nanoTime() - started) / 1_000_000);
    }

    private double lagSeconds() {
        if (marketplace == null) {
            return Double.NaN;
        }
        return Duration.between(reflects, clock.instant()).toMillis() / 1000.0;
    }

    private double figure(java.util.function.ToLongFunction<Marketplace> figure) {
        Marketplace current = marketplace;
        return current == null ? Double.NaN : figure.applyAsLong(current);
    }

    /** Purges the change log (any instance may; deleting twice is harmless). */
    private void purge() {
        try {
            int purged = rows.purgeChangesBefore(clock.instant().minus(retention));
            if (purged > 0) {
                log.debug("Purged {} spot change log entries", purged);
            }
        } catch (RuntimeException e) {
            log.warn("Could not purge the spot change log: {}", e.toString());
        }
    }

    // --- lifecycle and readiness ---

    @Override
    public void start() {
        running = true;
        if (!enabled) {
            return;
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "marketplace-sync");
            thread.setDaemon(true);
            return thread;
        });
        executor = scheduler;
        scheduler.execute(() -> {
            try {
                build();
                buildFailure = null;
            } catch (RuntimeException e) {
                buildFailure = e.toString();
                log.error("Could not build the marketplace in memory (searches use the database): {}", e.toString());
            }
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::tick, millis, millis, TimeUnit.MILLISECONDS);
        long purgeEvery = Math.max(60_000, retention.toMillis() / 6);
        scheduler.scheduleWithFixedDelay(this::purge, purgeEvery, purgeEvery, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        running = false;
        ScheduledExecutorService scheduler = executor;
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Readiness: up once built (or when this instance does not hold one). */
    @Override
    public Health health() {
        if (!enabled) {
            return Health.up().build();
        }
        if (marketplace != null) {
            return Health.up().withDetail("spots", figure(Marketplace::size)).build();
        }
        Health.Builder down = Health.down().withDetail("marketplace", "building");
        String failure = buildFailure;
        return failure == null
                ? down.build()
                : down.withDetail("error", failure).build();
    }
}
