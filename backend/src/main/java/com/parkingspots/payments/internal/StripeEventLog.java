package com.parkingspots.payments.internal;

import static com.parkingspots.payments.internal.PaymentRepository.ts;

import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Webhook events already processed. */
@Repository
class StripeEventLog {

    private final JdbcClient jdbc;

    StripeEventLog(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims the event inside the caller's transaction: true the first time. A concurrent duplicate waits on the
     * primary key until the first commits (then false) or rolls back (then true, and it does the work).
     */
    boolean claim(String eventId, String type, Instant now) {
        return jdbc.sql("""
                        INSERT INTO stripe_events (id, type, received_at) VALUES (:id, :type, :now)
                        ON CONFLICT (id) DO NOTHING""")
                        .param("id", eventId)
                        .param("type", type)
                        .param("now", ts(now))
                        .update()
                == 1;
    }
}
