package com.parkingspots.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The in-app inbox: one row per notification a user chose to see in the app. */
@Repository
public class Inbox {

    public record Item(
            UUID id,
            String kind,
            String title,
            String body,
            @Nullable String link,
            @Nullable UUID bookingId,
            Instant createdAt,
            @Nullable Instant readAt) {}

    private final JdbcClient jdbc;

    Inbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new row, or empty when one with this key exists already. */
    public Optional<Item> add(
            String dedupeKey,
            UUID userId,
            Kind kind,
            String title,
            String body,
            @Nullable String link,
            @Nullable UUID bookingId,
            Instant now) {
        UUID id = UUID.randomUUID();
        int inserted = jdbc.sql("""
                INSERT INTO notifications (id, dedupe_key, user_id, kind, title, body, link, booking_id, created_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING""")
                .param(1, id)
                .param(2, dedupeKey)
                .param(3, userId)
                .param(4, kind.value())
                .param(5, title)
                .param(6, body)
                .param(7, link)
                .param(8, bookingId)
                .param(9, Timestamp.from(now))
                .update();
        return inserted == 0
                ? Optional.empty()
                : Optional.of(new Item(id, kind.value(), title, body, link, bookingId, now, null));
    }

    public List<Item> page(UUID userId, int limit, int offset) {
        return jdbc.sql("""
                SELECT id, kind, title, body, link, booking_id, created_at, read_at FROM notifications
                WHERE user_id = ? ORDER BY created_at DESC, id DESC LIMIT ? OFFSET ?""")
                .params(userId, limit, offset)
                .query((rs, n) -> new Item(
                        rs.getObject("id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("title"),
                        rs.getString("body"),
                        rs.getString("link"),
                        rs.getObject("booking_id", UUID.class),
                        rs.getTimestamp("created_at").toInstant(),
                        rs.getTimestamp("read_at") == null
                                ? null
                                : rs.getTimestamp("read_at").toInstant()))
                .list();
    }

    public long total(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = ?")
                .param(userId)
                .query(Long.class)
                .single();
    }

    public long unread(UUID userId) {
        return jdbc.sql("SELECT count(*) FROM notifications WHERE user_id = ? AND read_at IS NULL")
                .param(userId)
                .query(Long.class)
                .single();
    }

    /** False when the user has no such notification (someone else's is as unknown as a missing one). */
    public boolean markRead(UUID userId, UUID id, Instant now) {
        return jdbc.sql("UPDATE notifications SET read_at = COALESCE(read_at, ?) WHERE id = ? AND user_id = ?")
                        .params(Timestamp.from(now), id, userId)
                        .update()
                > 0;
    }

    public int markAllRead(UUID userId, Instant now) {
        return jdbc.sql("UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL")
                .params(Timestamp.from(now), userId)
                .update();
    }
}
