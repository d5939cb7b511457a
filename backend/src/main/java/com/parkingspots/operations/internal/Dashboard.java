package com.parkingspots.operations.internal;

import com.parkingspots.bookings.BookingDayCounts;
import com.parkingspots.bookings.Bookings;
import com.parkingspots.shared.cluster.ClusterProperties;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * The figures of the admin dashboard ({@code GET /api/v1/admin/dashboard}): this instance's windows and meters, and
 * today's bookings from the database. Every figure is null while there is nothing to report.
 */
public class Dashboard {

    static final int JOBS_WINDOW_SECONDS = 300;

    public record Figures(
            Instant at,
            Instance instance,
            int windowSeconds,
            Requests requests,
            Cache cache,
            DbPool dbPool,
            Jobs jobs,
            BookingsToday bookingsToday,
            Payments payments,
            Websocket websocket,
            Jvm jvm) {}

    public record Instance(String id, String role, Instant startedAt) {}

    public record Requests(
            @Nullable Double perSecond,
            @Nullable Double p50Ms,
            @Nullable Double p99Ms,
            @Nullable Double errorRate,
            @Nullable Double clientErrorRate) {}

    public record Cache(
            @Nullable Double hitRate,
            @Nullable Long hits,
            @Nullable Long misses) {}

    public record DbPool(
            @Nullable Long active,
            @Nullable Long idle,
            @Nullable Long max,
            @Nullable Long pending) {}

    public record Jobs(
            @Nullable Double lagP99Ms,
            @Nullable Double lagMaxMs,
            @Nullable Long executed) {}

    public record BookingsToday(
            @Nullable Long created,
            @Nullable Long confirmed,
            @Nullable Long cancelled) {}

    public record Payments(
            @Nullable Long succeeded, @Nullable Long failed) {}

    public record Websocket(@Nullable Long connections) {}

    public record Jvm(
            @Nullable Long heapUsedBytes,
            @Nullable Long heapMaxBytes,
            @Nullable Long liveThreads,
            @Nullable Double processCpu) {}

    private final MeterRegistry registry;
    private final RequestWindow requests;
    private final MeterSampler sampler;
    private final Bookings bookings;
    private final ClusterProperties cluster;
    private final OperationsProperties properties;
    private final Clock clock;
    private final Instant startedAt =
            Instant.ofEpochMilli(ManagementFactory.getRuntimeMXBean().getStartTime());

    Dashboard(
            MeterRegistry registry,
            RequestWindow requests,
            MeterSampler sampler,
            Bookings bookings,
            ClusterProperties cluster,
            OperationsProperties properties,
            Clock clock) {
        this.registry = registry;
        this.requests = requests;
        this.sampler = sampler;
        this.bookings = bookings;
        this.cluster = cluster;
        this.properties = properties;
        this.clock = clock;
    }

    public Figures figures() {
        Instant now = clock.instant();
        int window = properties.windowSeconds();
        return new Figures(
                now.truncatedTo(ChronoUnit.MILLIS),
                new Instance(cluster.instanceId(), cluster.instanceRole().name().toLowerCase(Locale.ROOT), startedAt),
                window,
                requests(now, window),
                cache(now, window),
                dbPool(),
                jobs(now),
                bookingsToday(now),
                payments(),
                new Websocket(gaugeLong("parkingspots.websocket.connections", null)),
                jvm());
    }

    private Requests requests(Instant now, int window) {
        RequestWindow.Snapshot s = requests.read(now.getEpochSecond(), window);
        if (s.requests() == 0) {
            return new Requests(0.0, null, null, null, null);
        }
        double count = s.requests();
        return new Requests(
                round(count / window, 2),
                s.p50Ms(),
                s.p99Ms(),
                round(s.serverErrors() / count, 4),
                round(s.clientErrors() / count, 4));
    }

    private Cache cache(Instant now, int window) {
        MeterSampler.Sample current = sampler.sample();
        MeterSampler.Sample before = sampler.ago(now.getEpochSecond(), window);
        if (registry.find(MeterSampler.CACHE).counters().isEmpty() || before == null) {
            return new Cache(null, null, null);
        }
        long hits = Math.round(current.hits() - before.hits());
        long misses = Math.round(current.misses() - before.misses());
        Double rate = hits + misses == 0 ? null : round((double) hits / (hits + misses), 4);
        return new Cache(rate, hits, misses);
    }

    private DbPool dbPool() {
        return new DbPool(
                gaugeLong("hikaricp.connections.active", null),
                gaugeLong("hikaricp.connections.idle", null),
                gaugeLong("hikaricp.connections.max", null),
                gaugeLong("hikaricp.connections.pending", null));
    }

    private Jobs jobs(Instant now) {
        Collection<Timer> timers = registry.find(MeterSampler.JOB_LAG).timers();
        MeterSampler.Sample current = sampler.sample();
        MeterSampler.Sample before = sampler.ago(now.getEpochSecond(), JOBS_WINDOW_SECONDS);
        long executed = before == null ? current.jobs() : current.jobs() - before.jobs();
        if (timers.isEmpty() || executed == 0) {
            return new Jobs(null, null, executed);
        }
        double p99 = 0;
        double max = 0;
        for (Timer timer : timers) {
            HistogramSnapshot snapshot = timer.takeSnapshot();
            max = Math.max(max, snapshot.max(TimeUnit.MILLISECONDS));
            for (ValueAtPercentile value : snapshot.percentileValues()) {
                if (value.percentile() == 0.99) {
                    p99 = Math.max(p99, value.value(TimeUnit.MILLISECONDS));
                }
            }
        }
        return new Jobs(round(p99, 1), round(max, 1), executed);
    }

    private BookingsToday bookingsToday(Instant now) {
        BookingDayCounts counts = bookings.countSince(now.truncatedTo(ChronoUnit.DAYS));
        return new BookingsToday(counts.created(), counts.confirmed(), counts.cancelled());
    }

    private Payments payments() {
        return new Payments(
                counterSum("parkingspots.payments", "succeeded"), counterSum("parkingspots.payments", "failed"));
    }

    private Jvm jvm() {
        // read once: the JVM reports CPU use since its previous reading, so a second read right after says ~0
        double cpu = registry.find("process.cpu.usage").gauge() instanceof Gauge gauge ? gauge.value() : Double.NaN;
        return new Jvm(
                gaugeLong("jvm.memory.used", "heap"),
                gaugeLong("jvm.memory.max", "heap"),
                gaugeLong("jvm.threads.live", null),
                cpu >= 0 ? round(cpu, 4) : null);
    }

    private @Nullable Long counterSum(String name, String result) {
        Collection<Counter> counters = registry.find(name).tag("result", result).counters();
        if (counters.isEmpty()) {
            return null;
        }
        return Math.round(counters.stream().mapToDouble(Counter::count).sum());
    }

    /** Sum of a gauge over its series (memory pools of an area, say); null when absent or undefined. */
    private @Nullable Long gaugeLong(String name, @Nullable String area) {
        var search = registry.find(name);
        if (area != null) {
            search = search.tag("area", area);
        }
        Collection<Gauge> gauges = search.gauges();
        if (gauges.isEmpty()) {
            return null;
        }
        double sum = 0;
        for (Gauge gauge : gauges) {
            double value = gauge.value();
            if (Double.isNaN(value) || value < 0) {
                if (area != null) {
                    continue; // a pool without a limit (-1) does not limit the heap
                }
                return null;
            }
            sum += value;
        }
        return Math.round(sum);
    }

    private static double round(double value, int digits) {
        double scale = Math.pow(10, digits);
        return Math.round(value * scale) / scale;
    }
}
