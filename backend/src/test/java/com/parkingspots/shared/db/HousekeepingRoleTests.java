package com.parkingspots.shared.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.parkingspots.support.ApiTest;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An {@code api} instance never runs housekeeping (its scheduler is never started, so it does not even schedule the
 * recurring tasks): purges run on workers.
 * The same context as DatabaseOverloadTests (role api), so no extra start-up.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.hikari.maximum-pool-size=2",
            "spring.datasource.hikari.connection-timeout=250",
            "parkingspots.cluster.role=api"
        })
class HousekeepingRoleTests extends ApiTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MeterRegistry meters;

    @Test
    void anApiInstanceNeverSchedulesNorRunsHousekeeping() {
        for (String task :
                new String[] {"identity-housekeeping", "bookings-housekeeping", "event-publication-housekeeping"}) {
            assertThat(jdbc.sql("SELECT count(*) FROM scheduled_tasks WHERE task_name = ?")
                            .param(task)
                            .query(Long.class)
                            .single())
                    .as(task)
                    .isZero();
        }
        for (String kind : new String[] {"refresh_tokens", "idempotency_keys", "event_publications"}) {
            assertThat(meters.get(Housekeeping.PENDING_GAUGE)
                            .tag("kind", kind)
                            .gauge()
                            .value())
                    .as("never measured on an api instance: " + kind)
                    .isNaN();
        }
    }
}
