package com.parkingspots.notifications.internal;

import com.parkingspots.identity.MailOutbox;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.slf4j.MDC;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The transactional outbox: emails and pushes are rows written in the transaction that caused them, delivered later by
 * {@link OutboxWorker}. A {@code dedupe_key} makes writing the same notification twice (a listener run again after a
 * crash) a no-op. Identity's emails come in through {@link MailOutbox}.
 */
@Repository
public class Outbox implements MailOutbox {

    /** One row claimed for delivery. */
    public record Row(
            UUID id,
            @Nullable UUID userId,
            String kind,
            String channel,
            @Nullable String recipient,
            @Nullable String subject,
            @Nullable String textBody,
            @Nullable String htmlBody,
            @Nullable String payload,
            int attempts,
            @Nullable String requestId) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final OutboxSignal signal;

    Outbox(JdbcClient jdbc, Clock clock, OutboxSignal signal) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.signal = signal;
    }

    @Override
    public void enqueue(String to, String subject, String text) {
        addEmail("account:" + UUID.randomUUID(), null, Kind.ACCOUNT, to, subject, text, null);
    }

    /** Returns false when a row with this key exists already. */
    public boolean addEmail(
            String dedupeKey,
            @Nullable UUID userId,
            Kind kind,
            String to,
            String subject,
            String text,
            @Nullable String html) {
        return insert(dedupeKey, userId, kind, "email", to, subject, text, html, null);
    }

    public boolean addPush(String dedupeKey, UUID userId, Kind kind, String payload) {
        return insert(dedupeKey, userId, kind, "push", null, null, null, null, payload);
    }

    private boolean insert(
            String dedupeKey,
            @Nullable UUID userId,
            Kind kind,
            String channel,
            @Nullable String recipient,
            @Nullable String subject,
            @Nullable String text,
            @Nullable String html,
            @Nullable String payload) {
        Timestamp now = Timestamp.from(clock.instant());
        int inserted = jdbc.sql("""
                INSERT INTO notification_outbox (id, dedupe_key, user_id, kind, channel, recipient, subject, text_body,
                                                 html_body, payload, next_attempt_at, created_at, request_id)
                VALUES (:id, :key, :user, :kind, :channel, :recipient, :subject, :text, :html, :payload, :now, :now,
                        :requestId)
                ON CONFLICT (dedupe_key) DO NOTHING""")
                .param("id", UUID.randomUUID())
                .param("key", dedupeKey)
                .param("user", userId)
                .param("kind", kind.value())
                .param("channel", channel)
                .param("recipient", recipient)
                .param("subject", subject)
                .param("text", text)
                .param("html", html)
                .param("payload", payload)
                .param("now", now)
                .param("requestId", MDC.get("requestId"))
                .update();
        if (inserted > 0) {
            wakeAfterCommit();
        }
        return inserted > 0;
    }

    private void wakeAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    signal.wake();
                }
            });
        } else {
            signal.wake();
        }
    }

    /**
     * Locks the oldest due row for the caller's transaction, skipping rows other workers hold: two workers never get
     * the same row. Call inside a transaction, deliver, then mark the row before committing.
     */
    public Optional<Row> claimDue(Instant now) {
        return jdbc.sql("""
                SELECT id, user_id, kind, channel, recipient, subject, text_body, html_body, payload, attempts, request_id
                FROM notification_outbox
                WHERE status = 'pending' AND next_attempt_at <= ?
                ORDER BY next_attempt_at
                LIMIT 1
                FOR UPDATE SKIP LOCKED""")
                .param(Timestamp.from(now))
                .query((rs, n) -> new Row(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("channel"),
                        rs.getString("recipient"),
                        rs.getString("subject"),
                        rs.getString("text_body"),
                        rs.getString("html_body"),
                        rs.getString("payload"),
                        rs.getInt("attempts"),
                        rs.getString("request_id")))
                .optional();
    }

    public void markSent(UUID id, Instant now) {
        jdbc.sql(
                        "UPDATE notification_outbox SET status = 'sent', sent_at = ?, attempts = attempts + 1, last_error = NULL"
                                + " WHERE id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    public void markFailed(UUID id, String error, @Nullable Instant retryAt) {
        String message = error.length() > 500 ? error.substring(0, 500) : error;
        if (retryAt == null) {
            jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, status = 'failed'"
                            + " WHERE id = ?")
                    .params(message, id)
                    .update();
        } else {
            jdbc.sql("UPDATE notification_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?"
                            + " WHERE id = ?")
                    .params(message, Timestamp.from(retryAt), id)
                    .update();
        }
    }
}
