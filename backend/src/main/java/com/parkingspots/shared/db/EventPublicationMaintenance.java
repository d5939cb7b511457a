package com.parkingspots.shared.db;

import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.FixedDelay;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.IncompleteEventPublications;

/**
 * Keeps the event publication registry honest. A listener that failed (say, no database connection under overload)
 * leaves its publication incomplete, and Spring Modulith redelivers it only when asked: every minute, on one worker (a
 * db-scheduler recurring task), publications older than {@code parkingspots.events.resubmit-after} are delivered again
 * to their listener. Listeners are idempotent, so a redelivery of one that was merely slow changes nothing. Completed
 * publications are deleted {@code parkingspots.events.keep-completed} after their completion, in batches, by the
 * {@link Housekeeping} task {@value #HOUSEKEEPING} (incomplete ones never are). The number of incomplete publications
 * is the gauge {@code parkingspots.events.incomplete}.
 */
@Configuration(proxyBeanMethods = false)
class EventPublicationMaintenance {

    static final String HOUSEKEEPING = "event-publication-housekeeping";
    private static final Logger log = LoggerFactory.getLogger(EventPublicationMaintenance.class);

    private final IncompleteEventPublications incomplete;
    private final JdbcClient jdbc;
    private final Duration resubmitAfter;
    private final Duration keepCompleted;

    EventPublicationMaintenance(
            IncompleteEventPublications incomplete,
            JdbcClient jdbc,
            MeterRegistry meters,
            @Value("${parkingspots.events.resubmit-after:2m}") Duration resubmitAfter,
            @Value("${parkingspots.events.keep-completed:7d}") Duration keepCompleted) {
        this.incomplete = incomplete;
        this.jdbc = jdbc;
        this.resubmitAfter = resubmitAfter;
        this.keepCompleted = keepCompleted;
        Gauge.builder("parkingspots.events.incomplete", this::countIncomplete)
                .description("Event publications whose listener has not completed")
                .register(meters);
    }

    @Bean
    RecurringTask<Void> eventPublicationResubmissionTask() {
        return Tasks.recurring("event-publication-resubmission", FixedDelay.of(Duration.ofMinutes(1)))
                .execute((instance, context) -> resubmitStale());
    }

    @Bean
    RecurringTask<Void> eventPublicationHousekeepingTask(Housekeeping housekeeping) {
        return housekeeping.task(HOUSEKEEPING, Duration.ofHours(1), List.of(completedPublications()));
    }

    Housekeeping.Purge completedPublications() {
        return new Housekeeping.Purge(
                "event_publications",
                "event_publication",
                "completion_date < now() - make_interval(secs => " + keepCompleted.toSeconds() + ")",
                "completion_date IS NOT NULL");
    }

    /** Delivers again every publication still incomplete {@code resubmit-after} after it was published. */
    void resubmitStale() {
        long stale = jdbc.sql("SELECT count(*) FROM event_publication"
                        + " WHERE completion_date IS NULL AND publication_date < now() - make_interval(secs => ?)")
                .param(resubmitAfter.toSeconds())
                .query(Long.class)
                .single();
        if (stale > 0) {
            log.warn("Delivering {} event publication(s) again: their listeners did not complete", stale);
            incomplete.resubmitIncompletePublicationsOlderThan(resubmitAfter);
        }
    }

    private double countIncomplete() {
        try {
            return jdbc.sql("SELECT count(*) FROM event_publication WHERE completion_date IS NULL")
                    .query(Long.class)
                    .single();
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }
}
