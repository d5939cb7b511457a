package com.parkingspots.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.kagkarlsson.scheduler.SchedulerClient;
import com.parkingspots.support.ApiTest;
import com.parkingspots.support.Jobs;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completed event publications are deleted 7 days after completion ({@code parkingspots.events.keep-completed}), by
 * the real scheduler; recent and incomplete ones stay (an incomplete one is redelivered, never purged).
 */
class EventPublicationHousekeepingTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    SchedulerClient scheduler;

    @Autowired
    MeterRegistry meters;

    private UUID publication(String publishedAgo, String completedAgo) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO event_publication (id, listener_id, event_type, serialized_event, publication_date,
                                                       completion_date, status, completion_attempts)
                        VALUES (?, 'housekeeping-test', 'housekeeping-test', '{}', now() - CAST(? AS interval),
                                now() - CAST(? AS interval), ?, 1)""")
                .params(id, publishedAgo, completedAgo, completedAgo == null ? "PUBLISHED" : "COMPLETED")
                .update();
        return id;
    }

    private boolean exists(UUID id) {
        return jdbc.sql("SELECT count(*) FROM event_publication WHERE id = ?")
                        .param(id)
                        .query(Long.class)
                        .single()
                == 1;
    }

    @Test
    void completedPublicationsAreDeletedAWeekAfterCompletionAndNoOthers() throws InterruptedException {
        UUID old = publication("9 days", "8 days");
        UUID completedLate = publication("30 days", "2 days");
        UUID recent = publication("1 day", "1 day");
        // incomplete, and too recent to be redelivered while this test runs
        UUID incomplete = publication("0 seconds", null);
        try {
            Jobs.runNow(scheduler, jdbc, EventPublicationMaintenance.HOUSEKEEPING, () -> !exists(old));

            assertThat(exists(completedLate))
                    .as("counted from completion, not publication")
                    .isTrue();
            assertThat(exists(recent)).isTrue();
            assertThat(exists(incomplete)).isTrue();
            assertThat(meters.get(Housekeeping.PENDING_GAUGE)
                            .tag("kind", "event_publications")
                            .gauge()
                            .value())
                    .isGreaterThanOrEqualTo(2);
        } finally {
            for (UUID id : List.of(old, completedLate, recent, incomplete)) {
                jdbc.sql("DELETE FROM event_publication WHERE id = ?").param(id).update();
            }
        }
    }
}
