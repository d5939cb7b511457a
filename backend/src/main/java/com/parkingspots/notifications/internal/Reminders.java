package com.parkingspots.notifications.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Persistent reminders of a booking: "starts in 1 hour" and "ends in 15 minutes". Rows are written after the booking
 * commits (the booking request's transaction stays as ADR 0014 measured it), moved by an extension, dropped by a
 * cancellation, and fired by the outbox worker with {@code FOR UPDATE SKIP LOCKED}: exactly once across instances,
 * and the notice's dedupe key makes even a repeated firing a no-op.
 */
@Component
public class Reminders {

    static final String STARTS_SOON = "starts_soon";
    static final String ENDS_SOON = "ends_soon";

    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Notices notices;
    private final Clock clock;

    Reminders(JdbcClient jdbc, TransactionTemplate transactions, Notices notices, Clock clock) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.notices = notices;
        this.clock = clock;
    }

    /** Sets (or moves) a reminder; a moved one fires again. */
    public void schedule(UUID bookingId, String kind, Instant dueAt) {
        jdbc.sql("""
                INSERT INTO notification_reminders (booking_id, kind, due_at) VALUES (?, ?, ?)
                ON CONFLICT (booking_id, kind) DO UPDATE SET due_at = EXCLUDED.due_at, fired_at = NULL
                WHERE notification_reminders.due_at <> EXCLUDED.due_at""").params(bookingId, kind, Timestamp.from(dueAt)).update();
    }

    public void cancelAll(UUID bookingId) {
        jdbc.sql("DELETE FROM notification_reminders WHERE booking_id = ? AND fired_at IS NULL")
                .param(bookingId)
                .update();
    }

    /** Fires up to {@code max} due reminders; returns how many. */
    public int fireDue(int max) {
        Integer fired = transactions.execute(status -> {
            Instant now = clock.instant();
            record Due(UUID bookingId, String kind, Instant dueAt) {}
            List<Due> due = jdbc.sql("""
                    SELECT booking_id, kind, due_at FROM notification_reminders
                    WHERE fired_at IS NULL AND due_at <= ?
                    ORDER BY due_at LIMIT ? FOR UPDATE SKIP LOCKED""")
                    .params(Timestamp.from(now), max)
                    .query((rs, n) -> new Due(
                            rs.getObject("booking_id", UUID.class),
                            rs.getString("kind"),
                            rs.getTimestamp("due_at").toInstant()))
                    .list();
            for (Due reminder : due) {
                notices.reminder(reminder.bookingId(), reminder.kind(), reminder.dueAt());
                jdbc.sql("UPDATE notification_reminders SET fired_at = ? WHERE booking_id = ? AND kind = ?")
                        .params(Timestamp.from(now), reminder.bookingId(), reminder.kind())
                        .update();
            }
            return due.size();
        });
        return fired == null ? 0 : fired;
    }
}
