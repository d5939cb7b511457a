package com.parkingspots.bookings.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * {@code Idempotency-Key} for booking creation. The key row is inserted in the booking's own transaction: a retry
 * with the same key waits on the primary key until the first request commits (then replays its response) or rolls
 * back (then runs itself). A key reused for a different request is refused.
 */
@Repository
class IdempotencyKeys {

    sealed interface Claim {}

    /** First use of the key: go ahead, then {@link #complete} in the same transaction. */
    record Claimed() implements Claim {}

    record Replay(String responseBody) implements Claim {}

    record Mismatch() implements Claim {}

    private final JdbcClient jdbc;

    IdempotencyKeys(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Claim claim(UUID userId, String key, String requestFingerprint, Instant now) {
        String hash = sha256(requestFingerprint);
        int inserted =
                jdbc.sql("""
                        INSERT INTO booking_idempotency_keys (user_id, key, request_hash, response_body, created_at)
                        VALUES (?, ?, ?, '', ?)
                        ON CONFLICT (user_id, key) DO NOTHING""").params(userId, key, hash, Timestamp.from(now)).update();
        if (inserted == 1) {
            return new Claimed();
        }
        Optional<String[]> existing = jdbc.sql(
                        "SELECT request_hash, response_body FROM booking_idempotency_keys WHERE user_id = ? AND key = ?")
                .params(userId, key)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)})
                .optional();
        if (existing.isEmpty()) {
            return claim(userId, key, requestFingerprint, now); // expired and removed meanwhile
        }
        return existing.get()[0].equals(hash) ? new Replay(existing.get()[1]) : new Mismatch();
    }

    void complete(UUID userId, String key, String responseBody) {
        jdbc.sql("UPDATE booking_idempotency_keys SET response_body = ? WHERE user_id = ? AND key = ?")
                .params(responseBody, userId, key)
                .update();
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
