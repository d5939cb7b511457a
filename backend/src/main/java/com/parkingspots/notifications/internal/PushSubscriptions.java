package com.parkingspots.notifications.internal;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The Web Push subscriptions of each user's browsers (RFC 8030): endpoint and the keys to encrypt for it (RFC 8291). */
@Repository
public class PushSubscriptions {

    public record Subscription(UUID id, UUID userId, String endpoint, String p256dh, String auth) {}

    private final JdbcClient jdbc;

    PushSubscriptions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Stores the subscription for this user; an endpoint registered before (by anyone) now belongs to them. */
    public UUID save(UUID userId, String endpoint, String p256dh, String auth, Instant now) {
        return jdbc.sql("""
                INSERT INTO push_subscriptions (id, user_id, endpoint, p256dh, auth, created_at)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (endpoint) DO UPDATE
                SET user_id = EXCLUDED.user_id, p256dh = EXCLUDED.p256dh, auth = EXCLUDED.auth
                RETURNING id""")
                .params(UUID.randomUUID(), userId, endpoint, p256dh, auth, Timestamp.from(now))
                .query(UUID.class)
                .single();
    }

    public boolean has(UUID userId) {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM push_subscriptions WHERE user_id = ?)")
                .param(userId)
                .query(Boolean.class)
                .single();
    }

    public List<Subscription> of(UUID userId) {
        return jdbc.sql("SELECT id, user_id, endpoint, p256dh, auth FROM push_subscriptions WHERE user_id = ?")
                .param(userId)
                .query((rs, n) -> new Subscription(
                        rs.getObject("id", UUID.class),
                        rs.getObject("user_id", UUID.class),
                        rs.getString("endpoint"),
                        rs.getString("p256dh"),
                        rs.getString("auth")))
                .list();
    }

    public int delete(UUID userId, String endpoint) {
        return jdbc.sql("DELETE FROM push_subscriptions WHERE user_id = ? AND endpoint = ?")
                .params(userId, endpoint)
                .update();
    }

    public void deleteById(UUID id) {
        jdbc.sql("DELETE FROM push_subscriptions WHERE id = ?").param(id).update();
    }
}
