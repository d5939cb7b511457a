package com.parkingspots.shared.db;

import com.github.kagkarlsson.scheduler.task.ExecutionContext;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes rows whose lifetime is over (tokens, idempotency keys, event publications), for the module that owns them:
 * each module declares its {@link Purge}s and registers them as one recurring db-scheduler task with {@link #task}, so
 * a purge runs on one worker at a time and never on an {@code api} instance (shared.cluster.RoleConfiguration).
 *
 * <p>Rows are deleted in batches of {@value #BATCH}, each its own short statement, so a large backlog never holds long
 * locks; a run stops after {@value #MAX_BATCHES} batches of a kind and the next run goes on. After each run the gauge
 * {@code parkingspots.housekeeping.pending{kind}} holds the rows of that kind that are dead (expired, used, completed)
 * but still stored: those within their margin, and any a run left over. It is measured by the run, never per scrape
 * ({@code NaN} until the first run on this instance). {@code parkingspots.housekeeping.purged{kind}} counts deletions.
 */
@Component
public class Housekeeping {

    public static final String PENDING_GAUGE = "parkingspots.housekeeping.pending";
    public static final String PURGED_COUNTER = "parkingspots.housekeeping.purged";
    static final int BATCH = 5000;
    static final int MAX_BATCHES = 200;

    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);

    /**
     * One kind of row. {@code purgeable} and {@code dead} are SQL conditions on {@code table}'s columns, against the
     * database's {@code now()}; both are constants of the owning module, never request input.
     *
     * @param kind the metrics' {@code kind} tag, e.g. {@code refresh_tokens}
     * @param purgeable rows past their lifetime plus the margin: deleted
     * @param dead rows no longer of any use, whether or not their margin has passed: what the gauge counts
     */
    public record Purge(String kind, String table, String purgeable, String dead) {}

    private final JdbcClient jdbc;
    private final MeterRegistry meters;
    private final Map<String, AtomicReference<Double>> pending = new ConcurrentHashMap<>();

    Housekeeping(JdbcClient jdbc, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** A recurring task that runs these purges every {@code interval} (the first run right after start-up). */
    public RecurringTask<Void> task(String name, Duration interval, List<Purge> purges) {
        return task(name, interval, purges, context -> {});
    }

    /** The same, telling {@code started} about each run first (e.g. to record how late it began). */
    public RecurringTask<Void> task(
            String name, Duration interval, List<Purge> purges, Consumer<ExecutionContext> started) {
        purges.forEach(purge -> gauge(purge.kind()));
        return Tasks.recurring(name, FixedDelay.of(interval)).execute((instance, context) -> {
            started.accept(context);
            run(purges);
        });
    }

    /** Runs the purges now; returns the rows deleted per kind. One kind failing does not stop the others. */
    public Map<String, Long> run(List<Purge> purges) {
        Map<String, Long> deleted = new LinkedHashMap<>();
        for (Purge purge : purges) {
            try {
                deleted.put(purge.kind(), purge(purge));
            } catch (RuntimeException e) {
                gauge(purge.kind()).set(Double.NaN);
                log.warn("Housekeeping of {} failed, the next run tries again: {}", purge.kind(), e.toString());
            }
        }
        return deleted;
    }

    private long purge(Purge purge) {
        String delete = "DELETE FROM " + purge.table() + " WHERE ctid IN (SELECT ctid FROM " + purge.table() + " WHERE "
                + purge.purgeable() + " LIMIT " + BATCH + ") AND (" + purge.purgeable() + ")";
        long total = 0;
        int batches = 0;
        int deleted;
        do {
            deleted = jdbc.sql(delete).update();
            total += deleted;
            batches++;
        } while (deleted == BATCH && batches < MAX_BATCHES);
        long dead = jdbc.sql("SELECT count(*) FROM " + purge.table() + " WHERE " + purge.dead())
                .query(Long.class)
                .single();
        gauge(purge.kind()).set((double) dead);
        if (total > 0) {
            Counter.builder(PURGED_COUNTER)
                    .description("Rows deleted by housekeeping after their lifetime")
                    .tag("kind", purge.kind())
                    .register(meters)
                    .increment(total);
            log.info("Housekeeping deleted {} {} past their lifetime", total, purge.kind());
        }
        if (deleted == BATCH) {
            log.warn("Housekeeping of {} stopped after {} rows; the next run goes on", purge.kind(), total);
        }
        return total;
    }

    private AtomicReference<Double> gauge(String kind) {
        return pending.computeIfAbsent(kind, k -> {
            AtomicReference<Double> value = new AtomicReference<>(Double.NaN);
            Gauge.builder(PENDING_GAUGE, value, AtomicReference::get)
                    .description("Dead rows (expired, used, completed) still stored, as counted by the last purge")
                    .tag("kind", k)
                    .register(meters);
            return value;
        });
    }
}
